// The sort package with closures and a program-defined sort.Interface.
package main

import (
	"fmt"
	"sort"
)

type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

type Emp struct {
	Name string
	Dept string
	Pay  int
}

func main() {
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	fmt.Println(xs, sort.SearchInts(xs, 2))
	ss := []string{"b", "c", "a"}
	sort.Strings(ss)
	fmt.Println(ss)
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(words)
	fmt.Println(words)
	sort.Sort(sort.Reverse(words))
	fmt.Println(words)
	emps := []Emp{{"a", "x", 3}, {"b", "y", 1}, {"c", "x", 1}, {"d", "y", 3}}
	sort.SliceStable(emps, func(i, j int) bool { return emps[i].Pay > emps[j].Pay })
	fmt.Println(emps)
	sort.Slice(emps, func(i, j int) bool {
		if emps[i].Dept != emps[j].Dept {
			return emps[i].Dept < emps[j].Dept
		}
		return emps[i].Name < emps[j].Name
	})
	fmt.Println(emps)
	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
}
