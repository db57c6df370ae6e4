// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

func (i *item) set() { i.Path = "data/secret/k" }

type outer struct {
	item
	N int
}

func main() {
	o := outer{item: item{"data/a"}}
	o.set()
	for _, p := range []string{o.Path, o.item.Path} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
