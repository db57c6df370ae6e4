package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Record struct {
	ID   int
	Text string
}

type Result struct {
	ID      int
	Words   int
	Vowels  int
	Upper   string
	Worker  int
	Skipped bool
}

func source(lines []string) <-chan Record {
	out := make(chan Record)
	go func() {
		defer close(out)
		for i, l := range lines {
			out <- Record{i + 1, l}
		}
	}()
	return out
}

func filter(in <-chan Record, keep func(Record) bool) <-chan Record {
	out := make(chan Record)
	go func() {
		defer close(out)
		for r := range in {
			if keep(r) {
				out <- r
			}
		}
	}()
	return out
}

func analyze(id int, in <-chan Record) <-chan Result {
	out := make(chan Result)
	go func() {
		defer close(out)
		for r := range in {
			v := 0
			for _, c := range strings.ToLower(r.Text) {
				if strings.ContainsRune("aeiou", c) {
					v++
				}
			}
			out <- Result{ID: r.ID, Words: len(strings.Fields(r.Text)), Vowels: v, Upper: strings.ToUpper(r.Text), Worker: id}
		}
	}()
	return out
}

func merge(chans ...<-chan Result) <-chan Result {
	out := make(chan Result, 4)
	var wg sync.WaitGroup
	for _, c := range chans {
		wg.Add(1)
		go func(c <-chan Result) {
			defer wg.Done()
			for r := range c {
				out <- r
			}
		}(c)
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	lines := []string{
		"the quick brown fox",
		"",
		"jumps over the lazy dog",
		"# comment line",
		"pack my box with five dozen liquor jugs",
		"sphinx of black quartz judge my vow",
		"   ",
		"how vexingly quick daft zebras jump",
		"go channels compose nicely",
		"# another comment",
		"the end",
	}
	recs := filter(source(lines), func(r Record) bool {
		t := strings.TrimSpace(r.Text)
		return t != "" && !strings.HasPrefix(t, "#")
	})
	const n = 3
	workers := make([]<-chan Result, n)
	for i := range n {
		workers[i] = analyze(i, recs)
	}
	var results []Result
	perWorker := map[int]int{}
	for r := range merge(workers...) {
		results = append(results, r)
		perWorker[r.Worker]++
	}
	sort.Slice(results, func(i, j int) bool { return results[i].ID < results[j].ID })
	totalW, totalV := 0, 0
	for _, r := range results {
		fmt.Printf("#%02d words=%d vowels=%2d %s\n", r.ID, r.Words, r.Vowels, r.Upper)
		totalW += r.Words
		totalV += r.Vowels
	}
	handled := 0
	for _, c := range perWorker {
		handled += c
	}
	fmt.Printf("records=%d words=%d vowels=%d handled=%d workers<=%d: %t\n", len(results), totalW, totalV, handled, n, len(perWorker) <= n)

	// bounded parallel squares with semaphore and results by index
	nums := []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	sq := make([]int, len(nums))
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	var mu sync.Mutex
	maxInFlight, inFlight := 0, 0
	for i, v := range nums {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			mu.Lock()
			inFlight++
			maxInFlight = max(maxInFlight, inFlight)
			mu.Unlock()
			sq[i] = v * v
			mu.Lock()
			inFlight--
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("squares:", sq, "max in flight <= 2:", maxInFlight <= 2)
	sum := 0
	done := make(chan int)
	go func() {
		s := 0
		for _, v := range sq {
			s += v
		}
		done <- s
	}()
	sum = <-done
	fmt.Println("sum of squares:", sum)
}
