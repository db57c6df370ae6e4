// Parentheses around names and literals change nothing.
package main

import "fmt"

func main() {
	x, s := 2, "a"
	b := (x) == 2 || x == 5
	c := s == ("a") && x == (2)
	d := x+(1) == 3 || false
	fmt.Println(b, c, d)
	switch {
	case x == (2) || x == 5:
		fmt.Println("case")
	}
	if (x) == (3) || (s) == ("b") {
		fmt.Println("no")
	} else {
		fmt.Println("else")
	}
}
