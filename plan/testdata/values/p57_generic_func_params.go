// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func read[T ~string](p T) {
	s, err := fs.ReadFile(string(p))
	fmt.Println(s, err)
}

type name string

func main() {
	read("data/a")
	read[name]("data/secret/k")
}
