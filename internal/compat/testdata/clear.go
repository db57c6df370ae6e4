// The clear builtin on maps and slices, including named types and call results.
package main

import "fmt"

type Set map[string]bool

var global = map[int]string{1: "a", 2: "b"}

func get() map[int]string { fmt.Println("get called"); return global }

func main() {
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(len(m), m)
	s := []int{1, 2, 3}
	clear(s[1:])
	fmt.Println(s, len(s))
	set := Set{"x": true}
	clear(set)
	fmt.Println(len(set))
	clear(get())
	fmt.Println(len(global))
	type pt struct{ X, Y int }
	ps := []pt{{1, 2}, {3, 4}}
	clear(ps)
	fmt.Println(ps)
	var ptrs = []*int{new(int)}
	clear(ptrs)
	fmt.Println(ptrs[0] == nil)
}
