// Interpreted work of the kinds agent programs do, for comparing builds of
// airlock: indexing in loops, map counting, sorting and string building.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type row struct {
	region string
	amount int
}

func main() {
	// A sieve: indexes the interpreter cannot prove in range.
	const n = 200000
	composite := make([]bool, n)
	primes := 0
	for i := 2; i < n; i++ {
		if composite[i] {
			continue
		}
		primes++
		for j := i * 2; j < n; j += i {
			composite[j] = true
		}
	}
	// Records grouped and summed in a map, then sorted.
	regions := []string{"north", "south", "east", "west"}
	rows := make([]row, 0, 50000)
	for i := range 50000 {
		rows = append(rows, row{regions[i%len(regions)], i % 97})
	}
	totals := map[string]int{}
	for _, r := range rows {
		totals[r.region] += r.amount
	}
	keys := make([]string, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sort.Slice(rows, func(i, j int) bool { return rows[i].amount > rows[j].amount })
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, totals[k])
	}
	fmt.Println(primes, b.String(), rows[0].amount)
}
