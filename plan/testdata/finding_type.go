// Type errors are findings, each at its position.
package main

import (
	"fmt"
	"strings"

	"airlock/fs"
)

func main() {
	fs.ReadAll("data")                   // want finding(type "undefined: fs.ReadAll")
	s, err := fs.ReadFile(42)            // want finding(type "cannot use 42") use(fs.ReadFile call path=42)
	fmt.Println(strings.ToUpper(s, err)) // want finding(type "too many arguments")
	var unused int                       // want finding(type "declared and not used")
}
