// run: "data/0"
// run: "data/11"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	for i := 0; i < 3; i++ {
		bump := func() { i = i + 10 }
		if i == 1 {
			bump()
		}
		s, err := fs.ReadFile(fmt.Sprint("data/", i))
		fmt.Println(s, err)
	}
}
