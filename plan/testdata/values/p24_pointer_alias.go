// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	p := "data/a"
	q := &p
	*q = "data/secret/k"
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
