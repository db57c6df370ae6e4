// Sorting with the slices package: Sort, SortFunc, SortStableFunc, IsSorted.
package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

type Person struct {
	Name string
	Age  int
}

type Names []string

func main() {
	xs := []int{5, 2, 8, 1, 9, 2}
	slices.Sort(xs)
	fmt.Println(xs, slices.IsSorted(xs))
	words := []string{"pear", "Apple", "fig", "banana"}
	slices.Sort(words)
	fmt.Println(words)
	fs := []float64{2.5, -1, 3.25, 0}
	slices.Sort(fs)
	fmt.Println(fs)
	ns := Names{"b", "c", "a"}
	slices.Sort(ns)
	fmt.Println(ns)
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dan", 25}, {"Eve", 35}}
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Compare(a.Age, b.Age)
	})
	fmt.Println(people)
	slices.SortStableFunc(people, func(a, b Person) int { return cmp.Compare(b.Age, a.Age) })
	fmt.Println(people)
	slices.SortFunc(people, func(a, b Person) int {
		return cmp.Or(cmp.Compare(a.Age, b.Age), strings.Compare(a.Name, b.Name))
	})
	fmt.Println(people)
	slices.SortFunc(words, strings.Compare)
	fmt.Println(words)
	fmt.Println(slices.IsSortedFunc(people, func(a, b Person) int { return cmp.Compare(a.Age, b.Age) }))
	big := make([]int, 50)
	for i := range big {
		big[i] = (i * 37) % 11
	}
	slices.SortFunc(big, func(a, b int) int { return b - a })
	fmt.Println(big)
}
