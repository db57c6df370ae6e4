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

func main() {
	var s store
	s.read("data/a")
	w := wrap{s}
	w.read("data/secret/k")
}
