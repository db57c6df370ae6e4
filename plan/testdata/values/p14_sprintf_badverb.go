// run: "data/%!s(int=1)"
package main

import (
	"fmt"

	"airlock/fs"
)

// A wrong verb prints the operand's type: int at run time, int64 in the plan.
func main() {
	s, err := fs.ReadFile(fmt.Sprintf("data/%s", 1))
	fmt.Println(s, err)
}
