// run: "data/ax"
// run: "data/x"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	m := map[string]string{"a": "a", "b": "b"}
	for _, k := range []string{"a", "zz"} {
		s, err := fs.ReadFile("data/" + m[k] + "x")
		fmt.Println(s, err)
	}
}
