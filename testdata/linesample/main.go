// Command linesample is the line-table fixture of debugger-dwarf's org.dlv4j.dwarf.line tests:
// a few functions across two files, a loop, and a call that the compiler inlines when
// optimizing. The tests assert exact lines, so append new code at the end of a file only.
package main

import (
	"fmt"
	"os"
)

func main() {
	total := 0
	for i := 0; i < len(os.Args)+3; i++ {
		total += square(i)
	}
	fmt.Println(describe(total), sumTo(total))
}

//go:noinline
func describe(n int) string {
	if n > 10 {
		return "big"
	}
	return "small"
}
