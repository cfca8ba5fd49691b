// Command engine-panic panics in a nested call; the Go runtime then exits with status 2.
package main

//go:noinline
func explode(what string) {
	panic("engine fixture panic: " + what)
}

func main() {
	explode("boom")
}
