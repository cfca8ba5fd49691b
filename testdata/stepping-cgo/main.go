// Command stepping-cgo calls a C function through cgo, so that a debugger can stop a thread
// in code without Go source lines (the tests put a breakpoint on c_add's address and ask for
// source-level steps there).
package main

/*
__attribute__((noinline)) int c_add(int a, int b) {
	return a + b;
}
*/
import "C"

import "fmt"

func main() {
	fmt.Println("sum", C.c_add(2, 3))
}
