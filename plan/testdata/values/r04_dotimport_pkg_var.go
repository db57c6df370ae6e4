// run: "data/0"
package main

import (
	"fmt"
	. "image"

	"airlock/fs"
)

// ZP is package image's variable: its value before the program assigns it
// is image's, which no assignment in the program shows.
func main() {
	s, err := fs.ReadFile(fmt.Sprint("data/", ZP.X))
	fmt.Println(s, err)
	ZP = Point{X: 1}
}
