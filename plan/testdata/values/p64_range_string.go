// run: "data/a"
// run: "data/b"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	for _, c := range "ab" {
		s, err := fs.ReadFile(fmt.Sprintf("data/%c", c))
		fmt.Println(s, err)
	}
}
