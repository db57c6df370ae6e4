// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	ps := []string{"data/a"}
	lists := [][]string{ps}
	for _, l := range lists {
		l[0] = "data/secret/k"
	}
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
