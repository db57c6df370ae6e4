// Range over functions in other forms: assignment, labels, named results, Seq2, no variables.
package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		t.walk(yield)
	}
}

func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func find(t *Tree, target int) (found bool, steps int) {
	for v := range t.All() {
		steps++
		if v == target {
			found = true
			return
		}
	}
	return false, steps
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func main() {
	t := &Tree{Left: &Tree{Val: 1}, Val: 2, Right: &Tree{Left: &Tree{Val: 3}, Val: 4}}
	fmt.Println(slices.Collect(t.All()))
	fmt.Println(find(t, 3))
	fmt.Println(find(t, 9))
	var last int
	for last = range t.All() {
	}
	fmt.Println("last", last)
	count := 0
	for range t.All() {
		count++
	}
	fmt.Println("count", count)
	for i, s := range Enumerate([]string{"a", "b", "c"}) {
		if i == 1 {
			continue
		}
		fmt.Print(i, s, " ")
	}
	fmt.Println()
	seq := maps.All(map[string]int{"k": 1})
	for k, v := range seq {
		fmt.Println(k, v)
	}
	lines := strings.Lines("x\ny\n")
	n := 0
	for l := range lines {
		n += len(l)
	}
	fmt.Println(n)
	var funcs []func() int
	for v := range t.All() {
		funcs = append(funcs, func() int { return v * 10 })
	}
	for _, f := range funcs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	for x := range t.All() {
		for y := range t.All() {
			if y > x {
				break
			}
			fmt.Print(x, y, ";")
		}
	}
	fmt.Println()
}
