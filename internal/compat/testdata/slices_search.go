// Searching slices: Contains, Index, IndexFunc, ContainsFunc, BinarySearch.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Item struct {
	ID   int
	Name string
}

func main() {
	xs := []int{1, 3, 5, 7}
	fmt.Println(slices.Contains(xs, 5), slices.Contains(xs, 4))
	fmt.Println(slices.Index(xs, 7), slices.Index(xs, 2))
	fs := []float64{1.5, 2}
	fmt.Println(slices.Contains(fs, 2), slices.Index(fs, 1.5))
	names := []string{"ann", "bob", "cy"}
	fmt.Println(slices.IndexFunc(names, func(s string) bool { return strings.HasPrefix(s, "b") }))
	fmt.Println(slices.ContainsFunc(names, func(s string) bool { return len(s) > 5 }))
	i, found := slices.BinarySearch(xs, 5)
	fmt.Println(i, found)
	i, found = slices.BinarySearch(xs, 4)
	fmt.Println(i, found)
	items := []Item{{1, "a"}, {4, "d"}, {9, "z"}}
	j, ok := slices.BinarySearchFunc(items, 4, func(it Item, id int) int { return it.ID - id })
	fmt.Println(j, ok)
	fmt.Println(slices.Contains(items, Item{4, "d"}), slices.Index(items, Item{9, "z"}))
	var empty []string
	fmt.Println(slices.Contains(empty, "x"), slices.Index(empty, ""))
}
