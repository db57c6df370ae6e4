// any, map[string]any records, type assertions and conversions.
package main

import (
	"fmt"
	"sort"
	"strconv"
)

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

func main() {
	rows := []map[string]any{
		{"name": "a", "amount": 3.5, "region": "north"},
		{"name": "b", "amount": 2, "region": "south"},
		{"name": "c", "amount": "4.25", "region": "north"},
		{"name": "d", "amount": nil, "region": "south"},
	}
	totals := map[string]float64{}
	for _, r := range rows {
		if f, ok := toFloat(r["amount"]); ok {
			totals[r["region"].(string)] += f
		}
	}
	keys := make([]string, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %.2f\n", k, totals[k])
	}
	var x any = []any{1, "a", map[string]any{"k": true}}
	list := x.([]any)
	fmt.Println(len(list), list[2].(map[string]any)["k"])
	_, ok := x.(string)
	fmt.Println(ok)
}
