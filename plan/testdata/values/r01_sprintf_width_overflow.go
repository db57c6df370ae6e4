// run: "data/%!(NOVERB)%!(EXTRA int=1)"
package main

import (
	"fmt"

	"airlock/fs"
)

// A width over fmt's limit ends the format: the operand is printed as an
// extra one, with its type (int at run time, int64 in the planner).
func main() {
	s, err := fs.ReadFile(fmt.Sprintf("data/%99999999d", 1))
	fmt.Println(s, err)
}
