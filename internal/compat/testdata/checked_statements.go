// Index and division checks made before a statement: the same panics, at
// the same points, as the checks Go makes while it evaluates.
package main

import (
	"fmt"
	"sort"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	a := []int{1, 2, 3}
	b := []int{0, 5}
	i, z := 3, 0
	try("assign", func() { a[i] = 1 })
	try("cond", func() {
		if a[i] > 0 {
			fmt.Println("no")
		}
	})
	try("guarded", func() {
		if i < len(a) && a[i] > 0 {
			fmt.Println("no")
		}
		fmt.Println("guard held")
	})
	try("else-if", func() {
		if i == 0 {
			fmt.Println("no")
		} else if a[i] > 0 {
			fmt.Println("no")
		}
	})
	try("nested", func() { _ = a[b[1]] })
	try("inner first", func() { _ = a[b[i]] })
	try("divide", func() { fmt.Println(10 / z) })
	try("divide stmt", func() { x := 10; x /= z; fmt.Println(x) })
	try("call first", func() { a[i] = len(fmt.Sprint("side effect first")) })
	try("in range", func() {
		s := 0
		for k := 0; k < len(a); k++ {
			s += a[k]
		}
		fmt.Println(s)
	})
	rows := []struct{ n int }{{3}, {1}, {2}}
	sort.Slice(rows, func(i, j int) bool { return rows[i].n < rows[j].n })
	fmt.Println(rows)
	var u8 uint8 = 200
	try("uint8 index", func() { _ = a[u8] })
}
