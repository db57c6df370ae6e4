// run: "data/0"
// run: "data/1"
// run: "data/2"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	i := 0
again:
	s, err := fs.ReadFile(fmt.Sprint("data/", i))
	fmt.Println(s, err)
	i = i + 1
	if i < 3 {
		goto again
	}
}
