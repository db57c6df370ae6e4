// run: "data/int"
package main

import (
	"fmt"

	"airlock/fs"
)

// %T is refused, but %[1]T (or %5T) is not.
func main() {
	s, err := fs.ReadFile(fmt.Sprintf("data/%[1]T", 7))
	fmt.Println(s, err)
}
