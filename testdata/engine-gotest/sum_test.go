package sum

import (
	"fmt"
	"testing"
)

func TestAdd(t *testing.T) {
	if Add(2, 3) != 5 {
		t.Fatal("2 + 3 != 5")
	}
	fmt.Println("TestAdd ran")
}
