// Command goroutines-api-panic panics two calls deep on a goroutine with deferred calls
// pending in both frames; a deferred recover catches the panic and calls stopInRecover, where
// a test stops and looks at the pending deferred calls. Lines marked "// L:name" are what
// tests expect as locations.
package main

import "fmt"

var (
	sink  int
	spins int
	done  = make(chan string)
)

//go:noinline
func cleanup(tag string) { // L:funccleanup
	sink += len(tag)
}

//go:noinline
func stopInRecover(r any) { // L:funcstop
	spins++ // L:stopinrecover
}

//go:noinline
func recoverer() {
	if r := recover(); r != nil {
		stopInRecover(r) // L:callstop
		done <- fmt.Sprint(r)
	}
}

//go:noinline
func explode() {
	panic("goroutines-api-panic") // L:panic
}

//go:noinline
func inner() {
	defer cleanup("inner") // L:deferinner
	defer recoverer()      // L:deferrecoverer
	explode()              // L:callexplode
}

//go:noinline
func outer() {
	defer cleanup("outer") // L:deferouter
	inner()                // L:callinner
}

func main() {
	go outer() // L:goouter
	fmt.Println("recovered:", <-done)
}
