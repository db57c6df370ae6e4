package main

import (
	"context"
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
	JobID  int
	Words  int
	Upper  string
	Worker int
	Err    error
}

var ErrEmptyJob = errors.New("empty job")

func worker(id int, jobs <-chan Job, results chan<- Result, wg *sync.WaitGroup, processed *atomic.Int64) {
	defer wg.Done()
	for j := range jobs {
		r := Result{JobID: j.ID, Worker: id}
		if strings.TrimSpace(j.Text) == "" {
			r.Err = fmt.Errorf("job %d: %w", j.ID, ErrEmptyJob)
		} else {
			r.Words = len(strings.Fields(j.Text))
			r.Upper = strings.ToUpper(j.Text)
		}
		processed.Add(1)
		results <- r
	}
}

func main() {
	texts := []string{
		"the cat sat", "", "on the mat", "go is fun to write",
		"   ", "channels and goroutines", "select statement", "a b c d e f",
	}
	jobs := make(chan Job)
	results := make(chan Result, len(texts))
	var wg sync.WaitGroup
	var processed atomic.Int64
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg, &processed)
	}
	go func() {
		for i, t := range texts {
			jobs <- Job{ID: i, Text: t}
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
	totalWords := 0
	errCount := 0
	for _, r := range all {
		if r.Err != nil {
			errCount++
			fmt.Printf("job %d error: %v (empty=%t)\n", r.JobID, r.Err, errors.Is(r.Err, ErrEmptyJob))
			continue
		}
		totalWords += r.Words
		fmt.Printf("job %d: %d words %q\n", r.JobID, r.Words, r.Upper)
	}
	fmt.Println("processed:", processed.Load(), "words:", totalWords, "errors:", errCount)

	// select with multiple channels, deterministic by draining counts
	nums := make(chan int)
	strs := make(chan string)
	done := make(chan struct{})
	go func() {
		for i := 0; i < 5; i++ {
			nums <- i
		}
		done <- struct{}{}
	}()
	go func() {
		for _, s := range []string{"x", "y", "z"} {
			strs <- s
		}
		done <- struct{}{}
	}()
	sumN := 0
	var gotS []string
	finished := 0
	for finished < 2 {
		select {
		case n := <-nums:
			sumN += n
		case s := <-strs:
			gotS = append(gotS, s)
		case <-done:
			finished++
		}
	}
	fmt.Println("sum", sumN, "strings", gotS)

	// non-blocking select with default
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("nothing ready")
	}
	ch <- 7
	select {
	case ch <- 8:
		fmt.Println("sent 8")
	default:
		fmt.Println("buffer full")
	}
	fmt.Println(<-ch, len(ch), cap(ch))

	// context cancellation
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; ; i++ {
			select {
			case <-ctx.Done():
				return
			case out <- i * i:
			}
		}
	}()
	var squares []int
	for v := range out {
		squares = append(squares, v)
		if len(squares) == 6 {
			cancel()
			break
		}
	}
	fmt.Println("squares", squares, ctx.Err())
	fmt.Println(errors.Is(ctx.Err(), context.Canceled))

	// mutex-protected map counts
	var mu sync.Mutex
	counts := map[string]int{}
	var wg2 sync.WaitGroup
	for _, t := range texts {
		wg2.Add(1)
		go func(s string) {
			defer wg2.Done()
			for _, w := range strings.Fields(s) {
				mu.Lock()
				counts[w]++
				mu.Unlock()
			}
		}(t)
	}
	wg2.Wait()
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if counts[k] > 1 {
			fmt.Printf("%s=%d ", k, counts[k])
		}
	}
	fmt.Println()
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("init once", i) })
	}
}
