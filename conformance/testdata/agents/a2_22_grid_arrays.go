package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

type Cell struct {
	P    Point
	Kind byte
}

type Board [5][5]byte

func (b Board) String() string {
	s := ""
	for _, row := range b {
		s += string(row[:]) + "\n"
	}
	return s
}

func (b *Board) Set(p Point, c byte) { b[p.Y][p.X] = c }

func mark(b Board, p Point) Board {
	b[p.Y][p.X] = 'X'
	return b
}

func fill(a *[4]int, v int) {
	for i := range a {
		a[i] = v * i
	}
}

func main() {
	var b Board
	for y := range b {
		for x := range b[y] {
			b[y][x] = '.'
		}
	}
	b.Set(Point{1, 1}, '#')
	b2 := b // array copy
	b2.Set(Point{3, 3}, '@')
	b3 := mark(b, Point{0, 4})
	fmt.Print(b, "--\n", b2, "--\n", b3)
	fmt.Println("b==b2:", b == b2, "b==copy:", b == Board(b))

	// struct comparison and map keys
	visits := map[Point]int{}
	path := []Point{{0, 0}, {1, 0}, {1, 1}, {0, 0}, {1, 1}, {2, 2}, {0, 0}}
	for _, p := range path {
		visits[p]++
	}
	keys := make([]Point, 0, len(visits))
	for k := range visits {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].X != keys[j].X {
			return keys[i].X < keys[j].X
		}
		return keys[i].Y < keys[j].Y
	})
	for _, k := range keys {
		fmt.Printf("%v:%d ", k, visits[k])
	}
	fmt.Println()
	fmt.Println(Point{1, 2} == Point{1, 2}, Cell{Point{1, 2}, 'a'} == Cell{P: Point{1, 2}, Kind: 'a'}, Cell{} == Cell{Kind: 0})

	// arrays as map keys and values
	type key [2]string
	pairs := map[key]float64{{"usd", "eur"}: 0.92, {"eur", "usd"}: 1.087}
	fmt.Println(pairs[key{"usd", "eur"}], pairs[key{"gbp", "usd"}])
	grid := map[string][3]int{"a": {1, 2, 3}}
	g := grid["a"]
	g[0] = 100
	fmt.Println(grid["a"], g)

	// pointer to array
	var arr [4]int
	fill(&arr, 3)
	pa := &arr
	pa[2] = -1
	fmt.Println(arr, len(pa), pa[3])
	for i, v := range pa {
		fmt.Print(i, "=", v, " ")
	}
	fmt.Println()
	sl := pa[1:3]
	sl[0] = 42
	fmt.Println(arr, sl, len(sl), cap(sl))

	// array of arrays iteration copy semantics
	m := [3][3]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	for _, row := range m {
		row[0] = 0 // modifies copy
	}
	fmt.Println(m)
	for i := range m {
		m[i][i] *= 10
	}
	fmt.Println(m)
	var t [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			t[j][i] = m[i][j]
		}
	}
	fmt.Println("transpose", t)
	trace := 0
	for i := range 3 {
		trace += t[i][i]
	}
	fmt.Println("trace", trace)

	cube := [2][2][2]string{}
	cube[1][0][1] = "x"
	fmt.Printf("%q\n", cube)
	fmt.Println(len(cube), len(cube[0]), len(cube[0][0]))
	// compare arrays
	a1 := [3]string{"a", "b", "c"}
	a2 := a1
	a2[2] = "z"
	fmt.Println(a1 == a2, a1 != a2, a1, a2)
	ptrs := [2]*Point{{1, 2}, {3, 4}}
	cp := ptrs
	cp[0].X = 99
	fmt.Println(ptrs[0].X, *cp[1])
	anon := [...]int{5: 1, 2, 0: 7}
	fmt.Println(len(anon), anon)
}
