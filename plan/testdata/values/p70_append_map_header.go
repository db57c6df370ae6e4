// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// append stores the map in a list; the map is written through the list.
func main() {
	m := map[string]string{"a": "data/a"}
	ms := append([]map[string]string(nil), m)
	ms[0]["b"] = "data/secret/k"
	for _, p := range m {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
