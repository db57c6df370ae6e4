package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

type Job struct {
	ID   int
	Text string
}

type Result struct {
	JobID    int
	Words    int
	Longest  string
	Checksum uint32
	Err      error
}

var ErrEmpty = errors.New("empty document")

func process(j Job) Result {
	fields := strings.Fields(j.Text)
	if len(fields) == 0 {
		return Result{JobID: j.ID, Err: fmt.Errorf("job %d: %w", j.ID, ErrEmpty)}
	}
	longest := ""
	for _, f := range fields {
		if len(f) > len(longest) || (len(f) == len(longest) && f < longest) {
			longest = f
		}
	}
	// FNV-1a
	var h uint32 = 2166136261
	for i := 0; i < len(j.Text); i++ {
		h ^= uint32(j.Text[i])
		h *= 16777619
	}
	// simulate some CPU work
	x := 0
	for i := 0; i < 20000; i++ {
		x += i % (j.ID + 1)
	}
	_ = x
	return Result{JobID: j.ID, Words: len(fields), Longest: longest, Checksum: h}
}

func main() {
	docs := []string{
		"the quick brown fox",
		"jumps over the lazy dog",
		"",
		"concurrency is not parallelism",
		"don't communicate by sharing memory; share memory by communicating",
		"   ",
		"channels orchestrate; mutexes serialize",
		"a little copying is better than a little dependency",
		"clear is better than clever",
		"errors are values",
		"gofmt's style is no one's favorite, yet gofmt is everyone's favorite",
		"make the zero value useful",
	}
	jobs := make(chan Job)
	results := make(chan Result, len(docs))
	var processed atomic.Int64
	var mu sync.Mutex
	perWorker := map[int]int{}
	var wg sync.WaitGroup
	const workers = 4
	for w := 1; w <= workers; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			for j := range jobs {
				r := process(j)
				processed.Add(1)
				mu.Lock()
				perWorker[id]++
				mu.Unlock()
				results <- r
			}
		}(w)
	}
	go func() {
		for i, d := range docs {
			jobs <- Job{ID: i + 1, Text: d}
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	var all []Result
	for r := range results {
		all = append(all, r)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].JobID < all[j].JobID })
	total := 0
	var errs []error
	for _, r := range all {
		if r.Err != nil {
			errs = append(errs, r.Err)
			fmt.Printf("job %2d: ERROR %v\n", r.JobID, r.Err)
			continue
		}
		total += r.Words
		fmt.Printf("job %2d: words=%2d longest=%-14q fnv=%08x\n", r.JobID, r.Words, r.Longest, r.Checksum)
	}
	workSum := 0
	for _, n := range perWorker {
		workSum += n
	}
	fmt.Printf("processed=%d total words=%d errors=%d worker-sum=%d workers-used<=%d:%t\n",
		processed.Load(), total, len(errs), workSum, workers, len(perWorker) <= workers)
	joined := errors.Join(errs...)
	fmt.Println("all errors are ErrEmpty:", errors.Is(joined, ErrEmpty))

	// fan-out/fan-in pipeline with unbuffered channels: squares then sum
	gen := func(n int) <-chan int {
		ch := make(chan int)
		go func() {
			defer close(ch)
			for i := 1; i <= n; i++ {
				ch <- i
			}
		}()
		return ch
	}
	sq := func(in <-chan int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for v := range in {
				out <- v * v
			}
		}()
		return out
	}
	src := gen(100)
	var outs []<-chan int
	for i := 0; i < 3; i++ {
		outs = append(outs, sq(src))
	}
	merged := make(chan int)
	var wg2 sync.WaitGroup
	for _, o := range outs {
		wg2.Add(1)
		go func(c <-chan int) {
			defer wg2.Done()
			for v := range c {
				merged <- v
			}
		}(o)
	}
	go func() { wg2.Wait(); close(merged) }()
	sum, count := 0, 0
	for v := range merged {
		sum += v
		count++
	}
	fmt.Printf("sum of squares 1..100 = %d (%d values)\n", sum, count)

	// sync.Once and a mutex-protected map
	var once sync.Once
	inits := 0
	cache := map[string]int{}
	var cmu sync.RWMutex
	var wg3 sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg3.Add(1)
		go func(i int) {
			defer wg3.Done()
			once.Do(func() { inits++ })
			k := fmt.Sprintf("k%d", i%5)
			cmu.Lock()
			cache[k] += i
			cmu.Unlock()
		}(i)
	}
	wg3.Wait()
	keys := make([]string, 0, len(cache))
	for k := range cache {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		cmu.RLock()
		fmt.Printf("%s=%d ", k, cache[k])
		cmu.RUnlock()
	}
	fmt.Println("inits:", inits)
}
