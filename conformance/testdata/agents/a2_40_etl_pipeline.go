package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

type Result[T any] struct {
	Val T
	Err error
}

func (r Result[T]) String() string {
	if r.Err != nil {
		return "Err(" + r.Err.Error() + ")"
	}
	return fmt.Sprintf("Ok(%v)", r.Val)
}

type Raw struct {
	Seq  int
	Line string
}

type Parsed struct {
	Seq    int
	Cust   string
	Amount int
	Cat    string
}

var ErrSkip = errors.New("skip")

func source(lines []string) <-chan Raw {
	out := make(chan Raw)
	go func() {
		defer close(out)
		for i, l := range lines {
			out <- Raw{i, l}
		}
	}()
	return out
}

func parseStage(in <-chan Raw, workers int, bad *atomic.Int32) <-chan Result[Parsed] {
	out := make(chan Result[Parsed])
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range in {
				out <- parseLine(r, bad)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func parseLine(r Raw, bad *atomic.Int32) (res Result[Parsed]) {
	defer func() {
		if p := recover(); p != nil {
			bad.Add(1)
			res = Result[Parsed]{Err: fmt.Errorf("line %d: panic: %v", r.Seq, p)}
		}
	}()
	if strings.HasPrefix(r.Line, "#") {
		return Result[Parsed]{Err: fmt.Errorf("line %d: %w", r.Seq, ErrSkip)}
	}
	f := strings.Split(r.Line, "|")
	amt, err := strconv.Atoi(f[1])
	if err != nil {
		bad.Add(1)
		return Result[Parsed]{Err: fmt.Errorf("line %d: %w", r.Seq, err)}
	}
	return Result[Parsed]{Val: Parsed{r.Seq, f[0], amt, f[2]}}
}

func main() {
	lines := []string{
		"acme|120|hardware",
		"globex|75|software",
		"# comment row",
		"acme|30|software",
		"initech|x9|hardware",
		"globex|200|hardware",
		"umbrella|55",
		"acme|45|services",
		"initech|80|software",
		"hooli|-10|refund",
	}
	var bad atomic.Int32
	var results []Result[Parsed]
	for r := range parseStage(source(lines), 4, &bad) {
		results = append(results, r)
	}
	var good []Parsed
	var errs []error
	for _, r := range results {
		if r.Err != nil {
			errs = append(errs, r.Err)
			continue
		}
		good = append(good, r.Val)
	}
	sort.Slice(good, func(i, j int) bool { return good[i].Seq < good[j].Seq })
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	for _, p := range good {
		fmt.Println(Result[Parsed]{Val: p})
	}
	skipped := 0
	for _, e := range errs {
		if errors.Is(e, ErrSkip) {
			skipped++
			continue
		}
		var ne *strconv.NumError
		if errors.As(e, &ne) {
			fmt.Println("number error:", ne.Num)
		}
		fmt.Println(Result[int]{Err: e})
	}
	fmt.Printf("good=%d skipped=%d bad=%d\n", len(good), skipped, bad.Load())

	// aggregate concurrently with mutex
	type agg struct {
		sync.Mutex
		byCust map[string]int
		byCat  map[string][]int
	}
	a := agg{byCust: map[string]int{}, byCat: map[string][]int{}}
	var wg sync.WaitGroup
	for _, p := range good {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.Lock()
			defer a.Unlock()
			a.byCust[p.Cust] += p.Amount
			a.byCat[p.Cat] = append(a.byCat[p.Cat], p.Amount)
		}()
	}
	wg.Wait()
	custs := make([]string, 0, len(a.byCust))
	for c := range a.byCust {
		custs = append(custs, c)
	}
	sort.Slice(custs, func(i, j int) bool {
		if a.byCust[custs[i]] != a.byCust[custs[j]] {
			return a.byCust[custs[i]] > a.byCust[custs[j]]
		}
		return custs[i] < custs[j]
	})
	for _, c := range custs {
		fmt.Printf("%-8s %5d\n", c, a.byCust[c])
	}
	cats := make([]string, 0)
	for c := range a.byCat {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		v := a.byCat[c]
		sort.Ints(v)
		fmt.Printf("%s: %v\n", c, v)
	}
	var ops atomic.Int64
	var wg2 sync.WaitGroup
	for i := 1; i <= 50; i++ {
		wg2.Add(1)
		go func(n int) {
			defer wg2.Done()
			ops.Add(int64(n))
		}(i)
	}
	wg2.Wait()
	var cas atomic.Int32
	fmt.Println("atomic sum:", ops.Load(), cas.CompareAndSwap(0, 5), cas.CompareAndSwap(0, 6), cas.Load())
}
