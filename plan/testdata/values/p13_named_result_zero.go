// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

// A named result starts at its zero value.
func get(n int) (p string) {
	defer func() {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}()
	if n > 5 {
		p = "data/a"
	}
	return
}

func main() { get(1) }
