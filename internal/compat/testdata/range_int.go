// Range over an integer: constant, variable, typed and len() bounds.
package main

import "fmt"

type Count int64

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 4
	for i := range n {
		n = 10 // the bound is evaluated once
		fmt.Print(i, " ")
	}
	fmt.Println(n)
	var c Count = 3
	for i := range c {
		fmt.Printf("%d:%v ", i, i+1)
	}
	fmt.Println()
	hits := 0
	for range 5 {
		hits++
	}
	fmt.Println("hits", hits)
	var last int
	for last = range 4 {
	}
	fmt.Println("last", last)
	xs := []string{"a", "b", "c"}
	for i := range len(xs) {
		i += 10 // does not change the iteration
		fmt.Print(i, " ")
	}
	fmt.Println()
	var funcs []func() int
	for i := range 3 {
		funcs = append(funcs, func() int { return i * i })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
