// run: "data/0"
// run: "data/100"
// run: "data/-56"
package main

import (
	"fmt"

	"airlock/fs"
)

// The counter is an int8: 100+100 wraps to -56, which is still <= 127.
func main() {
	for i := int8(0); i <= 120; i += 100 {
		s, err := fs.ReadFile(fmt.Sprint("data/", i))
		fmt.Println(s, err)
		if i < 0 {
			break
		}
	}
}
