// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

type reader interface{ read() int }

type store struct{}

func (store) read() int {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
	return 0
}

var r reader = store{}

// The call through an interface hides the dependency on p: x is
// initialized first, while p is still "".
var x = r.read()

var p = fmt.Sprint("data/a")

func main() {}
