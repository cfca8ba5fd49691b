// Command dwarfsample is the fixture of the DWARF reader tests: a struct type, an embedded
// field, package-level variables, a generic function, a closure, a method and a small function
// that optimized builds inline everywhere.
package main

import (
	"fmt"
	"os"
)

// Point is a struct whose member names and offsets the tests check.
type Point struct {
	X, Y int32
	Name string
	Tags []string
	next *Point
}

// Counter embeds Point (DW_AT_go_embedded_field) and holds a map (DW_AT_go_key, go_elem).
type Counter struct {
	Point
	N map[string]int
}

var (
	Origin  = Point{Name: "origin"}
	Visits  = map[string]int{"a": 1}
	Verbose bool
	Numbers = []int{1, 2, 3}
)

// Sum is generic: each shape gets its own instantiation, e.g. main.Sum[go.shape.int].
func Sum[T int | float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

// add is small enough to be inlined into every caller of an optimized build.
func add(a, b int) int { return a + b }

//go:noinline
func makeCounter(start int) func() int {
	n := start
	return func() int {
		n = add(n, 1)
		return n
	}
}

// Move is a method with a pointer receiver.
//
//go:noinline
func (p *Point) Move(dx, dy int32) {
	p.X += dx
	p.Y += dy
}

func main() {
	next := makeCounter(len(os.Args))
	p := &Origin
	p.Move(1, 2)
	c := Counter{Point: *p, N: Visits}
	fmt.Println(next(), Sum(Numbers), Sum([]float64{1.5, 2.5}), c.X, Verbose, add(len(os.Args), 2))
}
