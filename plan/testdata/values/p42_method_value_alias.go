// run: "data/a"
// run: "data/b"
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

func main() {
	var s store
	f := s.read
	defer f("data/b")
	f("data/a")
}
