package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Location struct {
	Warehouse string
	Aisle     int
}

type StockItem struct {
	SKU      string
	Desc     string
	Qty      int
	Reorder  int
	UnitCost float64
	Loc      Location
}

func (s StockItem) Value() float64 { return float64(s.Qty) * s.UnitCost }
func (s StockItem) Low() bool      { return s.Qty <= s.Reorder }

func main() {
	stock := []StockItem{
		{"BOLT-M6", "Bolt M6 x 20", 1200, 500, 0.08, Location{"A", 3}},
		{"NUT-M6", "Nut M6", 340, 500, 0.03, Location{"A", 3}},
		{"WASH-10", "Washer 10mm", 0, 100, 0.02, Location{"B", 1}},
		{"DRILL-X", "Cordless drill", 14, 5, 89.5, Location{"C", 12}},
		{"SAW-HND", "Hand saw", 3, 4, 24.99, Location{"C", 11}},
		{"GLUE-W", "Wood glue 250ml", 57, 20, 4.75, Location{"B", 7}},
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "SKU\tDescription\tQty\tUnit\tValue\t")
	for _, s := range stock {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.2f\t%.2f\t\n", s.SKU, s.Desc, s.Qty, s.UnitCost, s.Value())
	}
	tw.Flush()
	fmt.Println()

	tw = tabwriter.NewWriter(os.Stdout, 4, 0, 1, '.', 0)
	byLoc := map[Location][]string{}
	for _, s := range stock {
		byLoc[s.Loc] = append(byLoc[s.Loc], s.SKU)
	}
	locs := make([]Location, 0, len(byLoc))
	for l := range byLoc {
		locs = append(locs, l)
	}
	sort.Slice(locs, func(i, j int) bool {
		if locs[i].Warehouse != locs[j].Warehouse {
			return locs[i].Warehouse < locs[j].Warehouse
		}
		return locs[i].Aisle < locs[j].Aisle
	})
	for _, l := range locs {
		fmt.Fprintf(tw, "%s-%02d\t%s\t\n", l.Warehouse, l.Aisle, strings.Join(byLoc[l], ","))
	}
	tw.Flush()
	fmt.Println()

	var sb strings.Builder
	sb.WriteString("REORDER REPORT\n")
	sb.WriteString(strings.Repeat("-", 30))
	sb.WriteByte('\n')
	var total float64
	n := 0
	for _, s := range stock {
		total += s.Value()
		if !s.Low() {
			continue
		}
		n++
		need := s.Reorder*2 - s.Qty
		fmt.Fprintf(&sb, "%d) %-8s have %4d need %4d cost $%8.2f\n", n, s.SKU, s.Qty, need, float64(need)*s.UnitCost)
		if s.Qty == 0 {
			sb.WriteRune('⚠')
			sb.WriteString(" OUT OF STOCK\n")
		}
	}
	fmt.Fprintf(&sb, "inventory value: $%.2f\n", total)
	fmt.Print(sb.String())
	fmt.Println("builder len:", sb.Len())

	tw = tabwriter.NewWriter(os.Stdout, 0, 0, 3, ' ', 0)
	fmt.Fprintln(tw, "WH\tItems\tUnits\tValue")
	type agg struct {
		items, units int
		value        float64
	}
	wh := map[string]*agg{}
	for _, s := range stock {
		a := wh[s.Loc.Warehouse]
		if a == nil {
			a = &agg{}
			wh[s.Loc.Warehouse] = a
		}
		a.items++
		a.units += s.Qty
		a.value += s.Value()
	}
	for _, k := range []string{"A", "B", "C"} {
		a := wh[k]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\n", k, a.items, a.units, a.value)
	}
	tw.Flush()
}
