// Command goroutines-cgo runs a goroutine inside C code (a busy loop in a C function of this
// binary, reached through a cgo call) and then calls stopHere, so that a debugger sees a
// thread on the system stack in C: its stack must go from the C frames (call frame
// information) through runtime.asmcgocall back to the goroutine's Go frames.
package main

/*
#include <stdint.h>

volatile int64_t c_spins;
volatile int c_started;

__attribute__((noinline)) void c_inner(void) {
	c_started = 1;
	for (;;) {
		c_spins++;
	}
}

__attribute__((noinline)) void c_spin(void) {
	c_inner();
	c_spins = -1;
}
*/
import "C"

import (
	"fmt"
	"time"
)

//go:noinline
func cWorker() {
	C.c_spin() // L:ccall
}

//go:noinline
func stopHere() {
	fmt.Println("stop")
}

func main() {
	go cWorker() // L:gocworker
	for C.c_started == 0 {
		time.Sleep(time.Millisecond)
	}
	stopHere()
}
