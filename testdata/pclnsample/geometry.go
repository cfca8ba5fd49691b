package main

// Point has methods on a value receiver (Norm2) and on a pointer receiver (Scale).
type Point struct {
	X, Y int
}

// Norm2 returns the squared length of p.
func (p Point) Norm2() int {
	return square(p.X) + square(p.Y)
}

// Scale multiplies both coordinates by k.
func (p *Point) Scale(k int) {
	p.X *= k
	p.Y *= k
}

// sumSquares adds the squares of a and b; small enough to be inlined into run when optimizing.
func sumSquares(a, b int) int {
	return square(a) + square(b)
}

// square is the innermost inlined function.
func square(v int) int {
	return v * v
}
