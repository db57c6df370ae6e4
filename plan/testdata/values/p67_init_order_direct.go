// run: "data/a"
package main

import (
	"fmt"

	"airlock/fs"
)

func read() int {
	s, err := fs.ReadFile(p)
	fmt.Println(s, err)
	return 0
}

// Go initializes p first (x depends on it through read).
var x = read()

var p = fmt.Sprint("data/a")

func main() {}
