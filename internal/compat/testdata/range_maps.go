// Ranging directly over maps.Keys, maps.Values and maps.All, with break and continue.
package main

import (
	"fmt"
	"maps"
	"slices"
)

func main() {
	stock := map[string]int{"apple": 5, "pear": 0, "fig": 2, "kiwi": 9}
	n := 0
	for k := range maps.Keys(stock) {
		if stock[k] == 0 {
			continue
		}
		n++
	}
	fmt.Println(n)
	sum := 0
	for v := range maps.Values(stock) {
		sum += v
	}
	fmt.Println(sum)
	found := false
	for k, v := range maps.All(stock) {
		if k == "kiwi" && v == 9 {
			found = true
			break
		}
	}
	fmt.Println(found)
	for _, k := range slices.Sorted(maps.Keys(stock)) {
		fmt.Printf("%s=%d ", k, stock[k])
	}
	fmt.Println()
}
