// run: "data/secret/k"
// run: "data/b"
package main

import (
	"fmt"
	"sort"

	"airlock/fs"
)

type byX []string

func (b byX) Len() int           { return len(b) }
func (b byX) Less(i, j int) bool { return i > j }
func (b byX) Swap(i, j int)      { b[0] = "data/secret/k" }

// sort.Sort calls Swap on the list itself (no conversion).
func main() {
	ps := byX{"data/a", "data/b"}
	sort.Sort(ps)
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
