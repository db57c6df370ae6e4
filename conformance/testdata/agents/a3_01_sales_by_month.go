package main

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Sale struct {
	Date     time.Time
	Category string
	Amount   float64
	Qty      int
}

const rawSales = `date,category,amount,qty
2024-01-05,electronics,199.99,1
2024-01-17,books,12.50,3
2024-01-20,grocery,45.10,7
2024-01-28,electronics,89.00,2
2024-02-02,books,30.00,2
2024-02-14,grocery,60.25,9
2024-02-15,toys,24.99,4
2024-02-29,electronics,1299.00,1
2024-03-03,toys,15.75,2
2024-03-09,books,8.99,1
2024-03-21,grocery,52.40,6
2024-03-30,electronics,349.50,1
bad-date,books,1.00,1
2024-03-31,grocery,notanumber,2
2024-04-01,toys,19.99,3
`

type key struct {
	Month    string
	Category string
}

type agg struct {
	Revenue float64
	Units   int
	Orders  int
}

func main() {
	var sales []Sale
	var skipped []string
	sc := bufio.NewScanner(strings.NewReader(rawSales))
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		parts := strings.Split(strings.TrimSpace(sc.Text()), ",")
		if len(parts) != 4 {
			skipped = append(skipped, fmt.Sprintf("line %d: expected 4 fields, got %d", line, len(parts)))
			continue
		}
		d, err := time.Parse("2006-01-02", parts[0])
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		amt, err := strconv.ParseFloat(parts[2], 64)
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		q, err := strconv.Atoi(parts[3])
		if err != nil {
			skipped = append(skipped, fmt.Sprintf("line %d: %v", line, err))
			continue
		}
		sales = append(sales, Sale{d, parts[1], amt, q})
	}

	byKey := map[key]*agg{}
	monthTotals := map[string]float64{}
	cats := map[string]bool{}
	for _, s := range sales {
		k := key{s.Date.Format("2006-01"), s.Category}
		a, ok := byKey[k]
		if !ok {
			a = &agg{}
			byKey[k] = a
		}
		a.Revenue += s.Amount * float64(s.Qty)
		a.Units += s.Qty
		a.Orders++
		monthTotals[k.Month] += s.Amount * float64(s.Qty)
		cats[s.Category] = true
	}

	months := make([]string, 0, len(monthTotals))
	for m := range monthTotals {
		months = append(months, m)
	}
	sort.Strings(months)
	catList := make([]string, 0, len(cats))
	for c := range cats {
		catList = append(catList, c)
	}
	sort.Strings(catList)

	fmt.Printf("Parsed %d sales, skipped %d lines\n", len(sales), len(skipped))
	for _, s := range skipped {
		fmt.Println("  skip:", s)
	}
	fmt.Printf("%-8s", "month")
	for _, c := range catList {
		fmt.Printf(" %12s", c)
	}
	fmt.Printf(" %12s\n", "TOTAL")
	for _, m := range months {
		fmt.Printf("%-8s", m)
		for _, c := range catList {
			if a, ok := byKey[key{m, c}]; ok {
				fmt.Printf(" %12.2f", a.Revenue)
			} else {
				fmt.Printf(" %12s", "-")
			}
		}
		fmt.Printf(" %12.2f\n", monthTotals[m])
	}

	fmt.Println("\nMonth-over-month:")
	for i := 1; i < len(months); i++ {
		prev, cur := monthTotals[months[i-1]], monthTotals[months[i]]
		change := (cur - prev) / prev * 100
		fmt.Printf("  %s -> %s: %+.1f%%\n", months[i-1], months[i], change)
	}

	fmt.Println("\nTop category per month:")
	for _, m := range months {
		best, bestRev := "", -1.0
		for _, c := range catList {
			if a, ok := byKey[key{m, c}]; ok && a.Revenue > bestRev {
				best, bestRev = c, a.Revenue
			}
		}
		a := byKey[key{m, best}]
		fmt.Printf("  %s: %-12s revenue=%.2f units=%d orders=%d avg=%.3f\n",
			m, best, a.Revenue, a.Units, a.Orders, a.Revenue/float64(a.Units))
	}

	var grand float64
	for _, m := range months {
		grand += monthTotals[m]
	}
	fmt.Printf("\nGrand total: %.2f across %d months (avg %.2f/month)\n", grand, len(months), grand/float64(len(months)))
}
