// run: "data/a"
// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

// A field of the elements of a sized array literal of structs.
func main() {
	for _, e := range [2]item{{"data/a"}} {
		s, err := fs.ReadFile(e.Path)
		fmt.Println(s, err)
	}
}
