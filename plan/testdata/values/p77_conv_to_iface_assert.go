// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// A conversion to an interface is another name for the list: asserted
// back and written.
func main() {
	ps := []string{"data/a"}
	i := any(ps)
	i.([]string)[0] = "data/secret/k"
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
