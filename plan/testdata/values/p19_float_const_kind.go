// run: "data/1e+06"
// run: "data/2.0"
package main

import (
	"fmt"

	"airlock/fs"
)

// Float-typed values from integral constants.
func main() {
	var x float64 = 1000000
	for _, p := range []string{fmt.Sprint("data/", x), fmt.Sprintf("data/%.1f", 2.0)} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
