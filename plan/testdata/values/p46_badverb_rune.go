// run: "data/%!s(int32=97)"
package main

import (
	"fmt"

	"airlock/fs"
)

// A rune constant with a wrong verb: int32 at run time.
func main() {
	s, err := fs.ReadFile(fmt.Sprintf("data/%s", 'a'))
	fmt.Println(s, err)
}
