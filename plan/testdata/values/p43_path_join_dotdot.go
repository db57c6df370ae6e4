// run: "data/a"
// run: "data/c"
// run: "data/y"
package main

import (
	"fmt"
	"path"
	"path/filepath"

	"airlock/fs"
)

func main() {
	for _, p := range []string{path.Join("data/x", "..", "a"), filepath.Join("data", "./b/../c"), path.Join("data", "secret", "..", "..", "data", "y")} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
