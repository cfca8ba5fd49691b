// Command cfisample is the call-frame fixture: a deep call chain through functions with
// small, large and zero-sized frames, a method, a closure, recursion and defer/recover, so
// that its .debug_frame has many distinct CFA offsets. It prints one number and exits.
package main

import (
	"fmt"
	"os"
)

type walker struct{ depth int }

//go:noinline
func leaf(x int) int { return x*3 + 1 }

//go:noinline
func bigFrame(x int) int {
	var buf [4096]byte
	for i := range buf {
		buf[i] = byte(x + i)
	}
	return int(buf[x%len(buf)]) + leaf(x)
}

//go:noinline
func (w *walker) step(n int) int {
	if n == 0 {
		return bigFrame(w.depth)
	}
	w.depth++
	return w.step(n-1) + 1
}

//go:noinline
func withDefer(n int) (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	if n < 0 {
		panic("negative")
	}
	return (&walker{}).step(n)
}

//go:noinline
func viaClosure(n int) int {
	f := func(k int) int { return withDefer(k) + n }
	return f(n)
}

//go:noinline
func fanout(args ...int) int {
	s := 0
	for _, a := range args {
		s += viaClosure(a)
	}
	return s
}

func main() {
	n := len(os.Args) + 5
	done := make(chan int)
	go func() { done <- fanout(n, n+1, withDefer(-1)) }()
	fmt.Println(<-done)
}
