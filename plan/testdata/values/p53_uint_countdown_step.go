// run: "data/3"
// run: "data/1"
// run: "data/255"
package main

import (
	"fmt"

	"airlock/fs"
)

// 1 - 2 wraps to the largest uint8, which is > 0.
func main() {
	for i := uint8(3); i > 0; i -= 2 {
		s, err := fs.ReadFile(fmt.Sprint("data/", i))
		fmt.Println(s, err)
		if i > 3 {
			break
		}
	}
}
