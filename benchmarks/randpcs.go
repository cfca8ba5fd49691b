//go:build ignore

// Randpcs prints N addresses drawn uniformly, with a fixed seed, from the .text section of an
// ELF binary, one per line in hexadecimal with a 0x prefix: the input of addr2line-vs-go.sh.
//
// Usage: go run benchmarks/randpcs.go BINARY N SEED
package main

import (
	"bufio"
	"debug/elf"
	"fmt"
	"log"
	"math/rand"
	"os"
	"strconv"
)

func main() {
	if len(os.Args) != 4 {
		log.Fatal("usage: go run randpcs.go BINARY N SEED")
	}
	f, err := elf.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	text := f.Section(".text")
	if text == nil {
		log.Fatal("no .text section")
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		log.Fatal(err)
	}
	seed, err := strconv.ParseInt(os.Args[3], 10, 64)
	if err != nil {
		log.Fatal(err)
	}
	r := rand.New(rand.NewSource(seed))
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for i := 0; i < n; i++ {
		fmt.Fprintf(out, "%#x\n", text.Addr+uint64(r.Int63n(int64(text.Size))))
	}
}
