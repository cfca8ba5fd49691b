// Command pclnsample is the pclntab fixture: generics, closures, methods on value and pointer
// receivers, a chain of small functions that the compiler inlines when optimizing, and code in
// two source files (see geometry.go).
//
// Run as "pclnsample frames <link-time address of main.main>", it reads hexadecimal link-time
// PCs of its own code from stdin, one per line, and prints how the Go runtime itself expands
// each PC into (possibly inlined) frames: "pc" on one line, then "function file:line" per
// frame, innermost first, then an empty line. The address of main.main gives the load bias of
// a position-independent executable. Tests compare dlv4j's pclntab decoding against that output.
package main

import (
	"bufio"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
)

// Map applies f to each element: a generic function with two type parameters.
func Map[T, U any](s []T, f func(T) U) []U {
	out := make([]U, 0, len(s))
	for _, v := range s {
		out = append(out, f(v))
	}
	return out
}

// counter returns a closure that captures and updates n.
func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

// run exercises everything and returns a checksum so nothing is dead code.
func run(args []string) int {
	p := Point{X: 3, Y: 4}
	p.Scale(len(args) + 2)
	total := p.Norm2()
	total += sumSquares(len(args), 7)
	next := counter()
	for range args {
		total += next()
	}
	lengths := Map(args, func(s string) int { return len(s) })
	for _, l := range lengths {
		total += l
	}
	names := Map([]int{1, 2}, strconv.Itoa)
	total += len(strings.Join(names, ","))
	return total
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "frames" {
		linkedMain, err := strconv.ParseUint(strings.TrimPrefix(os.Args[2], "0x"), 16, 64)
		if err != nil {
			panic(err)
		}
		printFrames(runtime.FuncForPC(reflect.ValueOf(main).Pointer()).Entry() - uintptr(linkedMain))
		return
	}
	fmt.Println(run(os.Args[1:]))
}

// printFrames expands each PC read from stdin, moved by bias, into the runtime's frames. A
// second, unrelated PC follows each one so the runtime expands every inlined level of the
// first (it only expands outer levels while more PCs follow).
func printFrames(bias uintptr) {
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	sentinel := runtime.FuncForPC(sentinelPC()).Entry() + 1
	for in.Scan() {
		pc, err := strconv.ParseUint(strings.TrimPrefix(in.Text(), "0x"), 16, 64)
		if err != nil {
			fmt.Fprintln(out, "bad pc", in.Text())
			continue
		}
		fmt.Fprintf(out, "%#x\n", pc)
		frames := runtime.CallersFrames([]uintptr{uintptr(pc) + bias + 1, sentinel})
		for {
			f, more := frames.Next()
			if f.Entry == sentinel-1 {
				break
			}
			fmt.Fprintf(out, "%s %s:%d\n", f.Function, f.File, f.Line)
			if !more {
				break
			}
		}
		fmt.Fprintln(out)
	}
}

//go:noinline
func sentinelPC() uintptr {
	pc, _, _, _ := runtime.Caller(0)
	return pc
}
