// Command engine-basic is the engine tests' general fixture. It prints its arguments, the
// variable ENGINE_VAR and its working directory, calls work once per loop iteration, and exits
// with a chosen status.
//
// Arguments: "loops=N" sets the number of work calls (default 3), "exit=N" the exit status;
// every argument is echoed as "arg: <argument>".
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

//go:noinline
func work(i int) int {
	return i*2 + 1
}

func main() {
	loops, exit := 3, 0
	for _, a := range os.Args[1:] {
		fmt.Println("arg:", a)
		if v, ok := strings.CutPrefix(a, "loops="); ok {
			loops, _ = strconv.Atoi(v)
		}
		if v, ok := strings.CutPrefix(a, "exit="); ok {
			exit, _ = strconv.Atoi(v)
		}
	}
	if v, ok := os.LookupEnv("ENGINE_VAR"); ok {
		fmt.Println("env:", v)
	}
	wd, _ := os.Getwd()
	fmt.Println("cwd:", wd)
	sum := 0
	for i := 0; i < loops; i++ {
		sum += work(i)
	}
	fmt.Println("sum:", sum)
	os.Exit(exit)
}
