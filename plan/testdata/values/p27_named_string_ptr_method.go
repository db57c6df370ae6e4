// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type name string

func (n *name) set() { *n = "data/secret/k" }

func main() {
	n := name("data/a")
	f := n.set
	f()
	s, err := fs.ReadFile(string(n))
	fmt.Println(s, err)
}
