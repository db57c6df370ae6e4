// What changed in the product catalogue since last month? Read both
// exports, match rows by SKU and report how many products were added,
// removed and changed, which fields changed, and a few examples of each.
package main

import (
	"fmt"
	"sort"
	"strings"

	"airlock"
	"airlock/fs"
)

func main() {
	before, err := fs.ReadCSVRows("data/catalog_v1.csv")
	if err != nil {
		panic(err)
	}
	after, err := fs.ReadCSVRows("data/catalog_v2.csv")
	if err != nil {
		panic(err)
	}
	header := before[0]
	if strings.Join(header, ",") != strings.Join(after[0], ",") {
		panic(fmt.Sprintf("the exports have different columns: %v and %v", header, after[0]))
	}
	old := map[string][]string{}
	for _, r := range before[1:] {
		old[r[0]] = r
	}
	var added, removed, changed []string
	fields := map[string]int{}
	examples := map[string]string{}
	seen := map[string]bool{}
	for _, r := range after[1:] {
		sku := r[0]
		seen[sku] = true
		o, ok := old[sku]
		if !ok {
			added = append(added, sku+" "+r[1])
			continue
		}
		var diffs []string
		for i := 1; i < len(header); i++ {
			if header[i] == "updated" || o[i] == r[i] {
				continue
			}
			fields[header[i]]++
			diffs = append(diffs, fmt.Sprintf("%s %s -> %s", header[i], o[i], r[i]))
			if _, ok := examples[header[i]]; !ok {
				examples[header[i]] = sku + ": " + o[i] + " -> " + r[i]
			}
		}
		if len(diffs) > 0 {
			changed = append(changed, sku+" "+strings.Join(diffs, ", "))
		}
	}
	for _, r := range before[1:] {
		if !seen[r[0]] {
			removed = append(removed, r[0]+" "+r[1])
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	sort.Strings(changed)
	fmt.Printf("%d -> %d products: %d added, %d removed, %d changed\n",
		len(before)-1, len(after)-1, len(added), len(removed), len(changed))
	fmt.Printf("  added:   %s\n  removed: %s\n", strings.Join(added[:min(3, len(added))], "; "), strings.Join(removed[:min(3, len(removed))], "; "))
	for _, c := range changed[:min(3, len(changed))] {
		fmt.Println("  changed:", c)
	}
	airlock.Result(map[string]any{"added": len(added), "removed": len(removed), "changed": len(changed),
		"changed_fields": fields, "example_by_field": examples})
}
