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

func via[T interface{ read(string) }](t T) { t.read("data/secret/k") }

// A call through a type parameter's constraint.
func main() {
	var s store
	s.read("data/a")
	via(s)
}
