package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }
type Segment struct{ A, B Point }

type Cell struct {
	Pos   Point
	Layer uint8
	Tag   string
}

func (s Segment) Norm() Segment {
	if s.B.X < s.A.X || (s.B.X == s.A.X && s.B.Y < s.A.Y) {
		return Segment{s.B, s.A}
	}
	return s
}

func main() {
	visits := map[Point]int{}
	path := []Point{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}, {1, 0}, {2, 0}}
	edges := map[Segment]int{}
	for i, p := range path {
		visits[p]++
		if i > 0 {
			edges[Segment{path[i-1], p}.Norm()]++
		}
	}
	pts := make([]Point, 0, len(visits))
	for p := range visits {
		pts = append(pts, p)
	}
	sort.Slice(pts, func(i, j int) bool {
		if pts[i].X != pts[j].X {
			return pts[i].X < pts[j].X
		}
		return pts[i].Y < pts[j].Y
	})
	for _, p := range pts {
		fmt.Printf("%v visited %d\n", p, visits[p])
	}
	segs := make([]Segment, 0, len(edges))
	for s := range edges {
		segs = append(segs, s)
	}
	sort.Slice(segs, func(i, j int) bool { return fmt.Sprint(segs[i]) < fmt.Sprint(segs[j]) })
	for _, s := range segs {
		fmt.Printf("%+v x%d\n", s, edges[s])
	}
	fmt.Println(Point{1, 2} == Point{1, 2}, Cell{Point{1, 2}, 0, "a"} == Cell{Pos: Point{1, 2}, Tag: "a"})

	// array keys and array values copied
	type Key [3]string
	index := map[Key]float64{{"eu", "de", "berlin"}: 3.6, {"eu", "fr", "paris"}: 2.1, {"as", "jp", "tokyo"}: 14}
	k := Key{"eu", "de", "berlin"}
	k2 := k
	k2[2] = "munich"
	_, has := index[k2]
	fmt.Println(index[k], has, k, k2, k == k2)
	// interface keys mixing dynamic types
	mixed := map[any]string{1: "int", int64(1): "int64", "1": "string", Point{1, 1}: "point", [2]int{1, 1}: "array", true: "bool"}
	for _, key := range []any{1, int64(1), "1", Point{1, 1}, [2]int{1, 1}, true, 1.0} {
		v, ok := mixed[key]
		fmt.Printf("%T(%v)->%q,%t ", key, key, v, ok)
	}
	fmt.Println()

	// slices share backing arrays
	base := []int{0, 1, 2, 3, 4, 5, 6, 7}
	window := base[2:5]
	window[0] = 20
	fmt.Println("base:", base, "window:", window, len(window))
	limited := base[2:4:4]
	limited = append(limited, 99) // forced copy: capacity exhausted
	limited[0] = -1
	fmt.Println("after full-slice append:", base, limited)
	grow := base[1:3]
	grow = append(grow, 42) // writes into base[3]
	fmt.Println("append into spare capacity:", base, grow)
	n := copy(base[5:], []int{50, 60, 70, 80, 90})
	fmt.Println("copied", n, base)
	matrix := make([][]int, 3)
	backing := make([]int, 9)
	for i := range matrix {
		matrix[i] = backing[i*3 : (i+1)*3]
	}
	matrix[1][1] = 5
	backing[8] = 9
	fmt.Println(matrix, backing)
	// struct containing array copied by value; struct containing slice shares
	type Snap struct {
		Fixed [3]int
		Dyn   []int
	}
	s1 := Snap{[3]int{1, 2, 3}, []int{1, 2, 3}}
	s2 := s1
	s2.Fixed[0] = 100
	s2.Dyn[0] = 100
	fmt.Printf("%+v %+v\n", s1, s2)
	arrOfPts := [2]Point{{1, 1}, {2, 2}}
	for _, p := range arrOfPts {
		p.X = 99
		_ = p
	}
	for i := range arrOfPts {
		arrOfPts[i].Y *= 10
	}
	fmt.Println(arrOfPts)
	var zero Cell
	fmt.Printf("%#v\n", zero)
}
