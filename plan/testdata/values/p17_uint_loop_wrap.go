// run: "data/1"
// run: "data/0"
// run: "data/18446744073709551615"
package main

import (
	"fmt"

	"airlock/fs"
)

// An unsigned counter counting down past 0 wraps.
func main() {
	for i := uint(1); i >= 0; i-- {
		s, err := fs.ReadFile(fmt.Sprint("data/", i))
		fmt.Println(s, err)
		if i > 5 {
			break
		}
	}
}
