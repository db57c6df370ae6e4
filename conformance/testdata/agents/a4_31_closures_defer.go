package main

import (
	"fmt"
	"sort"
	"strings"
)

type Thermostat struct {
	Name   string
	Target float64
	log    []string
}

func (t *Thermostat) Up(d float64)   { t.Target += d; t.note("up", d) }
func (t *Thermostat) Down(d float64) { t.Target -= d; t.note("down", d) }
func (t Thermostat) Report(_ float64) {
	fmt.Printf("  report(%s): target=%.1f entries=%d\n", t.Name, t.Target, len(t.log))
}
func (t *Thermostat) note(op string, d float64) {
	t.log = append(t.log, fmt.Sprintf("%s %.1f", op, d))
}

func counter() (func() int, func()) {
	n := 0
	return func() int { n++; return n }, func() { n = 100 }
}

func deferOrder() (result string) {
	var sb strings.Builder
	defer func() { result = sb.String() + " + named-result-updated" }()
	for i := range 4 {
		defer sb.WriteString(fmt.Sprintf("d%d ", i))
	}
	x := 10
	defer fmt.Fprintf(&sb, "args-evaluated-early x=%d ", x)
	x = 20
	defer func() { fmt.Fprintf(&sb, "closure-sees-late x=%d ", x) }()
	return "ignored"
}

func main() {
	living := &Thermostat{Name: "living", Target: 20}
	actions := map[string]func(float64){
		"up":     living.Up,
		"down":   living.Down,
		"report": living.Report, // method value binds a copy of *living now
	}
	steps := []struct {
		op string
		v  float64
	}{{"up", 1.5}, {"up", 0.5}, {"report", 0}, {"down", 3}, {"report", 0}, {"bogus", 1}}
	for _, s := range steps {
		f, ok := actions[s.op]
		if !ok {
			fmt.Println("  unknown action", s.op)
			continue
		}
		f(s.v)
	}
	fmt.Println("live target:", living.Target, "log:", living.log)
	names := make([]string, 0, len(actions))
	for k := range actions {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Println("actions:", names)

	// method expression
	up := (*Thermostat).Up
	bed := &Thermostat{Name: "bed", Target: 17}
	up(bed, 2)
	fmt.Println("bed:", bed.Target)

	// per-iteration loop variables
	var fs []func() string
	for i, w := range []string{"x", "y", "z"} {
		fs = append(fs, func() string { return fmt.Sprint(i, w) })
	}
	for i := 0; i < 3; i++ {
		fs = append(fs, func() string { return fmt.Sprint("c", i) })
	}
	var outs []string
	for _, f := range fs {
		outs = append(outs, f())
	}
	fmt.Println("captured:", outs)

	next, reset := counter()
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	next2, _ := counter()
	fmt.Println("independent:", next2())

	fmt.Println(deferOrder())

	// labeled loops
	grid := [][]int{{1, 2, 3}, {4, -5, 6}, {7, 8, 9}, {10, 11, -12}}
	found := [][2]int{}
outer:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				found = append(found, [2]int{r, c})
				continue outer
			}
			if v > 9 {
				break outer
			}
		}
	}
	fmt.Println("negatives before >9:", found)
	count := 0
search:
	for a := 1; a < 20; a++ {
		for b := a; b < 20; b++ {
			for c := b; c < 30; c++ {
				if a*a+b*b == c*c {
					count++
					fmt.Printf("  triple %d: (%d,%d,%d)\n", count, a, b, c)
					if count == 4 {
						break search
					}
					continue search
				}
			}
		}
	}
	i := 0
	var trail []int
loop:
	switch {
	case i < 5:
		trail = append(trail, i*i)
		i++
		goto loop
	}
	fmt.Println("goto trail:", trail)
	funcs := map[string]func(int, int) int{
		"add": func(a, b int) int { return a + b },
		"pow": func(a, b int) int {
			r := 1
			for range b {
				r *= a
			}
			return r
		},
	}
	fmt.Println(funcs["add"](3, 4), funcs["pow"](2, 10), funcs["nope"] == nil)
}
