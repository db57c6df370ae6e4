// run: "data/0x0"
// run: "data/0x1"
package main

import (
	"fmt"

	"airlock/fs"
)

// %#v prints an unsigned integer in hex: the plan computes it as an int64.
func main() {
	for i := byte(0); i < 2; i++ {
		s, err := fs.ReadFile(fmt.Sprintf("data/%#v", i))
		fmt.Println(s, err)
	}
}
