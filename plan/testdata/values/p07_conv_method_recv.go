// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type list []string

func (l list) set() { l[0] = "data/secret/k" }

// A method of a named list type called on a converted plain slice.
func main() {
	ps := []string{"data/a"}
	list(ps).set()
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
