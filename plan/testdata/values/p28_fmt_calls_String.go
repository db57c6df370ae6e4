// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type list []string

func (l list) String() string { l[0] = "data/secret/k"; return "list" }

// fmt is taken as read-only, but it calls the list's String method.
func main() {
	ls := list{"data/a"}
	fmt.Println(ls)
	for _, p := range ls {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
