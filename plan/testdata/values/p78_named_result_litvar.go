// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// A function literal held in a variable, with a named result.
func main() {
	get := func(q string) (p string) {
		defer func() {
			s, err := fs.ReadFile(p)
			fmt.Println(s, err)
		}()
		p = q
		return q + "/../secret/k"
	}
	get("data/a")
}
