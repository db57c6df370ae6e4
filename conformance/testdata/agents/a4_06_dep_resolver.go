package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type CycleError struct {
	Path []string
}

func (e *CycleError) Error() string {
	return "dependency cycle: " + strings.Join(e.Path, " -> ")
}

type MissingError struct {
	Pkg, Dep string
}

func (e MissingError) Error() string {
	return fmt.Sprintf("package %q requires unknown %q", e.Pkg, e.Dep)
}

var ErrResolve = errors.New("resolve failed")

type Graph map[string][]string

// Resolve returns install order for target using DFS post-order.
func (g Graph) Resolve(target string) ([]string, error) {
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	var order []string
	var stack []string
	var visit func(n string) error
	visit = func(n string) error {
		switch color[n] {
		case grey:
			idx := 0
			for i, s := range stack {
				if s == n {
					idx = i
				}
			}
			path := append(append([]string(nil), stack[idx:]...), n)
			return &CycleError{Path: path}
		case black:
			return nil
		}
		deps, ok := g[n]
		if !ok {
			return fmt.Errorf("%w: %s not found", ErrResolve, n)
		}
		color[n] = grey
		stack = append(stack, n)
		sorted := append([]string(nil), deps...)
		sort.Strings(sorted)
		for _, d := range sorted {
			if _, ok := g[d]; !ok {
				return fmt.Errorf("%w: %w", ErrResolve, MissingError{n, d})
			}
			if err := visit(d); err != nil {
				return err
			}
		}
		stack = stack[:len(stack)-1]
		color[n] = black
		order = append(order, n)
		return nil
	}
	if err := visit(target); err != nil {
		return nil, fmt.Errorf("resolving %s: %w", target, err)
	}
	return order, nil
}

// Levels groups the whole graph into parallel install waves (Kahn).
func (g Graph) Levels() ([][]string, error) {
	indeg := map[string]int{}
	rev := map[string][]string{}
	for n, deps := range g {
		if _, ok := indeg[n]; !ok {
			indeg[n] = 0
		}
		for _, d := range deps {
			indeg[n]++
			rev[d] = append(rev[d], n)
		}
	}
	var levels [][]string
	var ready []string
	for n, d := range indeg {
		if d == 0 {
			ready = append(ready, n)
		}
	}
	done := 0
	for len(ready) > 0 {
		sort.Strings(ready)
		levels = append(levels, ready)
		done += len(ready)
		var next []string
		for _, n := range ready {
			for _, m := range rev[n] {
				indeg[m]--
				if indeg[m] == 0 {
					next = append(next, m)
				}
			}
		}
		ready = next
	}
	if done != len(indeg) {
		var stuck []string
		for n, d := range indeg {
			if d > 0 {
				stuck = append(stuck, n)
			}
		}
		sort.Strings(stuck)
		return levels, fmt.Errorf("%d packages stuck: %v", len(stuck), stuck)
	}
	return levels, nil
}

func report(g Graph, target string) {
	order, err := g.Resolve(target)
	var ce *CycleError
	var me MissingError
	switch {
	case err == nil:
		fmt.Printf("%-8s ok: %s\n", target, strings.Join(order, ", "))
	case errors.As(err, &ce):
		fmt.Printf("%-8s CYCLE len=%d: %v\n", target, len(ce.Path)-1, err)
	case errors.As(err, &me):
		fmt.Printf("%-8s MISSING dep=%s is-resolve=%t: %v\n", target, me.Dep, errors.Is(err, ErrResolve), err)
	default:
		fmt.Printf("%-8s other is-resolve=%t: %v\n", target, errors.Is(err, ErrResolve), err)
	}
}

func main() {
	g := Graph{
		"app":     {"web", "db", "log"},
		"web":     {"http", "tmpl", "log"},
		"http":    {"net", "log"},
		"tmpl":    {"strutil"},
		"db":      {"net", "pool"},
		"pool":    {"log"},
		"net":     {},
		"log":     {"strutil"},
		"strutil": nil,
	}
	for _, t := range []string{"app", "web", "strutil", "ghost"} {
		report(g, t)
	}
	levels, err := g.Levels()
	for i, l := range levels {
		fmt.Printf("wave %d: %v\n", i, l)
	}
	fmt.Println("levels err:", err)

	g["strutil"] = []string{"unicode"}
	report(g, "tmpl")
	g["unicode"] = []string{"tmpl"}
	report(g, "app")
	report(g, "unicode")
	_, err = g.Levels()
	fmt.Println("levels err:", err)
}
