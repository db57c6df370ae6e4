// run: "data/a"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	p := "data/a"
	if p := "data/secret/k"; len(p) > 0 {
		_ = p
	}
	switch p := "data/b"; p {
	case "x":
	}
	for p := "data/c"; len(p) < 0; {
	}
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
