// Command stepping is the fixture of the source-level stepping tests (next, step, stepOut): each
// scenario is a function main calls in turn, so that a test stops in one and steps with exact
// file:line expectations (line numbers matter). With argument "wait", init waits for a debugger.
package main

import (
	"fmt"
	"os"
	"time"
)

type Shape interface {
	Area() int
}

type Rect struct{ W, H int }

func (r Rect) Area() int {
	a := r.W * r.H
	return a
}

type Counter struct{ n int }

func (c *Counter) Inc(by int) {
	c.n += by
}

var total int

func add(a, b int) int {
	s := a + b
	return s
}

func loop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t = add(t, i)
	}
	return t
}

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	r := n * fact(n-1)
	return r
}

func closure() int {
	k := 3
	f := func(x int) int {
		return x * k
	}
	v := f(2)
	return v
}

func methodValue() int {
	c := &Counter{}
	inc := c.Inc
	inc(5)
	return c.n
}

func areaOf(s Shape) int {
	a := s.Area()
	return a
}

func iface() int {
	return areaOf(Rect{W: 2, H: 3})
}

func runtimeCalls() int {
	xs := make([]int, 0, 1)
	xs = append(xs, 1, 2, 3)
	ch := make(chan int, 1)
	ch <- len(xs)
	return <-ch
}

func maxOf[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func generic() int {
	f := maxOf[int]
	m := f(4, 7)
	return m
}

func cleanup() {
	total += 10
}

func deferred() int {
	defer cleanup()
	total++
	return total
}

func deferredArgs(by int) {
	defer bump(by)
	total++
}

func bump(by int) {
	total += by
}

func hit(id int) {
	total += id
}

func worker(id int, start <-chan struct{}, done chan<- int) {
	<-start
	for i := 0; i < 2; i++ {
		hit(id)
	}
	done <- id
}

func waitBoth(start chan struct{}, done chan int) int {
	close(start)
	return <-done + <-done
}

func twoGoroutines() int {
	start := make(chan struct{})
	done := make(chan int)
	go worker(1, start, done)
	go worker(2, start, done)
	sum := waitBoth(start, done)
	return sum
}

func sleepy() {
	time.Sleep(1500 * time.Millisecond)
	total++
}

func main() {
	total += loop(3)
	total += fact(4)
	total += closure()
	total += methodValue()
	total += iface()
	total += runtimeCalls()
	total += generic()
	total += deferred()
	deferredArgs(2)
	total += twoGoroutines()
	sleepy()
	fmt.Println("total", total)
	os.Exit(3)
}

// ready lets the scenarios run in mode "wait": a debugger that attached sets it.
var ready bool

var spins [4]int

func init() {
	if len(os.Args) > 1 && os.Args[1] == "wait" {
		fmt.Println("ready")
		for !ready {
			time.Sleep(time.Millisecond)
		}
	}
	if len(os.Args) > 1 && os.Args[1] == "panic" {
		panicky()
		os.Exit(0)
	}
	if len(os.Args) > 1 && os.Args[1] == "migrate" {
		done := make(chan bool) // init runs locked to the main thread: migrate elsewhere
		go func() {
			migrate()
			done <- true
		}()
		<-done
		os.Exit(0)
	}
}

// migrate (mode "migrate", run with GOMAXPROCS=4) sleeps line after line while four goroutines
// keep every P busy, so that the goroutine running it wakes up on one thread or another.
func migrate() {
	for id := 0; id < 4; id++ {
		go spin(id)
	}
	for i := 0; i < 100; i++ {
		time.Sleep(time.Millisecond)
		total++
	}
}

func spin(id int) {
	for {
		spins[id]++
	}
}

// panicky (mode "panic") panics with a deferred recover.
func panicky() {
	defer recoverer()
	panic("boom")
}

func recoverer() {
	if r := recover(); r != nil {
		total = -1
	}
}
