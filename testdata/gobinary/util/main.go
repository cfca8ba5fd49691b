// Package util holds a second file called main.go, and a function small enough to inline.
package util

// Double returns twice v.
func Double(v int) int {
	return 2 * v
}
