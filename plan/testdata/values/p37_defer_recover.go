// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

var p = "data/a"

func risky() {
	defer func() {
		if r := recover(); r != nil {
			p = r.(string)
		}
	}()
	panic("data/secret/k")
}

func main() {
	risky()
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
