package main

import (
	"container/heap"
	"fmt"
	"math"
	"sort"
	"strings"
)

type Edge struct {
	To     string
	Weight float64
}

type Graph map[string][]Edge

func (g Graph) AddEdge(a, b string, w float64) {
	g[a] = append(g[a], Edge{b, w})
	g[b] = append(g[b], Edge{a, w})
}

type item struct {
	node string
	dist float64
}
type minHeap []item

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].dist != h[j].dist {
		return h[i].dist < h[j].dist
	}
	return h[i].node < h[j].node
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(item)) }
func (h *minHeap) Pop() any {
	o := *h
	x := o[len(o)-1]
	*h = o[:len(o)-1]
	return x
}

func Dijkstra(g Graph, src string) (map[string]float64, map[string]string) {
	dist := map[string]float64{}
	prev := map[string]string{}
	for n := range g {
		dist[n] = math.Inf(1)
	}
	dist[src] = 0
	h := &minHeap{{src, 0}}
	visited := map[string]bool{}
	for h.Len() > 0 {
		cur := heap.Pop(h).(item)
		if visited[cur.node] {
			continue
		}
		visited[cur.node] = true
		for _, e := range g[cur.node] {
			nd := cur.dist + e.Weight
			if nd < dist[e.To] || (nd == dist[e.To] && cur.node < prev[e.To]) {
				dist[e.To] = nd
				prev[e.To] = cur.node
				heap.Push(h, item{e.To, nd})
			}
		}
	}
	return dist, prev
}

func path(prev map[string]string, src, dst string) []string {
	var p []string
	for n := dst; ; n = prev[n] {
		p = append([]string{n}, p...)
		if n == src {
			return p
		}
		if _, ok := prev[n]; !ok {
			return nil
		}
	}
}

type pt struct{ r, c int }

func bfsGrid(grid []string) (int, []pt) {
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
	dirs := []pt{{-1, 0}, {0, 1}, {1, 0}, {0, -1}}
	for len(q) > 0 {
		cur := q[0]
		q = q[1:]
		if cur == end {
			var p []pt
			for n := end; n != start; n = prev[n] {
				p = append(p, n)
			}
			return len(p), p
		}
		for _, d := range dirs {
			n := pt{cur.r + d.r, cur.c + d.c}
			if n.r < 0 || n.r >= len(grid) || n.c < 0 || n.c >= len(grid[0]) || grid[n.r][n.c] == '#' || seen[n] {
				continue
			}
			seen[n] = true
			prev[n] = cur
			q = append(q, n)
		}
	}
	return -1, nil
}

func main() {
	g := Graph{}
	roads := []struct {
		a, b string
		km   float64
	}{
		{"Amsterdam", "Utrecht", 45}, {"Amsterdam", "Haarlem", 20}, {"Haarlem", "Leiden", 32},
		{"Leiden", "The Hague", 19}, {"The Hague", "Rotterdam", 27}, {"Utrecht", "Rotterdam", 57},
		{"Utrecht", "Arnhem", 64}, {"Rotterdam", "Breda", 50}, {"Breda", "Eindhoven", 58},
		{"Utrecht", "Eindhoven", 91}, {"Arnhem", "Eindhoven", 80}, {"Amsterdam", "Leiden", 45},
	}
	for _, r := range roads {
		g.AddEdge(r.a, r.b, r.km)
	}
	g["Groningen"] = nil // isolated
	dist, prev := Dijkstra(g, "Amsterdam")
	nodes := make([]string, 0, len(dist))
	for n := range dist {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool {
		if dist[nodes[i]] != dist[nodes[j]] {
			return dist[nodes[i]] < dist[nodes[j]]
		}
		return nodes[i] < nodes[j]
	})
	for _, n := range nodes {
		p := path(prev, "Amsterdam", n)
		if p == nil {
			fmt.Printf("%-10s %6v  unreachable\n", n, dist[n])
			continue
		}
		fmt.Printf("%-10s %6.0f  %s\n", n, dist[n], strings.Join(p, " > "))
	}

	// BFS hop counts (unweighted)
	hops := map[string]int{"Breda": 0}
	q := []string{"Breda"}
	for len(q) > 0 {
		n := q[0]
		q = q[1:]
		nbrs := make([]string, 0)
		for _, e := range g[n] {
			nbrs = append(nbrs, e.To)
		}
		sort.Strings(nbrs)
		for _, m := range nbrs {
			if _, ok := hops[m]; !ok {
				hops[m] = hops[n] + 1
				q = append(q, m)
			}
		}
	}
	byHop := map[int][]string{}
	maxHop := 0
	for n, h := range hops {
		byHop[h] = append(byHop[h], n)
		maxHop = max(maxHop, h)
	}
	for h := 0; h <= maxHop; h++ {
		sort.Strings(byHop[h])
		fmt.Printf("hops from Breda = %d: %v\n", h, byHop[h])
	}

	maze := []string{
		"S.#.......",
		".##.####.#",
		"....#....#",
		"#.#.#.##..",
		"..#...#E#.",
		".####.#.#.",
		"......#...",
	}
	n, p := bfsGrid(maze)
	fmt.Println("maze shortest path length:", n)
	rows := make([][]byte, len(maze))
	for i := range maze {
		rows[i] = []byte(maze[i])
	}
	for _, c := range p[1:] {
		rows[c.r][c.c] = '*'
	}
	for _, r := range rows {
		fmt.Println("  " + string(r))
	}
}
