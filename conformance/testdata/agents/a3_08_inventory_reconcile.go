package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
)

type Item struct {
	SKU      string
	Desc     string
	UnitCost int64 // cents
}

type Movement struct {
	SKU  string
	Kind string // receive, ship, adjust, return
	Qty  int
}

func cents(c int64) string {
	sign := ""
	if c < 0 {
		sign = "-"
		c = -c
	}
	return fmt.Sprintf("%s$%d.%02d", sign, c/100, c%100)
}

func main() {
	catalog := map[string]Item{
		"BOLT-M6":  {"BOLT-M6", "M6 bolt (box of 100)", 899},
		"NUT-M6":   {"NUT-M6", "M6 nut (box of 100)", 549},
		"WASH-M6":  {"WASH-M6", "M6 washer (box of 200)", 375},
		"DRILL-18": {"DRILL-18", "18V cordless drill", 8999},
		"SAW-CIRC": {"SAW-CIRC", "Circular saw", 12950},
		"GLOVE-L":  {"GLOVE-L", "Work gloves L", 1299},
	}
	opening := map[string]int{"BOLT-M6": 40, "NUT-M6": 55, "WASH-M6": 20, "DRILL-18": 6, "SAW-CIRC": 3, "GLOVE-L": 25}
	moves := []Movement{
		{"BOLT-M6", "receive", 20}, {"BOLT-M6", "ship", 35}, {"NUT-M6", "ship", 30},
		{"WASH-M6", "receive", 50}, {"DRILL-18", "ship", 2}, {"DRILL-18", "return", 1},
		{"SAW-CIRC", "ship", 1}, {"GLOVE-L", "ship", 12}, {"GLOVE-L", "adjust", -2},
		{"UNKNOWN-1", "receive", 5}, {"NUT-M6", "receive", 10}, {"BOLT-M6", "ship", 4},
		{"WASH-M6", "teleport", 3},
	}
	counted := map[string]int{"BOLT-M6": 21, "NUT-M6": 35, "WASH-M6": 70, "DRILL-18": 5, "SAW-CIRC": 1, "GLOVE-L": 11, "TAPE-BLU": 4}

	expected := map[string]int{}
	for k, v := range opening {
		expected[k] = v
	}
	var warnings []string
	for i, m := range moves {
		if _, ok := catalog[m.SKU]; !ok {
			warnings = append(warnings, fmt.Sprintf("move #%d: unknown SKU %s", i+1, m.SKU))
			continue
		}
		switch m.Kind {
		case "receive", "return":
			expected[m.SKU] += m.Qty
		case "ship":
			expected[m.SKU] -= m.Qty
		case "adjust":
			expected[m.SKU] += m.Qty
		default:
			warnings = append(warnings, fmt.Sprintf("move #%d: unknown kind %q", i+1, m.Kind))
		}
	}

	skus := map[string]bool{}
	for k := range expected {
		skus[k] = true
	}
	for k := range counted {
		skus[k] = true
	}
	list := make([]string, 0, len(skus))
	for k := range skus {
		list = append(list, k)
	}
	sort.Strings(list)

	fmt.Printf("%-9s %8s %8s %6s %10s  %s\n", "SKU", "expected", "counted", "delta", "value", "status")
	fmt.Println(strings.Repeat("-", 58))
	var shrink, surplus int64
	mismatches := 0
	for _, s := range list {
		e, inExp := expected[s]
		c, inCnt := counted[s]
		status := "OK"
		var value int64
		switch {
		case !inExp:
			status = "NOT IN CATALOG"
		case !inCnt:
			status = "NOT COUNTED"
		default:
			d := c - e
			value = int64(d) * catalog[s].UnitCost
			if d < 0 {
				status = "SHORT"
				shrink += -value
			} else if d > 0 {
				status = "OVER"
				surplus += value
			}
		}
		if status != "OK" {
			mismatches++
		}
		fmt.Printf("%-9s %8d %8d %+6d %10s  %s\n", s, e, c, c-e, cents(value), status)
	}
	fmt.Println(strings.Repeat("-", 58))
	for _, w := range warnings {
		fmt.Println("warning:", w)
	}
	fmt.Printf("shrinkage=%s surplus=%s net=%s\n", cents(shrink), cents(surplus), cents(surplus-shrink))
	fmt.Printf("SUMMARY: %d SKUs, %d mismatches, %d warnings\n", len(list), mismatches, len(warnings))
	if mismatches > 0 {
		fmt.Fprintln(os.Stderr, "reconciliation failed")
		os.Exit(2)
	}
}
