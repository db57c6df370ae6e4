// Program-defined generic functions with inferred type arguments.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	out := make(map[K][]T)
	for _, x := range xs {
		out[key(x)] = append(out[key(x)], x)
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	strs := Map([]int{1, 2, 3}, strconv.Itoa)
	fmt.Println(strings.Join(strs, ","))
	lens := Map([]string{"a", "bbb"}, func(s string) int { return len(s) })
	fmt.Println(lens)
	fmt.Println(Filter([]int{1, 2, 3, 4}, func(x int) bool { return x%2 == 0 }))
	fmt.Println(Reduce([]int{1, 2, 3}, "", func(a string, x int) string { return a + strconv.Itoa(x) }))
	g := GroupBy([]string{"apple", "avocado", "banana"}, func(s string) byte { return s[0] })
	fmt.Println(len(g['a']), len(g['b']))
	fmt.Println(len(Keys(map[string]int{"a": 1, "b": 2})))
	explicit := Map[int, float64]([]int{1}, func(i int) float64 { return float64(i) / 2 })
	fmt.Println(explicit)
}
