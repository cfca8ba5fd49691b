// Command bpfast-sigtrap calls tick three times, then sends itself SIGTRAP with kill(2) and
// handles it through os/signal: a debugger that takes a SIGTRAP sent by kill for a breakpoint
// trap (and swallows it) makes it print "no signal" and exit 1; one that passes it on lets it
// print "got trace/breakpoint trap" and exit 0.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

//go:noinline
func tick(i int) int {
	return i + 1
}

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTRAP)
	sum := 0
	for i := 0; i < 3; i++ {
		sum += tick(i)
	}
	syscall.Kill(os.Getpid(), syscall.SIGTRAP)
	select {
	case s := <-c:
		fmt.Println("got", s, sum)
	case <-time.After(20 * time.Second):
		fmt.Println("no signal")
		os.Exit(1)
	}
}
