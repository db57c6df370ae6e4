// Structs: comparison, arrays, anonymous structs, nested composite literals, copies.
package main

import "fmt"

type Point struct{ X, Y int }

type Line struct {
	From, To Point
	Label    string
}

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

func main() {
	a := Point{1, 2}
	b := a
	b.X = 10
	fmt.Println(a, b, a == Point{1, 2}, a != b)
	l := Line{From: a, To: b.Add(Point{1, 1}), Label: "l"}
	fmt.Printf("%v %+v\n", l, l)
	grid := [3][3]int{}
	grid[1][1] = 5
	g2 := grid
	g2[0][0] = 1
	fmt.Println(grid, g2[0])
	anon := []struct {
		Name string
		N    int
	}{{"a", 1}, {"b", 2}}
	for _, x := range anon {
		fmt.Print(x.Name, x.N, " ")
	}
	fmt.Println()
	seen := map[Point]bool{a: true}
	fmt.Println(seen[Point{1, 2}], seen[b])
	pp := &Point{3, 4}
	pp.X++
	fmt.Println(*pp, pp.Add(a))
}
