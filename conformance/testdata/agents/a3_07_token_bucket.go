package main

import (
	"fmt"
	"sort"
	"time"
)

type Bucket struct {
	Capacity   float64
	RefillRate float64 // tokens per second
	tokens     float64
	last       time.Duration
}

func NewBucket(capacity, rate float64) *Bucket {
	return &Bucket{Capacity: capacity, RefillRate: rate, tokens: capacity}
}

func (b *Bucket) refill(now time.Duration) {
	elapsed := (now - b.last).Seconds()
	if elapsed > 0 {
		b.tokens += elapsed * b.RefillRate
		if b.tokens > b.Capacity {
			b.tokens = b.Capacity
		}
		b.last = now
	}
}

func (b *Bucket) Allow(now time.Duration, cost float64) (bool, time.Duration) {
	b.refill(now)
	if b.tokens >= cost {
		b.tokens -= cost
		return true, 0
	}
	need := cost - b.tokens
	wait := time.Duration(need / b.RefillRate * float64(time.Second))
	return false, wait.Round(time.Millisecond)
}

type Request struct {
	At     time.Duration
	Client string
	Cost   float64
}

type Stats struct {
	Allowed, Denied int
	MaxWait         time.Duration
}

func main() {
	var reqs []Request
	// burst from client A, steady from B, heavy requests from C
	for i := 0; i < 10; i++ {
		reqs = append(reqs, Request{time.Duration(i*50) * time.Millisecond, "alpha", 1})
	}
	for i := 0; i < 8; i++ {
		reqs = append(reqs, Request{time.Duration(i*400) * time.Millisecond, "beta", 1})
	}
	for i := 0; i < 6; i++ {
		reqs = append(reqs, Request{time.Duration(i*700+100) * time.Millisecond, "gamma", 2.5})
	}
	reqs = append(reqs, Request{3 * time.Second, "alpha", 1}, Request{3100 * time.Millisecond, "alpha", 1})
	sort.SliceStable(reqs, func(i, j int) bool { return reqs[i].At < reqs[j].At })

	buckets := map[string]*Bucket{}
	stats := map[string]*Stats{}
	for _, r := range reqs {
		b, ok := buckets[r.Client]
		if !ok {
			b = NewBucket(4, 2)
			buckets[r.Client] = b
			stats[r.Client] = &Stats{}
		}
		ok, wait := b.Allow(r.At, r.Cost)
		st := stats[r.Client]
		status := "ALLOW"
		if ok {
			st.Allowed++
		} else {
			st.Denied++
			status = "DENY "
			if wait > st.MaxWait {
				st.MaxWait = wait
			}
		}
		extra := ""
		if !ok {
			extra = fmt.Sprintf(" retry-after=%v", wait)
		}
		fmt.Printf("t=%-7v %-6s cost=%.1f %s tokens=%.2f%s\n", r.At, r.Client, r.Cost, status, b.tokens, extra)
	}
	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println("summary:")
	for _, n := range names {
		s := stats[n]
		total := s.Allowed + s.Denied
		fmt.Printf("  %-6s allowed=%2d denied=%2d rate=%5.1f%% maxwait=%v\n", n, s.Allowed, s.Denied,
			float64(s.Allowed)/float64(total)*100, s.MaxWait)
	}
}
