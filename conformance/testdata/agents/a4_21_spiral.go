package main

import (
	"fmt"
	"strings"
)

type Grid [][]int

func spiral(g Grid) []int {
	if len(g) == 0 {
		return nil
	}
	top, bottom, left, right := 0, len(g)-1, 0, len(g[0])-1
	var out []int
	for top <= bottom && left <= right {
		for c := left; c <= right; c++ {
			out = append(out, g[top][c])
		}
		top++
		for r := top; r <= bottom; r++ {
			out = append(out, g[r][right])
		}
		right--
		if top <= bottom {
			for c := right; c >= left; c-- {
				out = append(out, g[bottom][c])
			}
			bottom--
		}
		if left <= right {
			for r := bottom; r >= top; r-- {
				out = append(out, g[r][left])
			}
			left++
		}
	}
	return out
}

func fillSpiral(rows, cols int) Grid {
	g := make(Grid, rows)
	for i := range g {
		g[i] = make([]int, cols)
	}
	dr := [4]int{0, 1, 0, -1}
	dc := [4]int{1, 0, -1, 0}
	r, c, d := 0, 0, 0
	for n := 1; n <= rows*cols; n++ {
		g[r][c] = n
		nr, nc := r+dr[d], c+dc[d]
		if nr < 0 || nr >= rows || nc < 0 || nc >= cols || g[nr][nc] != 0 {
			d = (d + 1) % 4
			nr, nc = r+dr[d], c+dc[d]
		}
		r, c = nr, nc
	}
	return g
}

func (g Grid) String() string {
	var sb strings.Builder
	for _, row := range g {
		for j, v := range row {
			if j > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "%3d", v)
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func rotate(m [3][3]int) [3][3]int { // m is a copy
	var out [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			out[j][2-i] = m[i][j]
		}
	}
	m[0][0] = -1 // does not affect caller
	return out
}

func transpose(g Grid) Grid {
	t := make(Grid, len(g[0]))
	for j := range t {
		t[j] = make([]int, len(g))
		for i := range g {
			t[j][i] = g[i][j]
		}
	}
	return t
}

func main() {
	g := Grid{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}}
	fmt.Println("spiral 3x4:", spiral(g))
	fmt.Println("spiral 1x5:", spiral(Grid{{1, 2, 3, 4, 5}}))
	fmt.Println("spiral 4x1:", spiral(Grid{{1}, {2}, {3}, {4}}))
	fmt.Println("spiral empty:", spiral(nil), spiral(nil) == nil)
	f := fillSpiral(5, 6)
	fmt.Print(f)
	fmt.Println("roundtrip ok:", fmt.Sprint(spiral(f)[:8]), len(spiral(f)))
	fmt.Print(transpose(g))

	m := [3][3]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	r := rotate(m)
	fmt.Println("orig:", m, "rot:", r)
	r4 := rotate(rotate(rotate(r)))
	fmt.Println("4 rotations equal:", r4 == m, "rot==orig:", r == m)
	copyM := m
	copyM[1][1] = 50
	fmt.Println("array copy independent:", m[1][1], copyM[1][1])
	rows := m[:] // slice of arrays shares storage with m
	rows[2][2] = 90
	fmt.Println("slice of array aliases:", m[2][2], len(rows))
	diag, anti := 0, 0
	for i := range 3 {
		diag += m[i][i]
		anti += m[i][2-i]
	}
	fmt.Println("diag sums:", diag, anti)
	// zigzag diagonal order
	var zz []int
	for s := 0; s <= len(g)+len(g[0])-2; s++ {
		for i := 0; i <= s; i++ {
			rr, cc := i, s-i
			if s%2 == 0 {
				rr, cc = s-i, i
			}
			if rr < len(g) && cc < len(g[0]) {
				zz = append(zz, g[rr][cc])
			}
		}
	}
	fmt.Println("zigzag:", zz)
}
