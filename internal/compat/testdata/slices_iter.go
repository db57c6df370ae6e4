// Iterator helpers from slices: Collect, Sorted, SortedFunc, All, Values, Backward, Chunk.
package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	xs := []string{"c", "a", "b"}
	for i, v := range slices.All(xs) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for v := range slices.Values(xs) {
		fmt.Print(v, " ")
	}
	fmt.Println()
	for i, v := range slices.Backward(xs) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	sorted := slices.Sorted(slices.Values(xs))
	fmt.Println(sorted, xs)
	m := map[string]int{"x": 3, "y": 1, "z": 2}
	keys := slices.Sorted(maps.Keys(m))
	fmt.Println(keys)
	vals := slices.Sorted(maps.Values(m))
	fmt.Println(vals)
	byLen := slices.SortedFunc(slices.Values([]string{"ccc", "a", "bb"}), func(a, b string) int { return len(a) - len(b) })
	fmt.Println(byLen)
	fmt.Println(slices.Collect(slices.Values([]int{1, 2})))
	for c := range slices.Chunk([]int{1, 2, 3, 4, 5}, 2) {
		fmt.Print(c, " ")
	}
	fmt.Println()
	upper := slices.AppendSeq([]string{"A"}, slices.Values([]string{"B"}))
	fmt.Println(upper, strings.Join(upper, "+"))
	idx := slices.Collect(maps.Keys(map[int]bool{7: true}))
	fmt.Println(idx)
}
