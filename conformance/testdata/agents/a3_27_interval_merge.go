package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

type Interval struct {
	Start, End time.Time
	Label      string
}

func (iv Interval) String() string {
	return fmt.Sprintf("%s-%s", iv.Start.Format("15:04"), iv.End.Format("15:04"))
}

func merge(ivs []Interval) []Interval {
	if len(ivs) == 0 {
		return nil
	}
	s := slices.Clone(ivs)
	slices.SortFunc(s, func(a, b Interval) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return a.End.Compare(b.End)
	})
	out := []Interval{s[0]}
	for _, iv := range s[1:] {
		last := &out[len(out)-1]
		if !iv.Start.After(last.End) {
			if iv.End.After(last.End) {
				last.End = iv.End
			}
			last.Label += "+" + iv.Label
		} else {
			out = append(out, iv)
		}
	}
	return out
}

func free(busy []Interval, dayStart, dayEnd time.Time, minLen time.Duration) []Interval {
	var out []Interval
	cur := dayStart
	for _, b := range busy {
		if b.Start.After(cur) && b.Start.Sub(cur) >= minLen {
			out = append(out, Interval{cur, b.Start, "free"})
		}
		if b.End.After(cur) {
			cur = b.End
		}
	}
	if dayEnd.Sub(cur) >= minLen {
		out = append(out, Interval{cur, dayEnd, "free"})
	}
	return out
}

func intersect(a, b []Interval) []Interval {
	var out []Interval
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo := a[i].Start
		if b[j].Start.After(lo) {
			lo = b[j].Start
		}
		hi := a[i].End
		if b[j].End.Before(hi) {
			hi = b[j].End
		}
		if lo.Before(hi) {
			out = append(out, Interval{lo, hi, "both"})
		}
		if a[i].End.Before(b[j].End) {
			i++
		} else {
			j++
		}
	}
	return out
}

func main() {
	day := time.Date(2024, time.March, 11, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	alice := []Interval{
		{at(9, 0), at(9, 30), "standup"},
		{at(13, 0), at(14, 0), "lunch"},
		{at(9, 15), at(10, 45), "design"},
		{at(11, 0), at(11, 30), "1:1"},
		{at(11, 30), at(12, 0), "review"},
		{at(15, 45), at(17, 15), "focus"},
		{at(16, 0), at(16, 30), "interview"},
	}
	bob := []Interval{
		{at(8, 30), at(9, 45), "gym"},
		{at(10, 0), at(11, 15), "planning"},
		{at(12, 30), at(13, 30), "lunch"},
		{at(14, 30), at(15, 0), "call"},
	}
	ma, mb := merge(alice), merge(bob)
	fmt.Println("alice busy:", ma)
	for _, iv := range ma {
		fmt.Printf("  %v %-28s %v\n", iv, iv.Label, iv.End.Sub(iv.Start))
	}
	fmt.Println("bob busy:  ", mb)
	ws, we := at(8, 0), at(18, 0)
	fa, fb := free(ma, ws, we, 15*time.Minute), free(mb, ws, we, 15*time.Minute)
	fmt.Println("alice free:", fa)
	fmt.Println("bob free:  ", fb)
	common := intersect(fa, fb)
	fmt.Println("common free:", common)
	var total time.Duration
	for _, c := range common {
		total += c.End.Sub(c.Start)
	}
	fmt.Printf("total common: %v (%.2f h)\n", total, total.Hours())
	for _, need := range []time.Duration{30 * time.Minute, 45 * time.Minute, 2 * time.Hour} {
		idx := slices.IndexFunc(common, func(iv Interval) bool { return iv.End.Sub(iv.Start) >= need })
		if idx < 0 {
			fmt.Printf("no slot for %v\n", need)
			continue
		}
		s := common[idx]
		fmt.Printf("first slot for %v: %s-%s\n", need, s.Start.Format(time.Kitchen), s.Start.Add(need).Format(time.Kitchen))
	}

	// integer interval merging with insertion
	ranges := [][2]int{{1, 3}, {6, 9}, {12, 15}, {18, 20}}
	insert := [2]int{4, 13}
	var res [][2]int
	i := 0
	for i < len(ranges) && ranges[i][1] < insert[0] {
		res = append(res, ranges[i])
		i++
	}
	for i < len(ranges) && ranges[i][0] <= insert[1] {
		insert[0] = min(insert[0], ranges[i][0])
		insert[1] = max(insert[1], ranges[i][1])
		i++
	}
	res = append(res, insert)
	res = append(res, ranges[i:]...)
	fmt.Println("insert [4,13]:", res)
	cover := 0
	var parts []string
	for _, r := range res {
		cover += r[1] - r[0]
		parts = append(parts, fmt.Sprintf("[%d,%d)", r[0], r[1]))
	}
	fmt.Println(strings.Join(parts, " U "), "covers", cover)
}
