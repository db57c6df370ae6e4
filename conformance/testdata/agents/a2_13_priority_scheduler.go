package main

import (
	"container/heap"
	"fmt"
	"strings"
	"time"
)

type Task struct {
	ID       string
	Priority int
	Duration time.Duration
	Deps     []string
	index    int
	seq      int
}

type PQ []*Task

func (pq PQ) Len() int { return len(pq) }
func (pq PQ) Less(i, j int) bool {
	if pq[i].Priority != pq[j].Priority {
		return pq[i].Priority > pq[j].Priority
	}
	return pq[i].seq < pq[j].seq
}
func (pq PQ) Swap(i, j int) {
	pq[i], pq[j] = pq[j], pq[i]
	pq[i].index = i
	pq[j].index = j
}
func (pq *PQ) Push(x any) {
	t := x.(*Task)
	t.index = len(*pq)
	*pq = append(*pq, t)
}
func (pq *PQ) Pop() any {
	old := *pq
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*pq = old[:n-1]
	return t
}

func (pq *PQ) update(t *Task, prio int) {
	t.Priority = prio
	heap.Fix(pq, t.index)
}

type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[:n-1]
	return x
}

func main() {
	tasks := []*Task{
		{ID: "build", Priority: 5, Duration: 90 * time.Second},
		{ID: "test", Priority: 4, Duration: 3 * time.Minute, Deps: []string{"build"}},
		{ID: "lint", Priority: 4, Duration: 20 * time.Second},
		{ID: "deploy", Priority: 9, Duration: 45 * time.Second, Deps: []string{"test", "lint"}},
		{ID: "docs", Priority: 1, Duration: 2*time.Minute + 30*time.Second},
		{ID: "notify", Priority: 2, Duration: 500 * time.Millisecond, Deps: []string{"deploy"}},
	}
	byID := map[string]*Task{}
	pending := map[string]int{}
	dependents := map[string][]*Task{}
	for i, t := range tasks {
		t.seq = i
		byID[t.ID] = t
		pending[t.ID] = len(t.Deps)
		for _, d := range t.Deps {
			dependents[d] = append(dependents[d], t)
		}
	}
	pq := &PQ{}
	heap.Init(pq)
	for _, t := range tasks {
		if pending[t.ID] == 0 {
			heap.Push(pq, t)
		}
	}
	// bump docs priority before starting
	pq.update(byID["docs"], 6)

	start := time.Date(2024, 5, 17, 9, 0, 0, 0, time.UTC)
	clock := start
	order := []string{}
	for pq.Len() > 0 {
		t := heap.Pop(pq).(*Task)
		end := clock.Add(t.Duration)
		fmt.Printf("%-7s prio=%d start=%s end=%s took=%v\n", t.ID, t.Priority, clock.Format("15:04:05"), end.Format("15:04:05.000"), t.Duration)
		clock = end
		order = append(order, t.ID)
		for _, d := range dependents[t.ID] {
			pending[d.ID]--
			if pending[d.ID] == 0 {
				heap.Push(pq, d)
			}
		}
	}
	fmt.Println("order:", strings.Join(order, " -> "))
	total := clock.Sub(start)
	fmt.Println("total:", total, "minutes:", total.Minutes(), "rounded:", total.Round(time.Minute), "trunc:", total.Truncate(time.Minute))

	h := &IntHeap{5, 2, 8}
	heap.Init(h)
	heap.Push(h, 3)
	heap.Push(h, 1)
	var out []int
	for h.Len() > 0 {
		out = append(out, heap.Pop(h).(int))
	}
	fmt.Println(out)
}
