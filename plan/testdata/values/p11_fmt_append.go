// run: "data/3"
package main

import (
	"fmt"

	"airlock/fs"
)

// fmt.Append into a prefix of a list writes the list's array.
func main() {
	buf := []byte{'0'}
	fmt.Append(buf[:0], "3")
	s, err := fs.ReadFile(fmt.Sprintf("data/%c", buf[0]))
	fmt.Println(s, err)
}
