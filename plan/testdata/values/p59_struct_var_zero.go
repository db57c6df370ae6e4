// run: "data"
package main

import (
	"fmt"

	"airlock/fs"
)

type item struct{ Path string }

func main() {
	var e item
	if len(fmt.Sprint(1)) > 5 {
		e = item{"data/a"}
	}
	s, err := fs.ReadFile("data/" + e.Path)
	fmt.Println(s, err)
}
