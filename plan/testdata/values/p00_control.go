// run: "data/a"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	p := "data/a"
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
