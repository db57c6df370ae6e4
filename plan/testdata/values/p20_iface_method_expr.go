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

// A method expression of an interface type dispatches to store.read.
func main() {
	var s store
	s.read("data/a")
	reader.read(s, "data/secret/k")
}
