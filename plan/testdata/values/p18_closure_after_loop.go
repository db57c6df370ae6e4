// run: "data/0"
// run: "data/1"
// run: "data/2"
package main

import (
	"fmt"

	"airlock/fs"
)

// Closures of a counting loop called after it.
func main() {
	var fns []func()
	for i := 0; i < 3; i++ {
		fns = append(fns, func() {
			s, err := fs.ReadFile(fmt.Sprint("data/", i))
			fmt.Println(s, err)
		})
	}
	for _, f := range fns {
		f()
	}
}
