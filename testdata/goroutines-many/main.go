// Command goroutines-many parks N goroutines (the first argument, default 100000) and then
// calls stopHere, where a debugger lists them. The goroutines block in four different
// functions at different stack depths, so that locations and stacks differ between them:
// a benchmark of goroutine listing (benchmarks/goroutines-vs-dlv.sh).
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

var (
	block = make(chan int)
	mu    sync.Mutex
	ready sync.WaitGroup
)

//go:noinline
func receiver() { // L:funcreceiver
	ready.Done()
	<-block // L:receive
}

//go:noinline
func locker() {
	ready.Done()
	mu.Lock()
}

//go:noinline
func sleeper() {
	ready.Done()
	time.Sleep(time.Hour)
}

//go:noinline
func nested(depth int) { // L:funcnested
	if depth == 0 {
		ready.Done()
		select {
		case <-block: // L:select
		}
		return
	}
	nested(depth - 1) // L:nest
}

//go:noinline
func stopHere(n int) { // L:funcstop
	fmt.Println("parked", n, "goroutines")
}

func main() {
	n := 100000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	mu.Lock()
	ready.Add(n)
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			go receiver()
		case 1:
			go locker()
		case 2:
			go sleeper()
		default:
			go nested(i % 16) // L:gonested
		}
	}
	ready.Wait()
	for runtime.NumGoroutine() < n+1 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // let the last ones park
	stopHere(n)                        // L:stop
}
