package main

import (
	"fmt"
	"slices"
)

type Batch struct {
	Name  string
	Items []int
}

func appendItem(b Batch, v int) Batch {
	b.Items = append(b.Items, v)
	return b
}

func removeAt(s []int, i int) []int {
	return append(s[:i], s[i+1:]...)
}

func main() {
	base := make([]int, 3, 10)
	copy(base, []int{1, 2, 3})
	a := append(base, 4)
	b := append(base, 5)
	fmt.Println("shared backing:", a, b, &a[0] == &b[0])

	full := []int{1, 2, 3}
	c := append(full, 4)
	d := append(full, 5)
	c[0] = 100
	fmt.Println("after growth:", full, c, d)

	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	sub := s[2:5]
	fmt.Println(sub, len(sub), cap(sub))
	sub = append(sub, 99)
	fmt.Println("s now", s)
	lim := s[2:5:5]
	lim = append(lim, -1)
	lim[0] = -2
	fmt.Println("s unchanged by 3-index", s, lim)

	x := []int{10, 20, 30, 40, 50}
	y := removeAt(x, 1)
	fmt.Println("removeAt:", y, "orig:", x)

	n := copy(x, []int{7, 8})
	fmt.Println(n, x)
	n = copy(x[1:], x)
	fmt.Println("overlap copy", n, x)
	bs := make([]byte, 3)
	n = copy(bs, "héllo")
	fmt.Println(n, bs, string(bs))

	var nilS []int
	empty := []int{}
	fmt.Println(nilS == nil, empty == nil, len(nilS), cap(empty))
	nilS = append(nilS, 1)
	fmt.Println(nilS)
	for range nilS[:0] {
		fmt.Println("never")
	}

	caps := []int{}
	var grow []int
	last := -1
	for i := 0; i < 20; i++ {
		grow = append(grow, i)
		if cap(grow) != last {
			last = cap(grow)
			caps = append(caps, last)
		}
	}
	// The capacities append gives are the toolchain's choice (a small
	// slice that does not escape may start in a stack buffer): their count
	// of growth steps is not printed.
	fmt.Println("grew", len(caps) > 0, len(grow))

	batch := Batch{"b1", make([]int, 0, 4)}
	b1 := appendItem(batch, 1)
	b2 := appendItem(batch, 2)
	fmt.Println(b1.Items, b2.Items, len(batch.Items))

	matrix := make([][]int, 3)
	row := make([]int, 9)
	for i := range matrix {
		matrix[i] = row[i*3 : i*3+3]
	}
	matrix[1][2] = 5
	fmt.Println(matrix, row)

	words := []string{"a", "b", "c", "d"}
	rev := slices.Clone(words)
	slices.Reverse(rev)
	fmt.Println(words, rev)
	ins := slices.Insert(words, 2, "X", "Y")
	fmt.Println(ins, words)
	del := slices.Delete(slices.Clone(ins), 1, 3)
	fmt.Println(del)
	comp := slices.Compact([]int{1, 1, 2, 2, 2, 3, 1, 1})
	fmt.Println(comp, slices.Equal(comp, []int{1, 2, 3, 1}))
	fmt.Println(slices.Index(words, "c"), slices.Contains(words, "z"), slices.Repeat([]int{1, 2}, 3))
	filtered := s[:0]
	for _, v := range s {
		if v%2 == 0 {
			filtered = append(filtered, v)
		}
	}
	fmt.Println("in-place filter", filtered, s)
	clear(s[5:])
	fmt.Println(s)
	arr := [5]int{1, 2, 3, 4, 5}
	as := arr[:]
	as[0] = 9
	fmt.Println(arr, as[1:4:4])
	grid := [][]string{{"a"}, {"b", "c"}}
	shallow := slices.Clone(grid)
	shallow[1][0] = "Z"
	shallow[0] = []string{"new"}
	fmt.Println(grid, shallow)
}
