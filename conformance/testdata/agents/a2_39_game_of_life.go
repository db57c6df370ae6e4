package main

import (
	"fmt"
	"strings"
)

const W, H = 10, 8

type Grid [H][W]bool

func (g *Grid) neighbors(y, x int) int {
	n := 0
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if dy == 0 && dx == 0 {
				continue
			}
			yy, xx := (y+dy+H)%H, (x+dx+W)%W
			if g[yy][xx] {
				n++
			}
		}
	}
	return n
}

func (g Grid) Step() Grid {
	var next Grid
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			n := g.neighbors(y, x)
			switch {
			case g[y][x] && (n == 2 || n == 3):
				next[y][x] = true
			case !g[y][x] && n == 3:
				next[y][x] = true
			}
		}
	}
	return next
}

func (g Grid) String() string {
	var sb strings.Builder
	for _, row := range g {
		for _, c := range row {
			if c {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func (g Grid) Alive() (n int) {
	for _, row := range g {
		for _, c := range row {
			if c {
				n++
			}
		}
	}
	return
}

func parse(s string) Grid {
	var g Grid
	for y, line := range strings.Split(strings.TrimSpace(s), "\n") {
		for x, ch := range line {
			g[y][x] = ch == '#'
		}
	}
	return g
}

func main() {
	g := parse(`
.#........
..#.......
###.......
..........
......##..
......##..
..........
...###....`)
	seen := map[Grid]int{}
	for gen := 0; gen <= 12; gen++ {
		if prev, ok := seen[g]; ok {
			fmt.Printf("gen %d repeats gen %d\n", gen, prev)
			break
		}
		seen[g] = gen
		if gen%4 == 0 {
			fmt.Printf("generation %d (alive=%d)\n%v", gen, g.Alive(), g)
		}
		g = g.Step()
	}
	fmt.Println("distinct states:", len(seen))
	blinker := parse("...\n###\n...")
	b1 := blinker.Step()
	b2 := b1.Step()
	fmt.Println(blinker == b2, blinker == b1, b1.Alive())
	var counts [9]int
	for y := 0; y < H; y++ {
		for x := 0; x < W; x++ {
			counts[g.neighbors(y, x)]++
		}
	}
	fmt.Println("neighbor histogram:", counts)
	hist := counts[:]
	total := 0
	for i, c := range hist {
		total += i * c
	}
	fmt.Println("sum of neighbor counts:", total, "alive*8:", g.Alive()*8)
}
