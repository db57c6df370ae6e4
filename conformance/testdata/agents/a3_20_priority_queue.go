package main

import (
	"container/heap"
	"fmt"
	"strings"
)

type Task struct {
	Name     string
	Priority int
	seq      int
	index    int
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

type Scheduler struct {
	pq     PQ
	byName map[string]*Task
	seq    int
}

func (s *Scheduler) Add(name string, prio int) {
	s.seq++
	t := &Task{Name: name, Priority: prio, seq: s.seq}
	heap.Push(&s.pq, t)
	s.byName[name] = t
}

func (s *Scheduler) Update(name string, prio int) bool {
	t, ok := s.byName[name]
	if !ok || t.index < 0 {
		return false
	}
	t.Priority = prio
	heap.Fix(&s.pq, t.index)
	return true
}

func (s *Scheduler) Remove(name string) bool {
	t, ok := s.byName[name]
	if !ok || t.index < 0 {
		return false
	}
	heap.Remove(&s.pq, t.index)
	delete(s.byName, name)
	return true
}

func (s *Scheduler) Next() *Task {
	if s.pq.Len() == 0 {
		return nil
	}
	t := heap.Pop(&s.pq).(*Task)
	delete(s.byName, t.Name)
	return t
}

// IntHeap for k smallest
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] > h[j] } // max-heap
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *IntHeap) Push(x any)        { *h = append(*h, x.(int)) }
func (h *IntHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func main() {
	s := &Scheduler{byName: map[string]*Task{}}
	for _, t := range []struct {
		n string
		p int
	}{{"send-emails", 2}, {"rebuild-index", 5}, {"backup", 5}, {"cleanup-tmp", 1}, {"charge-cards", 9}, {"resize-images", 3}, {"audit-log", 2}} {
		s.Add(t.n, t.p)
	}
	fmt.Println("queued:", s.pq.Len())
	fmt.Println("update cleanup-tmp->8:", s.Update("cleanup-tmp", 8))
	fmt.Println("update missing:", s.Update("nope", 1))
	fmt.Println("remove resize-images:", s.Remove("resize-images"))
	first := s.Next()
	fmt.Printf("first: %s (p=%d)\n", first.Name, first.Priority)
	s.Add("hotfix", 10)
	s.Add("late-low", 2)
	var order []string
	for t := s.Next(); t != nil; t = s.Next() {
		order = append(order, fmt.Sprintf("%s:%d", t.Name, t.Priority))
	}
	fmt.Println("order:", strings.Join(order, " "))
	fmt.Println("update popped:", s.Update("backup", 1))

	// k smallest via bounded max-heap
	nums := []int{42, 7, 19, 3, 88, 23, 7, 56, 1, 64, 15, 30}
	k := 5
	h := &IntHeap{}
	for _, n := range nums {
		heap.Push(h, n)
		if h.Len() > k {
			heap.Pop(h)
		}
	}
	res := make([]int, h.Len())
	for i := len(res) - 1; i >= 0; i-- {
		res[i] = heap.Pop(h).(int)
	}
	fmt.Println("5 smallest:", res)

	// merge k sorted lists
	lists := [][]int{{1, 4, 9, 20}, {2, 3, 15}, {5, 6, 7, 8, 30}, {}}
	type cur struct{ list, pos int }
	mh := &mergeHeap{lists: lists}
	for i, l := range lists {
		if len(l) > 0 {
			heap.Push(mh, cur2{i, 0})
		}
	}
	var merged []int
	for mh.Len() > 0 {
		c := heap.Pop(mh).(cur2)
		merged = append(merged, lists[c.list][c.pos])
		if c.pos+1 < len(lists[c.list]) {
			heap.Push(mh, cur2{c.list, c.pos + 1})
		}
	}
	_ = cur{}
	fmt.Println("merged:", merged)
}

type cur2 struct{ list, pos int }

type mergeHeap struct {
	lists [][]int
	items []cur2
}

func (m *mergeHeap) Len() int { return len(m.items) }
func (m *mergeHeap) Less(i, j int) bool {
	a, b := m.items[i], m.items[j]
	return m.lists[a.list][a.pos] < m.lists[b.list][b.pos]
}
func (m *mergeHeap) Swap(i, j int) { m.items[i], m.items[j] = m.items[j], m.items[i] }
func (m *mergeHeap) Push(x any)    { m.items = append(m.items, x.(cur2)) }
func (m *mergeHeap) Pop() any {
	x := m.items[len(m.items)-1]
	m.items = m.items[:len(m.items)-1]
	return x
}
