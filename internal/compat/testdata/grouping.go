// Grouping records by a struct key and reporting sorted totals.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Sale struct {
	Region  string
	Product string
	Units   int
	Price   float64
}

type key struct{ Region, Product string }

func main() {
	sales := []Sale{
		{"north", "apple", 10, 0.5}, {"south", "apple", 4, 0.55}, {"north", "pear", 3, 0.8},
		{"north", "apple", 6, 0.5}, {"south", "fig", 9, 1.2},
	}
	revenue := map[key]float64{}
	units := map[string]int{}
	for _, s := range sales {
		revenue[key{s.Region, s.Product}] += float64(s.Units) * s.Price
		units[s.Region] += s.Units
	}
	ks := slices.Collect(maps.Keys(revenue))
	slices.SortFunc(ks, func(a, b key) int {
		return cmp.Or(strings.Compare(a.Region, b.Region), strings.Compare(a.Product, b.Product))
	})
	for _, k := range ks {
		fmt.Printf("%-6s %-6s %6.2f\n", k.Region, k.Product, revenue[k])
	}
	regions := slices.Sorted(maps.Keys(units))
	for _, r := range regions {
		fmt.Println(r, units[r])
	}
	best := slices.MaxFunc(sales, func(a, b Sale) int { return cmp.Compare(float64(a.Units)*a.Price, float64(b.Units)*b.Price) })
	fmt.Println("best:", best.Region, best.Product)
}
