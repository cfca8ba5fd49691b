// Command sigtramp-preempt keeps its main goroutine in a loop without calls, so only a signal
// can preempt it: every 10ms sysmon preempts it asynchronously with a SIGURG that interrupts
// the loop. With the argument "profile" it also profiles the CPU, so SIGPROF interrupts the
// loop 100 times a second. Tests stop it in main.ready, once main spins, and then in the
// signal handler. Lines marked "// L:name" are what tests expect as locations.
package main

import (
	"io"
	"os"
	"runtime/pprof"
	"sync/atomic"
	"time"
)

var (
	spinning atomic.Bool
	sink     int
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "profile" {
		if err := pprof.StartCPUProfile(io.Discard); err != nil {
			panic(err)
		}
	}
	go wait()
	spin() // L:callspin
}

// spin does not return (sink would have to overflow).
func spin() {
	spinning.Store(true)
	for sink >= 0 { // L:for
		sink++ // L:loop
	}
}

// ready is called once main has spun for a while.
//
//go:noinline
func ready() {}

// wait waits until main spins, calls ready and blocks.
func wait() {
	for !spinning.Load() {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond)
	ready()
	select {}
}
