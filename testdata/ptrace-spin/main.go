// Command ptrace-spin keeps four Ps busy: GOMAXPROCS=4, three goroutines and main spin on
// counters forever. It prints "ready" once they run. Used for thread tracking, halting and
// attaching.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var counters [4]atomic.Uint64

//go:noinline
func spin(i int) {
	for {
		counters[i].Add(1)
	}
}

func main() {
	runtime.GOMAXPROCS(4)
	for i := 1; i < 4; i++ {
		go spin(i)
	}
	for counters[1].Load() == 0 || counters[2].Load() == 0 || counters[3].Load() == 0 {
		runtime.Gosched()
	}
	fmt.Println("ready")
	spin(0)
}
