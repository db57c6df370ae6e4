// run: "data/5"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	for i := 0; i < 3; i++ {
		q := &i
		*q += 5
		s, err := fs.ReadFile(fmt.Sprint("data/", i))
		fmt.Println(s, err)
	}
}
