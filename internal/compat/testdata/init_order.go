// Package-level variables are initialised after what their initializers
// reach through function bodies, wherever it is declared.
package main

import "fmt"

var a = f()
var tbl = map[string]int{"x": 1}

func f() int { return tbl["x"] }

var total = sum()

func sum() int {
	s := 0
	for _, v := range prices {
		s += v
	}
	return s
}

var prices = []int{1, 2, 3}

var called = false
var n = g()

func g() int { called = true; return 1 }

func main() {
	fmt.Println(a, total, n, called)
}
