// Command engine-hardcoded stops itself with runtime.Breakpoint() (an INT3 compiled into the
// program), then prints "after" and exits: a hardcoded breakpoint for the debugger to report.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	runtime.Breakpoint()
	fmt.Println("after")
}
