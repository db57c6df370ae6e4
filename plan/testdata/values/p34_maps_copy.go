// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"
	"maps"

	"airlock/fs"
)

func main() {
	m := map[string]string{"a": "data/a"}
	maps.Copy(m, map[string]string{"b": "data/secret/k"})
	for _, p := range m {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
