// The slices, maps and cmp helpers called from inside program generics.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	return keys
}

func Top[T any](xs []T, n int, cmpFn func(a, b T) int) []T {
	c := slices.Clone(xs)
	slices.SortFunc(c, func(a, b T) int { return cmpFn(b, a) })
	return c[:min(n, len(c))]
}

func Uniq[T comparable](xs []T) []T {
	var out []T
	for _, x := range xs {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func main() {
	fmt.Println(SortedKeys(map[string]int{"b": 1, "a": 2}))
	fmt.Println(SortedKeys(map[int]bool{3: true, 1: false}))
	fmt.Println(Top([]int{5, 1, 9, 3}, 2, cmp.Compare[int]))
	fmt.Println(Top([]string{"x"}, 5, func(a, b string) int { return cmp.Compare(a, b) }))
	fmt.Println(Uniq([]string{"a", "b", "a"}))
}
