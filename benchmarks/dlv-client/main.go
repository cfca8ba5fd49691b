// Command dlv-client times goroutine listing in a headless Delve (dlv exec --headless
// --api-version=2) through Delve's own JSON-RPC client: it stops the target at a function,
// then lists every goroutine with its locations (ListGoroutines, as "goroutines" does), and
// then fetches every goroutine's stack (Stacktrace per goroutine, as "goroutines -t" does).
//
// Usage: dlv-client ADDR FUNCTION DEPTH
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/go-delve/delve/service/api"
	"github.com/go-delve/delve/service/rpc2"
)

func main() {
	addr, function := os.Args[1], os.Args[2]
	depth, _ := strconv.Atoi(os.Args[3])
	c := rpc2.NewClient(addr)
	defer c.Detach(true)
	if _, err := c.CreateBreakpoint(&api.Breakpoint{FunctionName: function}); err != nil {
		panic(err)
	}
	state := <-c.Continue()
	if state.Err != nil {
		panic(state.Err)
	}

	start := time.Now()
	gs, _, err := c.ListGoroutines(0, 0)
	if err != nil {
		panic(err)
	}
	list := time.Since(start)
	start = time.Now()
	if _, _, err := c.ListGoroutines(0, 0); err != nil {
		panic(err)
	}
	again := time.Since(start)

	start = time.Now()
	frames := 0
	for _, g := range gs {
		st, err := c.Stacktrace(g.ID, depth, 0, 0, nil)
		if err != nil {
			panic(err)
		}
		frames += len(st)
	}
	stacks := time.Since(start)
	fmt.Printf("dlv goroutines=%d list_ms=%.1f list_again_ms=%.1f stacks_ms=%.1f frames=%d\n",
		len(gs), ms(list), ms(again), ms(stacks), frames)
}

func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}
