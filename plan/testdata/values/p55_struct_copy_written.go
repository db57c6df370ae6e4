// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

func main() {
	e := item{"data/a"}
	e2 := e
	e2.Path = "data/secret/k"
	e = e2
	s, err := fs.ReadFile(e.Path)
	fmt.Println(s, err)
}
