// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

// A struct list converted to a pointer to an array; an element replaced.
func main() {
	es := []item{{"data/a"}}
	(*[1]item)(es)[0] = item{"data/secret/k"}
	for _, e := range es {
		s, err := fs.ReadFile(e.Path)
		fmt.Println(s, err)
	}
}
