// Command engine-goroutines runs GOMAXPROCS=4 with four goroutines that each call hit in a
// tight loop, so that a breakpoint on hit is reached by several threads at nearly the same
// time. Each goroutine makes "rounds" calls (first argument, default 1000000), then it exits.
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

var sink [4]uint64

//go:noinline
func hit(id int) {
	sink[id]++
}

func main() {
	runtime.GOMAXPROCS(4)
	rounds := 1000000
	if len(os.Args) > 1 {
		rounds, _ = strconv.Atoi(os.Args[1])
	}
	var wg sync.WaitGroup
	for id := 0; id < 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				hit(id)
			}
		}(id)
	}
	wg.Wait()
	fmt.Println("done:", sink[0]+sink[1]+sink[2]+sink[3])
}
