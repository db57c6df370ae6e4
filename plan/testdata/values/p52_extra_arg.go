// run: "data/a%!(EXTRA int=1)"
package main

import (
	"fmt"

	"airlock/fs"
)

// An extra operand is printed with its type.
func main() {
	s, err := fs.ReadFile(fmt.Sprintf("data/a", 1))
	fmt.Println(s, err)
}
