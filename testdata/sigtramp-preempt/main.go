// Command sigtramp-preempt keeps its main goroutine in a loop without calls while another
// goroutine forces garbage collections: to stop the world, the runtime preempts main
// asynchronously, with a SIGURG that interrupts the loop (run it with GOMAXPROCS=2). Tests
// stop it in main.ready and then in the signal handler. Lines marked "// L:name" are what tests expect as locations.
package main

import (
	"runtime"
	"sync/atomic"
	"time"
)

var (
	spinning atomic.Bool
	sink     int
)

func main() {
	go collect()
	spin() // L:callspin
}

// spin does not return (sink would have to overflow): its loop has no calls, so only a
// signal can preempt it.
func spin() {
	spinning.Store(true)
	for sink >= 0 { // L:for
		sink++ // L:loop
	}
}

// ready is called once main has spun for a while: tests plant their breakpoints in the
// signal handler from here on, when the next signal is the preemption of the loop.
//
//go:noinline
func ready() {}

// collect waits until main spins, then collects garbage forever.
func collect() {
	for !spinning.Load() {
		runtime.Gosched()
	}
	time.Sleep(20 * time.Millisecond)
	ready()
	for {
		runtime.GC()
	}
}
