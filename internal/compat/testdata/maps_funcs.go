// The maps package: Keys, Values, All, Clone, Copy, DeleteFunc, Equal, Collect, Insert.
package main

import (
	"fmt"
	"maps"
	"slices"
)

type Stock map[string]int

func main() {
	m := map[string]int{"apple": 3, "pear": 0, "fig": 7}
	keys := slices.Collect(maps.Keys(m))
	slices.Sort(keys)
	fmt.Println(keys)
	total := 0
	for v := range maps.Values(m) {
		total += v
	}
	fmt.Println(total)
	for k, v := range maps.All(m) {
		if k == "fig" {
			fmt.Println(k, v)
		}
	}
	c := maps.Clone(m)
	c["kiwi"] = 1
	fmt.Println(len(m), len(c))
	maps.DeleteFunc(c, func(k string, v int) bool { return v == 0 })
	fmt.Println(len(c), c)
	dst := map[string]int{"z": 26}
	maps.Copy(dst, m)
	fmt.Println(dst)
	fmt.Println(maps.Equal(m, c), maps.Equal(m, maps.Clone(m)))
	fmt.Println(maps.EqualFunc(m, m, func(a, b int) bool { return a == b }))
	inverted := maps.Collect(func(yield func(int, string) bool) {
		for k, v := range m {
			if !yield(v, k) {
				return
			}
		}
	})
	fmt.Println(inverted[7])
	s := Stock{"a": 1}
	s2 := maps.Clone(s)
	s2["b"] = 2
	fmt.Println(len(s), len(s2), s2)
	maps.Insert(s2, maps.All(map[string]int{"c": 3}))
	fmt.Println(s2)
	copied := maps.Collect(maps.All(m))
	fmt.Println(copied)
}
