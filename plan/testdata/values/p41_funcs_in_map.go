// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	ops := map[string]func(string){
		"read": func(p string) {
			s, err := fs.ReadFile(p)
			fmt.Println(s, err)
		},
	}
	ops["read"]("data/a")
	ops["read"]("data/secret/k")
}
