// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// A slice converted to a pointer to an array shares its elements.
func main() {
	ps := []string{"data/a"}
	ap := (*[1]string)(ps)
	ap[0] = "data/secret/k"
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
