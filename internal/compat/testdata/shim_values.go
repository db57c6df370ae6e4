// Generic library functions used as values: passed, stored and instantiated.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

func apply(xs []string, f func([]string, string) bool, v string) bool { return f(xs, v) }

func main() {
	xs := []string{"b", "a"}
	fmt.Println(apply(xs, slices.Contains[[]string], "a"))
	compare := cmp.Compare[string]
	slices.SortFunc(xs, compare)
	fmt.Println(xs, compare("a", "b"))
	ys := []int{3, 1, 2}
	slices.SortFunc(ys, cmp.Compare)
	fmt.Println(ys)
	f := strings.ToLower
	fmt.Println(f("ABC"))
}
