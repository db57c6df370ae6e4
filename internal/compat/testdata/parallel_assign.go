// Parallel assignments whose right-hand sides are calls, and three-clause
// loops without a condition or post statement: both lose assignments in
// the interpreter unless rewritten.
package main

import (
	"fmt"
	"strings"
)

func up(s string) string { return s + "!" }

func two() (int, int) { return 1, 2 }

type point struct{ X, Y int }

func origin() point { return point{} }

func main() {
	var c string
	var d int
	c, d = strings.ToUpper("z"), 5
	fmt.Println(c, d)
	var e, f int
	e, f = len("abc"), 7
	fmt.Println(e, f)
	c, _ = up("y"), 9
	fmt.Println(c)
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	c, d = up(c), d+1
	fmt.Println(c, d)
	var g, h int
	g, h = two()
	fmt.Println(g, h)
	switch {
	case d > 0:
		g, h = len(c), 3
	}
	fmt.Println(g, h)
	pt, list := point{1, 2}, []string{"a"}
	pt, list = origin(), append(list, fmt.Sprint(pt.X))
	fmt.Println(pt, list)
	var sb strings.Builder
	var n int
	n, sb = len(list)+n, strings.Builder{}
	fmt.Println(n, sb.Len())
	for p := 1; ; {
		if p > 3 {
			break
		}
		fmt.Println("page", p)
		p = p + 1
	}
	for q, r := 0, 10; ; {
		if q >= r {
			fmt.Println("met at", q)
			break
		}
		q, r = q+1, r-1
	}
}
