// Command hello is the smallest fixture: it prints its arguments and exits.
package main

import (
	"fmt"
	"os"
)

func greet(name string) string {
	return "hello, " + name
}

func main() {
	for _, a := range os.Args[1:] {
		fmt.Println(greet(a))
	}
	fmt.Println(greet("world"))
}
