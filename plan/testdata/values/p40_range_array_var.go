// run: "data/secret/k"
// run: "data/b"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	a := [2]string{"data/a", "data/b"}
	b := a
	b[0] = "data/secret/k"
	a = b
	for _, p := range a {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
