package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

func Filter[T any](seq iter.Seq[T], pred func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if pred(v) {
				if !yield(v) {
					return
				}
			}
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i >= n {
				return
			}
		}
	}
}

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Enumerate[T any](s []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
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

func Lines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 1
		for line := range strings.SplitSeq(s, "\n") {
			if !yield(n, line) {
				return
			}
			n++
		}
	}
}

func main() {
	emps := []Employee{
		{"Ann", "eng", 120}, {"Bo", "ops", 90}, {"Cy", "eng", 135},
		{"Di", "sales", 80}, {"Ed", "ops", 95}, {"Fa", "eng", 101},
	}
	highEng := Filter(slices.Values(emps), func(e Employee) bool { return e.Dept == "eng" && e.Salary > 110 })
	for e := range highEng {
		fmt.Printf("high eng: %+v\n", e)
	}
	for x := range Take(Filter(Fib(), func(n int) bool { return n%2 == 0 }), 6) {
		fmt.Print(x, " ")
	}
	fmt.Println()
	fmt.Println(slices.Collect(Take(Fib(), 12)))

	for i, e := range Enumerate(emps) {
		if i == 3 {
			fmt.Println("stopping at", e.Name)
			break
		}
		fmt.Println(i, e.Name)
	}

	byDept := map[string]int{}
	for _, e := range emps {
		byDept[e.Dept] += e.Salary
	}
	for _, k := range slices.Sorted(maps.Keys(byDept)) {
		fmt.Printf("%-6s %d\n", k, byDept[k])
	}
	vals := slices.Sorted(maps.Values(byDept))
	fmt.Println("sorted totals", vals)

	var root *Tree
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35, 65} {
		root = root.Insert(v)
	}
	fmt.Println("inorder:", slices.Collect(root.All()))
	sum := 0
	for v := range root.All() {
		if v > 60 {
			break
		}
		sum += v
	}
	fmt.Println("sum<=60:", sum)

	for i := range 3 {
		fmt.Print("r", i, " ")
	}
	fmt.Println()
	text := "alpha\nbeta\n\ngamma"
	for n, l := range Lines(text) {
		fmt.Printf("%d:%q ", n, l)
	}
	fmt.Println()
	for i, w := range slices.Backward([]string{"a", "b", "c"}) {
		fmt.Print(i, w, " ")
	}
	fmt.Println()
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5, 6, 7}, 3))
	fmt.Println(chunks)
	m := maps.Collect(Enumerate([]string{"x", "y"}))
	fmt.Println(m)
	for f := range strings.FieldsSeq("  one two   three ") {
		fmt.Print("[", f, "]")
	}
	fmt.Println()
	next, stop := iter.Pull(Fib())
	defer stop()
	for range 5 {
		v, ok := next()
		fmt.Print(v, ok, ";")
	}
	fmt.Println()
}
