// How did 2024 compare with 2023, per customer segment? Pull every order
// with its customer's segment and product's category, then compute what
// SQLite has no function for: median and 90th-percentile order values, the
// share of repeat buyers and the fastest-growing category per segment.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"airlock"
	"airlock/sql"
)

type stats struct {
	orders   int
	revenue  float64
	values   []float64
	buyers   map[int64]int
	category map[string][2]float64 // revenue in 2023, 2024
}

func main() {
	rows, err := sql.QueryRows(`
		SELECT o.customer_id, c.segment, p.category, o.total, o.status, o.ordered_at
		FROM orders o
		JOIN customers c ON c.id = o.customer_id
		JOIN products p ON p.id = o.product_id`)
	if err != nil {
		panic(err)
	}
	segs := map[string]*stats{}
	for _, r := range rows.Rows {
		status := r[4].(string)
		if status == "cancelled" || status == "returned" {
			continue
		}
		seg, cat, total, year := r[1].(string), r[2].(string), r[3].(float64), r[5].(string)[:4]
		s := segs[seg]
		if s == nil {
			s = &stats{buyers: map[int64]int{}, category: map[string][2]float64{}}
			segs[seg] = s
		}
		s.orders++
		s.revenue += total
		s.values = append(s.values, total)
		s.buyers[r[0].(int64)]++
		c := s.category[cat]
		switch year {
		case "2023":
			c[0] += total
		case "2024":
			c[1] += total
		}
		s.category[cat] = c
	}
	names := make([]string, 0, len(segs))
	for k := range segs {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Printf("%d orders read; kept those not cancelled or returned\n", len(rows.Rows))
	fmt.Println("segment         orders    revenue   median     p90  repeat  fastest-growing category 2023->2024")
	result := map[string]any{}
	for _, name := range names {
		s := segs[name]
		sort.Float64s(s.values)
		repeat := 0
		for _, n := range s.buyers {
			if n > 1 {
				repeat++
			}
		}
		best, growth := "", math.Inf(-1)
		for cat, v := range s.category {
			if v[0] > 0 && (v[1]/v[0]-1 > growth || v[1]/v[0]-1 == growth && cat < best) {
				best, growth = cat, v[1]/v[0]-1
			}
		}
		med, p90 := pct(s.values, 0.5), pct(s.values, 0.9)
		share := float64(repeat) / float64(len(s.buyers))
		fmt.Printf("%-14s %7d %10.0f %8.2f %7.2f  %5.1f%%  %s %+.1f%%\n", name, s.orders, s.revenue, med, p90, 100*share, best, 100*growth)
		result[strings.ReplaceAll(name, " ", "_")] = map[string]any{
			"orders": s.orders, "revenue": math.Round(s.revenue), "median": med, "p90": p90,
			"repeat_share": math.Round(share*1000) / 1000, "top_growth": best,
		}
	}
	airlock.Result(result)
}

// pct is the p-th quantile of sorted values (nearest rank).
func pct(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	return sorted[max(i, 0)]
}
