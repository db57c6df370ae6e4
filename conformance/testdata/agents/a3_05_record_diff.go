package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

type Product struct {
	SKU   string
	Name  string
	Price int // cents
	Stock int
	Tags  []string
}

type Change struct {
	Field    string
	Old, New any
}

func diff(a, b Product) []Change {
	var ch []Change
	if a.Name != b.Name {
		ch = append(ch, Change{"Name", a.Name, b.Name})
	}
	if a.Price != b.Price {
		ch = append(ch, Change{"Price", a.Price, b.Price})
	}
	if a.Stock != b.Stock {
		ch = append(ch, Change{"Stock", a.Stock, b.Stock})
	}
	if !slices.Equal(a.Tags, b.Tags) {
		ch = append(ch, Change{"Tags", a.Tags, b.Tags})
	}
	return ch
}

func index(ps []Product) map[string]Product {
	m := make(map[string]Product, len(ps))
	for _, p := range ps {
		m[p.SKU] = p
	}
	return m
}

func main() {
	old := []Product{
		{"A-100", "Widget", 1999, 12, []string{"tools"}},
		{"A-101", "Gadget", 2999, 0, []string{"tools", "sale"}},
		{"B-200", "Gizmo", 499, 100, nil},
		{"C-300", "Doohickey", 12500, 3, []string{"premium"}},
		{"D-400", "Thingamajig", 750, 40, []string{}},
	}
	updated := []Product{
		{"A-100", "Widget", 2199, 12, []string{"tools"}},
		{"A-101", "Gadget Pro", 2999, 5, []string{"tools"}},
		{"C-300", "Doohickey", 12500, 3, []string{"premium"}},
		{"D-400", "Thingamajig", 750, 38, nil},
		{"E-500", "Whatsit", 1000, 7, []string{"new"}},
		{"F-600", "Contraption", 8800, 1, []string{"new", "premium"}},
	}
	om, nm := index(old), index(updated)

	var added, removed, changed, same []string
	for _, sku := range slices.Sorted(maps.Keys(nm)) {
		if _, ok := om[sku]; !ok {
			added = append(added, sku)
		}
	}
	for _, sku := range slices.Sorted(maps.Keys(om)) {
		n, ok := nm[sku]
		if !ok {
			removed = append(removed, sku)
			continue
		}
		if len(diff(om[sku], n)) > 0 {
			changed = append(changed, sku)
		} else {
			same = append(same, sku)
		}
	}

	fmt.Printf("added=%d removed=%d changed=%d unchanged=%d\n", len(added), len(removed), len(changed), len(same))
	for _, s := range added {
		p := nm[s]
		fmt.Printf("+ %s %q $%d.%02d stock=%d tags=%v\n", s, p.Name, p.Price/100, p.Price%100, p.Stock, p.Tags)
	}
	for _, s := range removed {
		fmt.Printf("- %s %q\n", s, om[s].Name)
	}
	for _, s := range changed {
		fmt.Printf("~ %s\n", s)
		for _, c := range diff(om[s], nm[s]) {
			switch o := c.Old.(type) {
			case int:
				n := c.New.(int)
				fmt.Printf("    %-6s %v -> %v (%+d)\n", c.Field, o, n, n-o)
			case []string:
				fmt.Printf("    %-6s %q -> %q (nil before: %t, nil after: %t)\n", c.Field, o, c.New, o == nil, c.New.([]string) == nil)
			default:
				fmt.Printf("    %-6s %v -> %v\n", c.Field, c.Old, c.New)
			}
		}
	}
	fmt.Println("unchanged:", strings.Join(same, ","))

	// value impact
	var oldVal, newVal int
	for _, p := range old {
		oldVal += p.Price * p.Stock
	}
	for _, p := range updated {
		newVal += p.Price * p.Stock
	}
	fmt.Printf("inventory value: %d.%02d -> %d.%02d\n", oldVal/100, oldVal%100, newVal/100, newVal%100)

	// tag set diff
	tagSet := func(ps []Product) map[string]bool {
		m := map[string]bool{}
		for _, p := range ps {
			for _, t := range p.Tags {
				m[t] = true
			}
		}
		return m
	}
	ot, nt := tagSet(old), tagSet(updated)
	var gone, fresh []string
	for t := range ot {
		if !nt[t] {
			gone = append(gone, t)
		}
	}
	for t := range nt {
		if !ot[t] {
			fresh = append(fresh, t)
		}
	}
	slices.Sort(gone)
	slices.Sort(fresh)
	fmt.Printf("tags removed=%v added=%v\n", gone, fresh)
}
