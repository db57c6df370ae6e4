// run: "data/b"
// run: "data/secret/k"
package main

import (
	"fmt"
	"sort"

	"airlock/fs"
)

type byX []string

func (b byX) Len() int           { return len(b) }
func (b byX) Less(i, j int) bool { return i > j }
func (b byX) Swap(i, j int)      { b[i], b[j] = "data/secret/k", b[i] }

// sort is taken as read-only, but sort.Sort calls the program's Swap.
func main() {
	ps := []string{"data/a", "data/b"}
	sort.Sort(byX(ps))
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
