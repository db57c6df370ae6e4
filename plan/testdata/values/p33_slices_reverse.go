// run: "data/secret/k"
// run: "data/b"
// run: "data/a"
package main

import (
	"fmt"
	"slices"

	"airlock/fs"
)

func main() {
	ps := []string{"data/a", "data/b"}
	slices.Reverse(ps)
	ps = slices.Insert(ps, 0, "data/secret/k")
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
