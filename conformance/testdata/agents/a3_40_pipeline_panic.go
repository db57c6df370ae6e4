package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type InvariantError struct {
	Stage    string
	Expected int
	Actual   int
}

func (e *InvariantError) Error() string {
	return fmt.Sprintf("invariant violated in %s: expected %d records, got %d", e.Stage, e.Expected, e.Actual)
}

type StageError struct {
	Stage string
	Cause error
}

func (e *StageError) Error() string { return e.Stage + ": " + e.Cause.Error() }
func (e *StageError) Unwrap() error { return e.Cause }

// safeCall converts panics inside f into errors.
func safeCall(stage string, f func() int) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case error:
				err = &StageError{stage, x}
			case string:
				err = &StageError{stage, errors.New(x)}
			default:
				err = &StageError{stage, fmt.Errorf("panic: %v", x)}
			}
		}
	}()
	return f(), nil
}

type Record struct {
	Key   string
	Value int
}

func main() {
	raw := "a=1;b=2;c=x;d=4;;e=5;f=-3;g=7"
	var records []Record
	var parseErrs []error

	// closure accumulators
	makeStats := func() (add func(int), report func() string) {
		var n, sum, mn, mx int
		add = func(v int) {
			if n == 0 || v < mn {
				mn = v
			}
			if n == 0 || v > mx {
				mx = v
			}
			n++
			sum += v
		}
		report = func() string {
			return fmt.Sprintf("n=%d sum=%d min=%d max=%d", n, sum, mn, mx)
		}
		return
	}
	add, report := makeStats()

	for _, part := range strings.Split(raw, ";") {
		_, err := safeCall("parse", func() int {
			k, v, ok := strings.Cut(part, "=")
			if !ok {
				panic("missing '=' in " + strconv.Quote(part))
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				panic(err)
			}
			records = append(records, Record{k, n})
			add(n)
			return n
		})
		if err != nil {
			parseErrs = append(parseErrs, err)
		}
	}
	fmt.Println("parsed:", records)
	fmt.Println("stats:", report())
	for _, e := range parseErrs {
		var se *StageError
		var ne *strconv.NumError
		errors.As(e, &se)
		fmt.Printf("  error stage=%s msg=%v numerr=%t\n", se.Stage, e, errors.As(e, &ne))
	}

	// divide stage: index out of range and division by zero become errors
	divisors := []int{2, 0, 5}
	for i := 0; i < 4; i++ {
		v, err := safeCall("divide", func() int { return 100 / divisors[i] })
		if err != nil {
			fmt.Printf("  divide[%d]: %v\n", i, err)
			continue
		}
		fmt.Printf("  divide[%d] = %d\n", i, v)
	}
	_, err := safeCall("custom", func() int { panic(struct{ Code int }{42}) })
	fmt.Println(" ", err)

	// map[string]struct update through temporary variable
	type agg struct {
		Count int
		Total int
	}
	groups := map[string]agg{}
	for _, r := range records {
		g := "pos"
		if r.Value < 0 {
			g = "neg"
		}
		a := groups[g]
		a.Count++
		a.Total += r.Value
		groups[g] = a
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  group %s: %+v\n", k, groups[k])
	}

	// deferred calls run in LIFO order, and the evaluated args are captured at defer time
	counter := 0
	func() {
		for i := 0; i < 3; i++ {
			defer fmt.Printf("  deferred i=%d counter-at-defer=%d\n", i, counter)
			counter += 10
		}
	}()

	expected := len(strings.Split(raw, ";"))
	fmt.Printf("SUMMARY: %d records, %d errors, expected %d\n", len(records), len(parseErrs), expected)
	defer fmt.Println("deferred before panic runs")
	if len(records) != expected {
		panic(&InvariantError{Stage: "load", Expected: expected, Actual: len(records)})
	}
	fmt.Println("unreachable")
}
