// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type list []string

func (l list) set() { l[0] = "data/secret/k" }

// A method value binds the list; calling it writes the list's elements.
func main() {
	ls := list{"data/a"}
	f := ls.set
	f()
	for _, p := range ls {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
