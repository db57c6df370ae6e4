// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	p := "data/a"
	set := func() { p = "data/secret/k" }
	defer func() {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}()
	set()
}
