package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type CycleError struct {
	Remaining []string
}

func (e *CycleError) Error() string {
	return "dependency cycle among: " + strings.Join(e.Remaining, ", ")
}

// deps: task -> list of tasks it depends on
func topoSort(deps map[string][]string) ([]string, error) {
	indeg := map[string]int{}
	users := map[string][]string{}
	for t, ds := range deps {
		if _, ok := indeg[t]; !ok {
			indeg[t] = 0
		}
		for _, d := range ds {
			if _, ok := indeg[d]; !ok {
				indeg[d] = 0
			}
			indeg[t]++
			users[d] = append(users[d], t)
		}
	}
	var ready []string
	for t, n := range indeg {
		if n == 0 {
			ready = append(ready, t)
		}
	}
	sort.Strings(ready)
	var order []string
	for len(ready) > 0 {
		t := ready[0]
		ready = ready[1:]
		order = append(order, t)
		next := users[t]
		sort.Strings(next)
		for _, u := range next {
			indeg[u]--
			if indeg[u] == 0 {
				ready = append(ready, u)
				sort.Strings(ready)
			}
		}
	}
	if len(order) != len(indeg) {
		var rem []string
		for t, n := range indeg {
			if n > 0 {
				rem = append(rem, t)
			}
		}
		sort.Strings(rem)
		return order, &CycleError{rem}
	}
	return order, nil
}

// levels groups tasks into parallelizable stages
func levels(deps map[string][]string, order []string) [][]string {
	lvl := map[string]int{}
	maxL := 0
	for _, t := range order {
		l := 0
		for _, d := range deps[t] {
			if lvl[d]+1 > l {
				l = lvl[d] + 1
			}
		}
		lvl[t] = l
		if l > maxL {
			maxL = l
		}
	}
	out := make([][]string, maxL+1)
	for _, t := range order {
		out[lvl[t]] = append(out[lvl[t]], t)
	}
	return out
}

func main() {
	build := map[string][]string{
		"deploy":     {"test", "package", "migrate-db"},
		"test":       {"compile", "lint"},
		"package":    {"compile", "assets"},
		"compile":    {"fetch-deps", "codegen"},
		"codegen":    {"fetch-deps"},
		"lint":       {"fetch-deps"},
		"assets":     {},
		"migrate-db": {"backup-db"},
		"notify":     {"deploy"},
		"docs":       {"codegen"},
		"fetch-deps": nil,
		"backup-db":  nil,
	}
	order, err := topoSort(build)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println("order:")
	for i, t := range order {
		fmt.Printf("  %2d. %s\n", i+1, t)
	}
	fmt.Println("stages:")
	for i, stage := range levels(build, order) {
		fmt.Printf("  stage %d: %v\n", i, stage)
	}

	// critical path with durations
	dur := map[string]int{"deploy": 5, "test": 30, "package": 8, "compile": 20, "codegen": 4, "lint": 6,
		"assets": 12, "migrate-db": 7, "backup-db": 15, "notify": 1, "docs": 9, "fetch-deps": 10}
	finish := map[string]int{}
	prev := map[string]string{}
	for _, t := range order {
		start := 0
		for _, d := range build[t] {
			if finish[d] > start || (finish[d] == start && d < prev[t]) {
				start = finish[d]
				prev[t] = d
			}
		}
		finish[t] = start + dur[t]
	}
	end := ""
	for _, t := range order {
		if end == "" || finish[t] > finish[end] {
			end = t
		}
	}
	var path []string
	for t := end; t != ""; t = prev[t] {
		path = append([]string{t}, path...)
	}
	fmt.Printf("critical path (%d min): %s\n", finish[end], strings.Join(path, " -> "))

	cyclic := map[string][]string{
		"a": {"b"},
		"b": {"c"},
		"c": {"a", "d"},
		"d": nil,
		"e": {"d"},
		"f": {"e", "c"},
	}
	partial, err := topoSort(cyclic)
	var ce *CycleError
	if errors.As(err, &ce) {
		fmt.Printf("cycle detected: %v\n", err)
		fmt.Printf("  resolved before cycle: %v\n", partial)
		fmt.Printf("  stuck count: %d\n", len(ce.Remaining))
	}
}
