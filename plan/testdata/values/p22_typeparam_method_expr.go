// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type store struct{}

func (store) read(p string) {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}

func via[T interface{ read(string) }](t T) { T.read(t, "data/secret/k") }

// A method expression on a type parameter dispatches to store.read.
func main() {
	var s store
	s.read("data/a")
	via(s)
}
