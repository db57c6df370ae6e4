// run: "data/1"
package main

import (
	"fmt"
	"strings"

	"airlock/fs"
)

// strings.Reader.Read is a method of package strings: taken as read-only,
// but it writes into the buffer.
func main() {
	buf := []byte{'0'}
	strings.NewReader("1").Read(buf)
	s, err := fs.ReadFile(fmt.Sprintf("data/%c", buf[0]))
	fmt.Println(s, err)
}
