// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type names map[string]string

// A map written through a conversion to a named map type.
func main() {
	m := map[string]string{"a": "data/a"}
	names(m)["b"] = "data/secret/k"
	for _, p := range m {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
