// Command gostep is the fixture of the tests of step on go statements: each scenario is a
// function main calls in turn, which starts a goroutine in one of the forms of the go statement
// (a call with arguments, without, closures, methods, a method value, a generic function,
// runtime and assembly code, a private runtime function) and mostly waits for it, so that a
// test stops on the go line, steps, and lands in the new goroutine with exact file:line
// expectations (line numbers matter).
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	_ "unsafe" // for go:linkname
)

var wg sync.WaitGroup

var total int

type Worker struct{ n int }

func (w *Worker) Run(by int) {
	w.n += by
	wg.Done()
}

func (w *Worker) Tick() {
	w.n++
	wg.Done()
}

func work(n int) {
	total += n
	wg.Done()
}

func idle() {
	total++
	wg.Done()
}

func pair[T any](a, b T) {
	_ = fmt.Sprint(a, b)
	wg.Done()
}

// marked is set by mark.
var marked int32

// mark, written in assembly (mark_amd64.s, mark_arm64.s), sets marked.
func mark()

// nanotime is the runtime's private clock, which step does not enter.
//
//go:linkname nanotime runtime.nanotime
func nanotime() int64

func goCall() {
	wg.Add(1)
	go work(1)
	wg.Wait()
}

func goNoArgs() {
	wg.Add(1)
	go idle()
	wg.Wait()
}

func goClosure() {
	wg.Add(1)
	go func() {
		total += 2
		wg.Done()
	}()
	wg.Wait()
}

func goClosureArgs() {
	wg.Add(1)
	go func(by int) {
		total += by
		wg.Done()
	}(3)
	wg.Wait()
}

func goMethod() {
	w := &Worker{}
	wg.Add(1)
	go w.Run(4)
	wg.Wait()
}

func goMethodNoArgs() {
	w := &Worker{}
	wg.Add(1)
	go w.Tick()
	wg.Wait()
}

func goMethodValue() {
	w := &Worker{}
	run := w.Run
	wg.Add(1)
	go run(5)
	wg.Wait()
}

func goGeneric() {
	wg.Add(1)
	go pair[int](6, 7)
	wg.Wait()
}

func goRuntime() {
	var stats runtime.MemStats
	runtime.ReadMemStats(&stats)
	done := stats.NumGC + 1
	go runtime.GC()
	for stats.NumGC < done { // until the collection ran
		runtime.Gosched()
		runtime.ReadMemStats(&stats)
	}
}

func goAsm() {
	go mark()
	for atomic.LoadInt32(&marked) == 0 {
		runtime.Gosched()
	}
}

func goLoop() {
	wg.Add(3)
	for i := 0; i < 3; i++ {
		go work(i)
	}
	wg.Wait()
}

func goPrivate() {
	go nanotime()
	total++
}

func main() {
	goCall()
	goNoArgs()
	goClosure()
	goClosureArgs()
	goMethod()
	goMethodNoArgs()
	goMethodValue()
	goGeneric()
	goRuntime()
	goAsm()
	goLoop()
	goPrivate()
	fmt.Println("total", total)
}
