// Command ptrace-panic panics, so the process exits with status 2 and a panic on stderr.
package main

func main() {
	panic("dlv4j fixture panic")
}
