// Command engine-spin prints "ready" and then calls tick in a busy loop until it is killed:
// a process to attach to, halt, and put breakpoints on.
package main

import "fmt"

var counter uint64

//go:noinline
func tick(n uint64) uint64 {
	return n + 1
}

func main() {
	fmt.Println("ready")
	for {
		counter = tick(counter)
	}
}
