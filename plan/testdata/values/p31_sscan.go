// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	ps := []string{"data/a"}
	fmt.Sscan("data/secret/k", &ps[0])
	for _, p := range ps {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
