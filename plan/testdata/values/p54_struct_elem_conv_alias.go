// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

type items []item

// Elements of a struct list replaced through a conversion of the list.
func main() {
	es := []item{{"data/a"}}
	items(es)[0] = item{"data/secret/k"}
	for _, e := range es {
		s, err := fs.ReadFile(e.Path)
		fmt.Println(s, err)
	}
}
