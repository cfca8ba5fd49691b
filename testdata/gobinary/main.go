// Command gobinary is the fixture of the GoBinary tests: a package variable and a struct type
// they look up by name, functions with and without a stack frame, a call that the compiler
// inlines when optimizing, and two source files called main.go (here and in util/), so that
// "main.go" is an ambiguous file name.
package main

import (
	"fmt"
	"os"

	"dlv4j.test/testdata/gobinary/util"
)

// Config has a known layout: Count 8 bytes, Name 16, Debug 1, padded to 32.
type Config struct {
	Count int64
	Name  string
	Debug bool
}

// Counter is the package variable the tests find by name.
var Counter = 7

var config = &Config{Count: 1, Name: "x"}

func describe(c *Config) string {
	total := c.Count + int64(Counter)
	return fmt.Sprintf("%s=%d", c.Name, total)
}

func add(a, b int) int {
	return a + b
}

func main() {
	Counter = add(Counter, len(os.Args))
	fmt.Println(describe(config), util.Double(Counter))
}
