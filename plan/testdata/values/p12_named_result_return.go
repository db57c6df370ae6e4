// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

// return X assigns the named result before deferred calls run.
func get() (p string) {
	defer func() {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}()
	p = "data/a"
	return "data/secret/k"
}

func main() { get() }
