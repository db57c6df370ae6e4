// run: "data/a"
// run: "data/b"
// run: ""
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	for _, p := range [3]string{"data/a", "data/b"} {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
