// run: "data/0.3"
// run: "data/4"
// run: "data/1e+23"
// run: "data/3"
// run: "data/3.5"
// run: "data/194"
// run: "data/4611686018427387904"
// run: "data/-1"
// run: "data/1"
// run: "data/9.007199254740992e+15"
// run: "data/0.6666666666666666"
// run: "data/A"
package main

import (
	"fmt"

	"airlock/fs"
)

const big = 1 << 100

// Constant arithmetic, exact in Go, as the interpreter computes it.
func main() {
	for _, p := range []string{
		fmt.Sprint("data/", 0.1+0.2),
		fmt.Sprint("data/", 0.1*3),
		fmt.Sprint("data/", big>>98),
		fmt.Sprint("data/", 1e23),
		fmt.Sprint("data/", 7/2),
		fmt.Sprint("data/", 7/2.0),
		fmt.Sprint("data/", 'a'*2),
		fmt.Sprint("data/", 1<<62),
		fmt.Sprint("data/", -7%3),
		fmt.Sprint("data/", 1.0/49*49),
		fmt.Sprint("data/", float64(1<<53+1)),
		fmt.Sprint("data/", 2.0/3),
		fmt.Sprint("data/", string(rune(65))),
	} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
