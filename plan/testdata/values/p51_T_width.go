// run: "data/int"
// run: "data/  int"
// run: "data/%!p(int=7)"
package main

import (
	"fmt"

	"airlock/fs"
)

// Other spellings of %T: flags and widths.
func main() {
	for _, f := range []string{"data/%-3T", "data/%5T", "data/%#T", "data/%[1]p"} {
		s, err := fs.ReadFile(fmt.Sprintf(f, 7))
		fmt.Println(s, err)
	}
}
