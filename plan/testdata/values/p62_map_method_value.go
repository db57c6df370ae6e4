// run: "data/secret/k"
// run: "data/a"
package main

import (
	"fmt"

	"airlock/fs"
)

type dict map[string]string

func (d dict) add() { d["b"] = "data/secret/k" }

// A method value of a map type adds an entry when called.
func main() {
	d := dict{"a": "data/a"}
	add := d.add
	add()
	for _, p := range d {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
