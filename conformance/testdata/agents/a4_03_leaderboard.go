package main

import (
	"fmt"
	"sort"
	"strings"
)

type Entry struct {
	Player  string
	Score   int
	Seconds int // time taken; lower breaks ties for display only
	Country string
}

type Ranked struct {
	Entry
	Competition int // 1224
	Dense       int // 1223
	Ordinal     int // 1234
	Percentile  float64
}

func rank(entries []Entry) []Ranked {
	es := append([]Entry(nil), entries...)
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Score != es[j].Score {
			return es[i].Score > es[j].Score
		}
		if es[i].Seconds != es[j].Seconds {
			return es[i].Seconds < es[j].Seconds
		}
		return es[i].Player < es[j].Player
	})
	out := make([]Ranked, len(es))
	dense := 0
	for i, e := range es {
		r := Ranked{Entry: e, Ordinal: i + 1}
		if i > 0 && es[i-1].Score == e.Score {
			r.Competition = out[i-1].Competition
			r.Dense = out[i-1].Dense
		} else {
			r.Competition = i + 1
			dense++
			r.Dense = dense
		}
		below := 0
		for _, o := range es {
			if o.Score < e.Score {
				below++
			}
		}
		r.Percentile = 100 * float64(below) / float64(len(es))
		out[i] = r
	}
	return out
}

func medal(r int) string {
	switch r {
	case 1:
		return "gold"
	case 2:
		return "silver"
	case 3:
		return "bronze"
	}
	return ""
}

func main() {
	entries := []Entry{
		{"zed", 870, 301, "NZ"},
		{"amira", 950, 280, "EG"},
		{"bo", 870, 295, "SE"},
		{"chen", 990, 310, "CN"},
		{"dara", 950, 280, "IE"},
		{"eli", 720, 200, "US"},
		{"fatou", 870, 295, "SN"},
		{"gus", 640, 150, "AR"},
		{"hana", 990, 305, "JP"},
		{"ivo", 500, 400, "HR"},
	}
	ranked := rank(entries)
	fmt.Printf("%-3s %-4s %-4s %-7s %5s %5s %6s  %s\n", "ord", "comp", "dns", "player", "score", "secs", "pctile", "medal")
	for _, r := range ranked {
		tie := " "
		if r.Competition != r.Ordinal || (r.Ordinal < len(ranked) && ranked[r.Ordinal].Score == r.Score) {
			tie = "="
		}
		fmt.Printf("%-3d %s%-3d %-4d %-7s %5d %5d %6.1f  %s\n",
			r.Ordinal, tie, r.Competition, r.Dense, r.Player, r.Score, r.Seconds, r.Percentile, medal(r.Competition))
	}
	// medal table by count of dense ranks
	medals := map[string][]string{}
	for _, r := range ranked {
		if m := medal(r.Competition); m != "" {
			medals[m] = append(medals[m], r.Player+"("+r.Country+")")
		}
	}
	for _, m := range []string{"gold", "silver", "bronze"} {
		fmt.Printf("%-6s: %s\n", m, strings.Join(medals[m], " "))
	}
	// score groups
	groups := map[int][]string{}
	var scores []int
	for _, r := range ranked {
		if _, ok := groups[r.Score]; !ok {
			scores = append(scores, r.Score)
		}
		groups[r.Score] = append(groups[r.Score], r.Player)
	}
	for _, s := range scores {
		if len(groups[s]) > 1 {
			fmt.Printf("tie at %d: %v\n", s, groups[s])
		}
	}
	// head-to-head gap
	for i := 1; i < len(ranked); i++ {
		gap := ranked[i-1].Score - ranked[i].Score
		if gap >= 100 {
			fmt.Printf("big gap of %d between %s and %s\n", gap, ranked[i-1].Player, ranked[i].Player)
		}
	}
}
