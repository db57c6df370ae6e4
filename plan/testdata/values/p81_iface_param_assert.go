// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func change(v any) { v.([]string)[0] = "data/secret/k" }

// The list handed on inside an interface conversion.
func main() {
	ps := []string{"data/a"}
	change(any(ps))
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
