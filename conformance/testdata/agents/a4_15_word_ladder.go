package main

import (
	"fmt"
	"sort"
	"strings"
)

func neighbors(w string, dict map[string]bool) []string {
	var out []string
	b := []byte(w)
	for i := range b {
		orig := b[i]
		for c := byte('a'); c <= 'z'; c++ {
			if c == orig {
				continue
			}
			b[i] = c
			if dict[string(b)] {
				out = append(out, string(b))
			}
		}
		b[i] = orig
	}
	sort.Strings(out)
	return out
}

// ladder returns one lexicographically-first shortest path and the number of shortest paths.
func ladder(from, to string, dict map[string]bool) ([]string, int) {
	if !dict[to] {
		return nil, 0
	}
	dist := map[string]int{from: 0}
	ways := map[string]int{from: 1}
	parent := map[string]string{}
	queue := []string{from}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, nb := range neighbors(cur, dict) {
			d, seen := dist[nb]
			if !seen {
				dist[nb] = dist[cur] + 1
				ways[nb] = ways[cur]
				parent[nb] = cur
				queue = append(queue, nb)
			} else if d == dist[cur]+1 {
				ways[nb] += ways[cur]
			}
		}
	}
	if _, ok := dist[to]; !ok {
		return nil, 0
	}
	var path []string
	for w := to; ; w = parent[w] {
		path = append(path, w)
		if w == from {
			break
		}
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path, ways[to]
}

type pt struct{ r, c int }

func maze(grid []string) {
	var start, end pt
	for r, row := range grid {
		for c, ch := range row {
			switch ch {
			case 'S':
				start = pt{r, c}
			case 'E':
				end = pt{r, c}
			}
		}
	}
	prev := map[pt]pt{}
	seen := map[pt]bool{start: true}
	q := []pt{start}
	dirs := [4]pt{{0, 1}, {1, 0}, {0, -1}, {-1, 0}}
	for len(q) > 0 && !seen[end] {
		p := q[0]
		q = q[1:]
		for _, d := range dirs {
			n := pt{p.r + d.r, p.c + d.c}
			if n.r < 0 || n.r >= len(grid) || n.c < 0 || n.c >= len(grid[n.r]) || grid[n.r][n.c] == '#' || seen[n] {
				continue
			}
			seen[n] = true
			prev[n] = p
			q = append(q, n)
		}
	}
	if !seen[end] {
		fmt.Println("maze: no path")
		return
	}
	out := make([][]byte, len(grid))
	for i := range grid {
		out[i] = []byte(grid[i])
	}
	steps := 0
	for p := prev[end]; p != start; p = prev[p] {
		out[p.r][p.c] = '*'
		steps++
	}
	fmt.Printf("maze: %d steps, explored %d cells\n", steps+1, len(seen))
	for _, row := range out {
		fmt.Println(string(row))
	}
}

func main() {
	words := strings.Fields(`cold cord card ward warm word worm wore core care dare
		date gate game came come cone bone bane cane lane line fine fire hire here
		head heal teal tell tall tail toil coil cool pool poll pole pale sale sole
		mold bold bolt boat coat cost most mist list lint mint`)
	dict := map[string]bool{}
	for _, w := range words {
		dict[w] = true
	}
	pairs := [][2]string{{"cold", "warm"}, {"head", "tail"}, {"cool", "mint"}, {"game", "fire"}, {"cold", "zzzz"}, {"bone", "cane"}}
	for _, p := range pairs {
		path, n := ladder(p[0], p[1], dict)
		if path == nil {
			fmt.Printf("%s -> %s: impossible\n", p[0], p[1])
			continue
		}
		fmt.Printf("%s -> %s: %d steps, %d shortest path(s): %s\n", p[0], p[1], len(path)-1, n, strings.Join(path, " > "))
	}
	maze([]string{
		"S..#......",
		".#.#.####.",
		".#...#....",
		".####.#.#.",
		"......#.#E",
	})
}
