// Closures: counters, memoised recursion, functions in maps, variadic functions.
package main

import (
	"fmt"
	"strings"
)

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	memo := map[int]int{}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		if v, ok := memo[n]; ok {
			return v
		}
		memo[n] = fib(n-1) + fib(n-2)
		return memo[n]
	}
	fmt.Println(fib(50))
	ops := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"mul": func(a, b int) int { return a * b },
	}
	fmt.Println(ops["add"](2, 3), ops["mul"](2, 3))
	parts := []string{"a", "b"}
	fmt.Println(join("-", parts...), join("+"), join(",", "x", "y", "z"))
}
