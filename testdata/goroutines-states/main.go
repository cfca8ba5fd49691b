// Command goroutines-states parks goroutines in every blocking state a debugger names, then
// stops where a debugger can see them. Usage: goroutines-states MODE OUT
//
// Mode "states": starts the workers below, waits until the runtime's own traceback shows each
// in its expected state, writes runtime.Stack(all) to OUT (run it with GOTRACEBACK=system so
// that the dump has every goroutine and frame with sp/fp) and calls stopHere, where the test
// has planted a breakpoint. Lines marked "// L:name" are what tests expect as locations.
//
// Mode "panic": a goroutine faults on a nil pointer; its deferred handler recovers and calls
// panicStop.
//
// Mode "grow": calls beforeGrow, then recurses with big frames on the main goroutine until the
// stack grows (a test plants a breakpoint in runtime.newstack after beforeGrow).
//
// Mode "alloc": calls beforeAlloc, then makes a large allocation, which the runtime serves on
// the system stack (a test plants a breakpoint in runtime.(*mheap).allocSpan).
package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

var (
	chRecv   = make(chan int)
	chSend   = make(chan int)
	chInline = make(chan int)
	chSelect = make(chan int)
	mu       sync.Mutex
	rw       sync.RWMutex
	cond     = sync.NewCond(&sync.Mutex{})
	wg       sync.WaitGroup
	pipeR    int
	stop     atomic.Bool
	spins    atomic.Uint64
	level    int
	sink     []byte
	done     = make(chan bool)
)

//go:noinline
func recvWorker() { // L:funcrecv
	<-chRecv // L:recv
}

//go:noinline
func sendWorker() {
	chSend <- 1 // L:send
}

//go:noinline
func selectWorker() {
	select { // L:select
	case <-chRecv:
	case <-chSelect:
	}
}

//go:noinline
func selectNoCases() {
	select {} // L:selectnocases
}

//go:noinline
func mutexWorker() {
	mu.Lock() // L:mutex
}

//go:noinline
func rwWorker() {
	rw.RLock() // L:rwmutex
}

//go:noinline
func sleepWorker() {
	time.Sleep(time.Hour) // L:sleep
}

//go:noinline
func syscallWorker() {
	var b [1]byte
	syscall.Read(pipeR, b[:]) // L:syscall
}

//go:noinline
func waitGroupWorker() {
	wg.Wait() // L:waitgroup
}

//go:noinline
func condWorker() {
	cond.L.Lock()
	cond.Wait() // L:cond
}

//go:noinline
func labeledWorker() {
	pprof.Do(context.Background(), pprof.Labels("worker", "labeled", "k2", "v2"), func(context.Context) {
		<-chRecv // L:labeled
	})
}

// manyLabelsWorker has labels enough to fill several map buckets (Go 1.22/1.23 keep labels in
// a map[string]string).
//
//go:noinline
func manyLabelsWorker() {
	var kv []string
	for i := 0; i < 20; i++ {
		kv = append(kv, fmt.Sprintf("key%02d", i), fmt.Sprintf("value%d", i))
	}
	pprof.Do(context.Background(), pprof.Labels(kv...), func(context.Context) {
		<-chRecv // L:manylabels
	})
}

//go:noinline
func noop(i int) { // L:funcnoop
	spins.Add(uint64(i))
}

//go:noinline
func deferWorker() {
	defer fmt.Println("first") // L:deferfirst
	for i := 0; i < 2; i++ {
		defer noop(i) // L:deferloop
	}
	<-chRecv // L:defer
}

//go:noinline
func recurse(n int) int {
	if n == 0 {
		<-chRecv // L:recursebottom
		return 0
	}
	return recurse(n-1) + 1 // L:recurse
}

func level3() {
	<-chInline // L:level3
}

func level2() {
	level3() // L:level2
}

func level1() {
	level2() // L:level1
}

//go:noinline
func inlineTop() {
	level1() // L:inlinetop
}

//go:noinline
func spinner() {
	for !stop.Load() { // L:spin
		spins.Add(1)
	}
}

//go:noinline
func stopHere() { // L:funcstophere
	spins.Add(1)
}

// expected says which function's goroutine must show which state before the dump is taken.
var expected = map[string]string{
	"main.recvWorker(":       "[chan receive",
	"main.sendWorker(":       "[chan send",
	"main.selectWorker(":     "[select",
	"main.selectNoCases(":    "[select (no cases)",
	"main.mutexWorker(":      "[sync.Mutex.Lock",
	"main.rwWorker(":         "[sync.RWMutex.RLock",
	"main.sleepWorker(":      "[sleep",
	"main.syscallWorker(":    "[syscall",
	"main.waitGroupWorker(":  "[", // "semacquire" before Go 1.24, "sync.WaitGroup.Wait" since
	"main.condWorker(":       "[sync.Cond.Wait",
	"main.labeledWorker(":    "[chan receive",
	"main.manyLabelsWorker(": "[chan receive",
	"main.deferWorker(":      "[chan receive",
	"main.recurse(":          "[chan receive",
	"main.inlineTop(":        "[chan receive",
	"main.spinner(":          "[",
}

func states(out string) {
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	pipeR = fds[0]
	mu.Lock()
	rw.Lock()
	wg.Add(1)
	go recvWorker()      // L:gorecv
	go sendWorker()      // L:gosend
	go selectWorker()    // L:goselect
	go selectNoCases()   // L:goselectnocases
	go mutexWorker()     // L:gomutex
	go rwWorker()        // L:gorwmutex
	go sleepWorker()     // L:gosleep
	go syscallWorker()   // L:gosyscall
	go waitGroupWorker() // L:gowaitgroup
	go condWorker()      // L:gocond
	go labeledWorker()   // L:golabeled
	go manyLabelsWorker()
	go deferWorker() // L:godefer
	go recurse(1000) // L:gorecurse
	go inlineTop()   // L:goinline
	go func() {      // L:goclosure
		spinner()
	}()
	buf := make([]byte, 8<<20)
	for deadline := time.Now().Add(20 * time.Second); ; {
		n := runtime.Stack(buf, true)
		if settled(string(buf[:n])) {
			if err := os.WriteFile(out, buf[:n], 0o644); err != nil {
				panic(err)
			}
			break
		}
		if time.Now().After(deadline) {
			panic("goroutines did not settle:\n" + string(buf[:n]))
		}
		time.Sleep(time.Millisecond)
	}
	stopHere() // L:stop
	stop.Store(true)
}

// settled tells whether every expected goroutine is in the dump with its expected state.
func settled(dump string) bool {
	for fn, state := range expected {
		found := false
		for _, block := range strings.Split(dump, "\n\n") {
			header, _, _ := strings.Cut(block, "\n")
			if strings.Contains(block, "\n"+fn) && strings.Contains(header, state) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

//go:noinline
func faulty(p *int) int {
	return *p + 1 // L:fault
}

//go:noinline
func panicStop() {
	spins.Add(1)
}

//go:noinline
func handler() {
	if r := recover(); r != nil {
		panicStop() // L:handler
		done <- true
	}
}

//go:noinline
func panicker() {
	defer handler() // L:deferhandler
	faulty(nil)     // L:callfaulty
	done <- false
}

//go:noinline
func beforeGrow() {
	spins.Add(1)
}

//go:noinline
func grow(n int) int { // L:growfunc
	var frame [512]byte
	level++
	if n == 0 {
		return int(frame[0])
	}
	frame[n%512] = byte(n)
	return grow(n-1) + int(frame[(n+1)%512]) // L:grow
}

//go:noinline
func beforeAlloc() {
	spins.Add(1)
}

//go:noinline
func bigAlloc() {
	sink = make([]byte, 64<<20) // L:bigalloc
}

func main() {
	switch os.Args[1] {
	case "states":
		states(os.Args[2])
	case "panic":
		go panicker() // L:gopanicker
		<-done
	case "grow":
		beforeGrow()
		grow(10000) // L:callgrow
	case "alloc":
		beforeAlloc()
		bigAlloc() // L:callbigalloc
	}
}
