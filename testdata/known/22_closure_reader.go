package main

import (
	"airlock/fs"
	"fmt"
)

func main() {
	root := "data/notes"
	read := func(name string) string {
		s, err := fs.ReadFile(root + "/" + name)
		if err != nil {
			return ""
		}
		return s
	}
	fmt.Println(len(read("a.txt")), len(read("b.txt")))
}
