// Iterators from strings: SplitSeq, FieldsSeq and Lines.
package main

import (
	"fmt"
	"strings"
)

func main() {
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("[%s]", part)
	}
	fmt.Println()
	n := 0
	for w := range strings.FieldsSeq("  the quick  brown fox ") {
		n += len(w)
	}
	fmt.Println(n)
	for line := range strings.Lines("one\ntwo\nthree") {
		fmt.Printf("%q ", line)
		if strings.HasPrefix(line, "two") {
			break
		}
	}
	fmt.Println()
}
