package main

import (
	"fmt"
	"sort"
	"strings"
)

type Student struct {
	Name   string
	Scores map[string]float64
}

type Curve struct {
	Course string
	Bonus  map[string]float64 // never initialised: bug on purpose
}

type GradeBook struct {
	Weights  map[string]float64
	Students []*Student
	Curves   map[string]*Curve
}

func letter(x float64) string {
	switch {
	case x >= 90:
		return "A"
	case x >= 80:
		return "B"
	case x >= 70:
		return "C"
	case x >= 60:
		return "D"
	}
	return "F"
}

func (g *GradeBook) Final(s *Student) float64 {
	total, wsum := 0.0, 0.0
	parts := make([]string, 0, len(g.Weights))
	for part := range g.Weights {
		parts = append(parts, part)
	}
	sort.Strings(parts)
	for _, part := range parts {
		w := g.Weights[part]
		if v, ok := s.Scores[part]; ok {
			total += v * w
			wsum += w
		}
	}
	if wsum == 0 {
		return 0
	}
	return total / wsum
}

func (g *GradeBook) curveFor(course string) *Curve {
	c, ok := g.Curves[course]
	if !ok {
		c = &Curve{Course: course}
		g.Curves[course] = c
	}
	return c
}

func main() {
	g := &GradeBook{
		Weights: map[string]float64{"hw": 0.25, "midterm": 0.3, "final": 0.45},
		Curves:  map[string]*Curve{},
	}
	raw := `ana: hw=95 midterm=88 final=91
ben: hw=72 midterm=65 final=70
cyd: hw=100 final=58
dev: hw=81.5 midterm=79 final=84
eli: midterm=92 final=97 hw=60`
	for _, line := range strings.Split(raw, "\n") {
		name, rest, _ := strings.Cut(line, ":")
		s := &Student{Name: name, Scores: map[string]float64{}}
		for _, kv := range strings.Fields(rest) {
			k, v, _ := strings.Cut(kv, "=")
			var f float64
			fmt.Sscan(v, &f)
			s.Scores[k] = f
		}
		g.Students = append(g.Students, s)
	}
	sort.Slice(g.Students, func(i, j int) bool { return g.Final(g.Students[i]) > g.Final(g.Students[j]) })
	dist := map[string]int{}
	sum := 0.0
	for i, s := range g.Students {
		f := g.Final(s)
		sum += f
		dist[letter(f)]++
		parts := make([]string, 0, len(s.Scores))
		for k := range s.Scores {
			parts = append(parts, k)
		}
		sort.Strings(parts)
		var sb strings.Builder
		for _, p := range parts {
			fmt.Fprintf(&sb, "%s=%g ", p, s.Scores[p])
		}
		fmt.Printf("%d. %-4s %6.2f %s  (%s)\n", i+1, s.Name, f, letter(f), strings.TrimSpace(sb.String()))
	}
	fmt.Printf("class average: %.3f\n", sum/float64(len(g.Students)))
	for _, l := range []string{"A", "B", "C", "D", "F"} {
		fmt.Printf("%s %s\n", l, strings.Repeat("■", dist[l]))
	}
	fmt.Println("applying curve to students below C...")
	c := g.curveFor("cs101")
	for _, s := range g.Students {
		if f := g.Final(s); f < 70 {
			fmt.Printf("curving %s (%.2f)\n", s.Name, f)
			c.Bonus[s.Name] = 70 - f // panics: assignment to entry in nil map
		}
	}
	fmt.Println("curve applied:", len(c.Bonus))
}
