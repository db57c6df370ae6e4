package main

import (
	"container/heap"
	"fmt"
	"strings"
)

type Job struct {
	ID       string
	Arrive   int
	Duration int
	Priority int // lower is more urgent
	Deps     []string
}

type readyQueue []*Job

func (q readyQueue) Len() int { return len(q) }
func (q readyQueue) Less(i, j int) bool {
	if q[i].Priority != q[j].Priority {
		return q[i].Priority < q[j].Priority
	}
	if q[i].Arrive != q[j].Arrive {
		return q[i].Arrive < q[j].Arrive
	}
	return q[i].ID < q[j].ID
}
func (q readyQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *readyQueue) Push(x any)   { *q = append(*q, x.(*Job)) }
func (q *readyQueue) Pop() any {
	old := *q
	n := len(old)
	it := old[n-1]
	*q = old[:n-1]
	return it
}

type event struct {
	at     int
	worker int
	job    *Job
}

type eventQueue []event

func (e eventQueue) Len() int { return len(e) }
func (e eventQueue) Less(i, j int) bool {
	if e[i].at != e[j].at {
		return e[i].at < e[j].at
	}
	return e[i].worker < e[j].worker
}
func (e eventQueue) Swap(i, j int) { e[i], e[j] = e[j], e[i] }
func (e *eventQueue) Push(x any)   { *e = append(*e, x.(event)) }
func (e *eventQueue) Pop() any {
	old := *e
	it := old[len(old)-1]
	*e = old[:len(old)-1]
	return it
}

func main() {
	jobs := []*Job{
		{"fetch", 0, 3, 2, nil},
		{"lint", 0, 2, 3, nil},
		{"compile", 1, 5, 1, []string{"fetch"}},
		{"test-unit", 2, 4, 2, []string{"compile"}},
		{"test-int", 2, 6, 2, []string{"compile"}},
		{"docs", 3, 2, 5, nil},
		{"package", 4, 2, 1, []string{"test-unit", "lint"}},
		{"hotfix", 6, 1, 0, nil},
		{"deploy", 5, 3, 0, []string{"package", "test-int"}},
	}
	const workers = 2
	done := map[string]int{}
	pending := append([]*Job(nil), jobs...)
	rq := &readyQueue{}
	eq := &eventQueue{}
	free := make([]bool, workers)
	for i := range free {
		free[i] = true
	}
	busy := make([]int, workers)
	timeline := make([][]byte, workers)
	clock := 0
	start := map[string]int{}
	for len(done) < len(jobs) {
		// move arrived jobs whose deps are satisfied into ready queue
		kept := pending[:0]
		for _, j := range pending {
			ok := j.Arrive <= clock
			for _, d := range j.Deps {
				if _, fin := done[d]; !fin {
					ok = false
				}
			}
			if ok {
				heap.Push(rq, j)
			} else {
				kept = append(kept, j)
			}
		}
		pending = kept
		for w := 0; w < workers && rq.Len() > 0; w++ {
			if !free[w] {
				continue
			}
			j := heap.Pop(rq).(*Job)
			free[w] = false
			start[j.ID] = clock
			heap.Push(eq, event{clock + j.Duration, w, j})
			fmt.Printf("t=%2d  w%d start %-9s (prio %d, waited %d)\n", clock, w, j.ID, j.Priority, clock-j.Arrive)
		}
		// advance clock to next event or next arrival
		next := -1
		if eq.Len() > 0 {
			next = (*eq)[0].at
		}
		for _, j := range pending {
			if j.Arrive > clock && (next < 0 || j.Arrive < next) {
				next = j.Arrive
			}
		}
		if next < 0 {
			fmt.Println("deadlock at", clock)
			break
		}
		for t := clock; t < next; t++ {
			for w := 0; w < workers; w++ {
				c := byte('.')
				if !free[w] {
					c = '#'
					busy[w]++
				}
				timeline[w] = append(timeline[w], c)
			}
		}
		clock = next
		for eq.Len() > 0 && (*eq)[0].at == clock {
			ev := heap.Pop(eq).(event)
			free[ev.worker] = true
			done[ev.job.ID] = clock
			fmt.Printf("t=%2d  w%d done  %-9s\n", clock, ev.worker, ev.job.ID)
		}
	}
	fmt.Println("makespan:", clock)
	for w := range timeline {
		fmt.Printf("w%d |%s| util %.0f%%\n", w, string(timeline[w]), 100*float64(busy[w])/float64(clock))
	}
	var sb strings.Builder
	for _, j := range jobs {
		fmt.Fprintf(&sb, "%s:%d-%d ", j.ID, start[j.ID], done[j.ID])
	}
	fmt.Println(strings.TrimSpace(sb.String()))
}
