// Command ptrace-hello is the ptrace backend's basic fixture: it prints its arguments, its
// environment and working directory, does a float computation in a function of its own, and
// exits with the code given as "exit=N". With the argument "cat" it copies stdin to stdout.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// marker is read and written by the memory tests (found with go tool nm).
var marker uint64 = 0x1122334455667788

//go:noinline
func scale(x float64) float64 {
	return x * 2.5
}

func main() {
	code := 0
	for _, a := range os.Args[1:] {
		fmt.Println("arg:", a)
		if strings.HasPrefix(a, "exit=") {
			code, _ = strconv.Atoi(a[len("exit="):])
		}
		if a == "cat" {
			io.Copy(os.Stdout, os.Stdin)
		}
	}
	env := os.Environ()
	sort.Strings(env)
	for _, e := range env {
		fmt.Println("env:", e)
	}
	wd, _ := os.Getwd()
	fmt.Println("cwd:", wd)
	fmt.Println("scale:", scale(1.5))
	fmt.Printf("marker: %#x\n", marker)
	os.Exit(code)
}
