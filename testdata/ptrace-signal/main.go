// Command ptrace-signal sends SIGUSR1 to itself and handles it with os/signal: a debugger
// that passes the signal on lets it print "got user defined signal 1" and exit 0.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	select {
	case s := <-c:
		fmt.Println("got", s)
	case <-time.After(20 * time.Second):
		fmt.Println("no signal")
		os.Exit(1)
	}
}
