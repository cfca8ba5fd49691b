// Command engine-signal sends itself SIGUSR1 three times, handles each through os/signal, and
// prints how many it got. Under a debugger that passes signals on, it prints "got 3 signals".
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	got := 0
	for i := 0; i < 3; i++ {
		syscall.Kill(os.Getpid(), syscall.SIGUSR1)
		<-ch
		got++
	}
	fmt.Printf("got %d signals\n", got)
}
