// run: "data/a"
// run: "data/c"
// run: "data/b"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	read := func(p string) {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
	run := func() { read("data/b") }
	read("data/a")
	go run()
	defer read("data/c")
}
