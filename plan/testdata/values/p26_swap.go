// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	a, b := "data/a", "data/secret/k"
	a, b = b, a
	s, err := fs.ReadFile(a)
	fmt.Println(s, err, b)
}
