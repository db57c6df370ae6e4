// Expression switches: an interface tag against cases of other types,
// case lists with calls (evaluated in order, stopping at the match), init
// statements, tagless case lists, and parenthesised operands.
package main

import "fmt"

type Level int

type P struct{ X int }

func id(i int) int { fmt.Print("id", i, " "); return i }

func classify(v any) string {
	switch v {
	case "hello":
		return "greeting"
	case 1, 2.5:
		return "num"
	case Level(3):
		return "level3"
	case P{1}:
		return "p1"
	case nil:
		return "nil"
	}
	return "other"
}

func main() {
	for _, v := range []any{"hello", 1, 2.5, Level(3), 3, P{1}, nil, "x"} {
		fmt.Print(classify(v), " ")
	}
	fmt.Println()
	x := 2
	switch x {
	case id(1), id(2), id(3):
		fmt.Println("matched")
	default:
		fmt.Println("default")
	}
	switch y := x * 2; y {
	case 1, x + 2:
		fmt.Println("y", y)
	}
	switch {
	case x == 1, x == 2:
		fmt.Println("tagless ok")
	}
	var e error
	switch e {
	case nil:
		fmt.Println("nil error")
	}
}
