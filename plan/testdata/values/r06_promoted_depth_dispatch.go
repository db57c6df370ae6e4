// run: "data/a"
package main

import (
	"fmt"

	"airlock/fs"
)

type inner struct{}

func (inner) load(p string) {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}

type other struct{}

func (*other) load(p string) { fmt.Println("other", p) }

type mid struct{ inner }

// outer.load is other's (depth 1, through the embedded pointer), not
// inner's (depth 2); the run calls other's too.
type outer struct {
	mid
	*other
}

func main() {
	o := outer{other: &other{}}
	o.mid.inner.load("data/a")
	o.load("data/secret/k")
}
