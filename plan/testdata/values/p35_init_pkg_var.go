// run: "data/c"
package main

import (
	"fmt"

	"airlock/fs"
)

var p = "data/a"

var _ = func() int { p = "data/b"; return 0 }()

func init() { p = "data/c" }

func main() {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
