// run: "data/b"
package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	ch := make(chan string, 2)
	ch <- "data/a"
	ch <- "data/b"
	close(ch)
	p := "data/a"
	for q := range ch {
		p = q
	}
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
}
