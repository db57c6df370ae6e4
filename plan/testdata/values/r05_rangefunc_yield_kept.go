// run: "data/0"
// run: "data/1"
// run: "data/2"
package main

import (
	"fmt"

	"airlock/fs"
)

var saved func(int) bool

// seq keeps its yield function; main calls it after the loops are over.
func seq(yield func(int) bool) {
	saved = yield
	yield(0)
}

// The body of a range-over-func loop runs as a function literal in the
// interpreter; called after the counting loop ended, it would see the
// counter at its bound: Go panics there, and so does the run.
func main() {
	for i := 0; i < 3; i++ {
		for range seq {
			s, err := fs.ReadFile(fmt.Sprint("data/", i))
			fmt.Println(s, err)
		}
	}
	saved(0)
}
