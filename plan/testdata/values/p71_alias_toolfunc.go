// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// The tool held in a variable; a named-type list's method changes the list.
type list []string

func (l list) Less(i, j int) bool { l[i] = "data/secret/k"; return false }

func main() {
	read := fs.ReadFile
	ls := list{"data/a"}
	less := ls.Less
	less(0, 0)
	for _, p := range ls {
		s, err := read(p)
		fmt.Println(s, err)
	}
}
