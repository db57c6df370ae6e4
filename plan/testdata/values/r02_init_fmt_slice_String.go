// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

type t struct{}

func (t) String() string {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
	return ""
}

// fmt calls the elements' String method while x is initialized, before p:
// the slice type has no methods, so the initializer looks like library code.
var x = fmt.Sprint([]t{{}})

var p = fmt.Sprint("data/a")

func main() {}
