// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

type reader interface{ read() int }

type store struct{ path string }

func (s store) read() int {
	s2, err := fs.ReadFile(p)
	fmt.Println(s2, err)
	return 0
}

// The dependency hidden by an interface method expression.
var x = reader.read(store{})

var p = "data/" + q

var q = fmt.Sprint("a")

func main() {}
