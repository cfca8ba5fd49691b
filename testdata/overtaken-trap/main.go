// Command overtaken-trap keeps eight threads busy (GOMAXPROCS=8: seven goroutines and main),
// each calling tick every few microseconds between stretches of busy work, so that a debugger
// that stops every thread while a breakpoint sits in tick now and then finds one of them
// executing the breakpoint instruction at that very moment. It prints "ready" once all run.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var counters [8]atomic.Uint64

var work [8]int

//go:noinline
func tick(i int) {
	counters[i].Add(1)
}

//go:noinline
func pace(i int) {
	for {
		for j := 0; j < 5000; j++ {
			work[i]++
		}
		tick(i)
	}
}

func main() {
	runtime.GOMAXPROCS(8)
	for i := 1; i < 8; i++ {
		go pace(i)
	}
	for i := 1; i < 8; i++ {
		for counters[i].Load() == 0 {
			runtime.Gosched()
		}
	}
	fmt.Println("ready")
	pace(0)
}
