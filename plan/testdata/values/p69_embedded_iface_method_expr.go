// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type reader interface{ read(string) }

type store struct{}

func (store) read(p string) {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}

type wrap struct{ reader }

// A method expression of a struct type that embeds an interface.
func main() {
	var s store
	s.read("data/a")
	wrap.read(wrap{s}, "data/secret/k")
}
