package main

// square is small enough to be inlined into main when the build optimizes.
func square(x int) int {
	return x * x
}

//go:noinline
func sumTo(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}
