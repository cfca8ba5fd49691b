// Command goroutines-example parks three goroutines in known places (a channel receive, a
// sleep, a mutex), writes their ids to OUT ("name=id" lines, then "ready"), calls stopHere, and
// then either returns or, with a second argument "wait", blocks forever so that a debugger can
// attach. Usage: goroutines-example OUT [wait]. Lines marked "// L:name" are what tests expect.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"
)

var (
	never = make(chan int)
	mu    sync.Mutex
	ids   sync.Map
	ready sync.WaitGroup
)

// goid parses the running goroutine's id from the header of its own traceback.
func goid() int {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	field := bytes.Fields(buf)[1]
	id, _ := strconv.Atoi(string(field))
	return id
}

//go:noinline
func waiter() {
	ids.Store("waiter", goid())
	ready.Done()
	<-never // L:waiter
}

//go:noinline
func sleeper() {
	ids.Store("sleeper", goid())
	ready.Done()
	time.Sleep(time.Hour) // L:sleeper
}

//go:noinline
func locker() {
	ids.Store("locker", goid())
	ready.Done()
	mu.Lock() // L:locker
}

//go:noinline
func stopHere() {
} // L:stopHere

func main() {
	mu.Lock()
	ready.Add(3)
	go waiter()  // L:gowaiter
	go sleeper() // L:gosleeper
	go locker()  // L:golocker
	ready.Wait()
	time.Sleep(100 * time.Millisecond) // let them park
	var out bytes.Buffer
	for _, name := range []string{"waiter", "sleeper", "locker"} {
		id, _ := ids.Load(name)
		fmt.Fprintf(&out, "%s=%d\n", name, id)
	}
	fmt.Fprintf(&out, "main=%d\nready\n", goid())
	if err := os.WriteFile(os.Args[1], out.Bytes(), 0o644); err != nil {
		panic(err)
	}
	stopHere() // L:stop
	if len(os.Args) > 2 && os.Args[2] == "wait" {
		select {} // L:wait
	}
}
