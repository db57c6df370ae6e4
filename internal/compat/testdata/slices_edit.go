// Editing slices: Reverse, Clone, Compact, Insert, Delete, Replace, Concat, Equal.
package main

import (
	"fmt"
	"slices"
	"strings"
)

type Tags []string

func main() {
	xs := []int{1, 2, 3, 4}
	slices.Reverse(xs)
	fmt.Println(xs)
	c := slices.Clone(xs)
	c[0] = 100
	fmt.Println(xs, c)
	fmt.Println(slices.Compact([]int{1, 1, 2, 2, 2, 3, 1}))
	fmt.Println(slices.CompactFunc([]string{"a", "A", "b"}, strings.EqualFold))
	ys := slices.Insert([]int{1, 4}, 1, 2, 3)
	fmt.Println(ys, len(ys))
	more := []int{7, 8}
	ys = slices.Insert(ys, len(ys), more...)
	fmt.Println(ys)
	ys = slices.Delete(ys, 1, 3)
	fmt.Println(ys)
	ys = slices.DeleteFunc(ys, func(v int) bool { return v%2 == 0 })
	fmt.Println(ys)
	fmt.Println(slices.Replace([]string{"a", "b", "c"}, 1, 2, "x", "y"))
	fmt.Println(slices.Concat([]int{1}, []int{2, 3}, nil, []int{4}))
	fmt.Println(slices.Equal(xs, []int{4, 3, 2, 1}), slices.Equal(xs, nil))
	fmt.Println(slices.EqualFunc([]int{1, 2}, []string{"1", "2"}, func(a int, b string) bool { return fmt.Sprint(a) == b }))
	t := Tags{"x", "y"}
	t2 := slices.Clone(t)
	t2 = append(t2, "z")
	fmt.Println(len(t), len(t2), t2)
	fmt.Println(slices.Repeat([]string{"ab"}, 3))
	g := slices.Grow([]int{1}, 10)
	fmt.Println(len(g), cap(g) >= 11)
	fmt.Println(slices.Compare([]int{1, 2}, []int{1, 3}))
}
