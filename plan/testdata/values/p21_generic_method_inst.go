// run: "data/a"
// run: "data/secret/k"
package main

import (
	"fmt"

	"airlock/fs"
)

type box[T any] struct{}

func (b box[T]) read(p string) {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}

func (b box[T]) first() { b.read("data/a") }

// Calls on the instance box[int] are not counted as calls of read.
func main() {
	var b box[int]
	b.first()
	b.read("data/secret/k")
}
