package main

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

type Edge struct {
	To   string
	Cost int
}

type Graph map[string][]Edge

func (g Graph) AddEdge(a, b string, c int) {
	g[a] = append(g[a], Edge{b, c})
	g[b] = append(g[b], Edge{a, c})
}

type item struct {
	node string
	dist int
}
type minQ []item

func (q minQ) Len() int { return len(q) }
func (q minQ) Less(i, j int) bool {
	if q[i].dist != q[j].dist {
		return q[i].dist < q[j].dist
	}
	return q[i].node < q[j].node
}
func (q minQ) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *minQ) Push(x any)   { *q = append(*q, x.(item)) }
func (q *minQ) Pop() any {
	o := *q
	x := o[len(o)-1]
	*q = o[:len(o)-1]
	return x
}

func (g Graph) Dijkstra(src string) (map[string]int, map[string]string) {
	dist := map[string]int{}
	prev := map[string]string{}
	for n := range g {
		dist[n] = math.MaxInt
	}
	dist[src] = 0
	q := &minQ{{src, 0}}
	for q.Len() > 0 {
		cur := heap.Pop(q).(item)
		if cur.dist > dist[cur.node] {
			continue
		}
		for _, e := range g[cur.node] {
			nd := cur.dist + e.Cost
			if nd < dist[e.To] || (nd == dist[e.To] && cur.node < prev[e.To]) {
				dist[e.To] = nd
				prev[e.To] = cur.node
				heap.Push(q, item{e.To, nd})
			}
		}
	}
	return dist, prev
}

func path(prev map[string]string, dst string) []string {
	var p []string
	for n := dst; n != ""; n = prev[n] {
		p = append(p, n)
	}
	slices.Reverse(p)
	return p
}

func (g Graph) BFS(start string) []string {
	seen := map[string]bool{start: true}
	queue := []string{start}
	var order []string
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		order = append(order, n)
		nbrs := make([]string, 0, len(g[n]))
		for _, e := range g[n] {
			nbrs = append(nbrs, e.To)
		}
		sort.Strings(nbrs)
		for _, nb := range nbrs {
			if !seen[nb] {
				seen[nb] = true
				queue = append(queue, nb)
			}
		}
	}
	return order
}

func topo(deps map[string][]string) ([]string, error) {
	state := map[string]int{}
	var out []string
	var visit func(string, []string) error
	visit = func(n string, stack []string) error {
		switch state[n] {
		case 1:
			return fmt.Errorf("cycle: %s -> %s", strings.Join(stack, " -> "), n)
		case 2:
			return nil
		}
		state[n] = 1
		ds := slices.Clone(deps[n])
		slices.Sort(ds)
		for _, d := range ds {
			if err := visit(d, append(stack, n)); err != nil {
				return err
			}
		}
		state[n] = 2
		out = append(out, n)
		return nil
	}
	keys := make([]string, 0, len(deps))
	for k := range deps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := visit(k, nil); err != nil {
			return out, err
		}
	}
	return out, nil
}

func main() {
	g := Graph{}
	g.AddEdge("A", "B", 4)
	g.AddEdge("A", "C", 2)
	g.AddEdge("B", "C", 1)
	g.AddEdge("B", "D", 5)
	g.AddEdge("C", "D", 8)
	g.AddEdge("C", "E", 10)
	g.AddEdge("D", "E", 2)
	g.AddEdge("D", "F", 6)
	g.AddEdge("E", "F", 2)
	g["Z"] = nil
	dist, prev := g.Dijkstra("A")
	nodes := make([]string, 0, len(dist))
	for n := range dist {
		nodes = append(nodes, n)
	}
	sort.Strings(nodes)
	for _, n := range nodes {
		if dist[n] == math.MaxInt {
			fmt.Printf("%s: unreachable (%d)\n", n, dist[n])
			continue
		}
		fmt.Printf("%s: %2d via %s\n", n, dist[n], strings.Join(path(prev, n), "->"))
	}
	fmt.Println("bfs:", g.BFS("A"))
	degree := map[int][]string{}
	for n, es := range g {
		degree[len(es)] = append(degree[len(es)], n)
	}
	ds := make([]int, 0)
	for d := range degree {
		ds = append(ds, d)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ds)))
	for _, d := range ds {
		sort.Strings(degree[d])
		fmt.Printf("degree %d: %v\n", d, degree[d])
	}
	deps := map[string][]string{
		"app":    {"lib", "log", "config"},
		"lib":    {"log", "util"},
		"config": {"util"},
		"log":    {},
		"util":   nil,
	}
	order, err := topo(deps)
	fmt.Println("build order:", order, err)
	deps["util"] = []string{"app"}
	order, err = topo(deps)
	fmt.Println("partial:", order, "err:", err)
}
