// Package sum is the engine's fixture for launching a test binary (go test -c).
package sum

// Add returns a + b.
func Add(a, b int) int {
	return a + b
}
