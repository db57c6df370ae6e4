// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// A conversion to the slice's own type is another name for its array.
func main() {
	ps := []string{"data/a"}
	q := []string(ps)
	q[0] = "data/secret/k"
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
