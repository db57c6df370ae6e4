// run: "data/4"
// run: "data/3.0"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	var n int = 4.0
	var f float64 = 3
	for _, p := range []string{fmt.Sprintf("data/%d", n), fmt.Sprintf("data/%.1f", f)} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
