// run: "data/a"
// run: "data/b"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	for _, q := range []string{"a", "b"} {
		func(p string) {
			s, err := fs.ReadFile("data/" + p)
			fmt.Println(s, err)
		}(q)
	}
}
