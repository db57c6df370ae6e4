// A dot import makes tool functions look like the program's own.
package main

import (
	"fmt"

	. "airlock/fs"
)

func main() {
	s, _ := ReadFile("data/a.txt") // want use(fs.ReadFile call path="data/a.txt")
	read := Glob                   // want use(fs.Glob value)
	fmt.Println(s, read)
}
