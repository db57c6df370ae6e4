// run: "data/2"
package main

import (
	"fmt"
	"strconv"

	"airlock/fs"
)

// strconv.AppendInt into a prefix of a list writes the list's array.
func main() {
	buf := []byte{'0'}
	_ = strconv.AppendInt(buf[:0], 2, 10)
	s, err := fs.ReadFile(fmt.Sprintf("data/%c", buf[0]))
	fmt.Println(s, err)
}
