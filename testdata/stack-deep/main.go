// Command stack-deep recurses DEPTH times (first argument, default 1000) through recurse and
// then calls bottom, where benchmarks and tests stop it to unwind a deep stack.
package main

import (
	"fmt"
	"os"
	"strconv"
)

//go:noinline
func bottom(depth int) int {
	return depth
}

//go:noinline
func recurse(n int) int {
	if n == 0 {
		return bottom(n)
	}
	return recurse(n-1) + 1
}

func main() {
	depth := 1000
	if len(os.Args) > 1 {
		depth, _ = strconv.Atoi(os.Args[1])
	}
	fmt.Println(recurse(depth))
}
