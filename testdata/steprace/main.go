// Command steprace is the fixture of the stepping race tests: eight goroutines run the same
// function at the same time, over and over, on up to GOMAXPROCS threads, so that while a
// debugger steps one of them with next the others keep hitting the step's breakpoints (which
// are not theirs) on other threads, just as the stepped goroutine reaches the same lines. Line
// numbers matter. It prints the total and exits with status 0.
package main

import (
	"fmt"
	"os"
	"sync"
)

var sums [8]int

//go:noinline
func work(id, i int) int {
	a := id + i
	b := a * 3
	c := b - id
	sums[id] += c
	return c
}

func hammer(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 3000000; i++ {
		work(id, i)
	}
}

func main() {
	var wg sync.WaitGroup
	for id := 0; id < len(sums); id++ {
		wg.Add(1)
		go hammer(id, &wg)
	}
	wg.Wait()
	total := 0
	for _, s := range sums {
		total += s
	}
	fmt.Println("total", total)
	os.Exit(0)
}
