// run: "data/a"
// run: "data/b"
// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

// An element of a sized array literal at an unknown index: the padding is "".
func main() {
	for i := 0; i < 3; i++ {
		s, err := fs.ReadFile([3]string{"data/a", "data/b"}[i])
		fmt.Println(s, err)
	}
}
