// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	ps := []string{"data/a", "data/b"}
	qs := ps[1:]
	copy(qs, []string{"data/secret/k"})
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
