package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

type Audit struct {
	CreatedBy string `json:"created_by"`
	Version   int    `json:"version,omitempty"`
}

type Order struct {
	Audit
	ID       int     `json:"id"`
	Region   string  `json:"region"`
	Amount   float64 `json:"amount"`
	Qty      int     `json:"qty,string"`
	Note     string  `json:"note,omitempty"`
	Internal string  `json:"-"`
}

type RegionSummary struct {
	Region string   `json:"region"`
	Orders int      `json:"orders"`
	Total  float64  `json:"total"`
	Units  int      `json:"units"`
	Avg    float64  `json:"avg"`
	IDs    []int    `json:"ids"`
	Tags   []string `json:"tags,omitempty"`
}

const input = `[
 {"id": 101, "region": "west", "amount": 120.50, "qty": "3", "created_by": "alice", "version": 2},
 {"id": 102, "region": "east", "amount": 80.00, "qty": "1", "created_by": "bob"},
 {"id": 103, "region": "west", "amount": 42.25, "qty": "7", "created_by": "carol", "note": "rush"},
 {"id": 104, "region": "north", "amount": 310.10, "qty": "2", "created_by": "alice", "Internal": "secret"},
 {"id": 105, "region": "east", "amount": 15.75, "qty": "12", "created_by": "dave", "version": 1},
 {"id": 106, "region": "west", "amount": 99.99, "qty": "1", "created_by": "bob"}
]`

func main() {
	var orders []Order
	if err := json.Unmarshal([]byte(input), &orders); err != nil {
		fmt.Println("unmarshal error:", err)
		return
	}
	fmt.Printf("loaded %d orders\n", len(orders))
	fmt.Printf("first: %+v\n", orders[0])
	fmt.Printf("internal of 104: %q\n", orders[3].Internal)

	byRegion := map[string]*RegionSummary{}
	for _, o := range orders {
		s, ok := byRegion[o.Region]
		if !ok {
			s = &RegionSummary{Region: o.Region}
			byRegion[o.Region] = s
		}
		s.Orders++
		s.Total += o.Amount
		s.Units += o.Qty
		s.IDs = append(s.IDs, o.ID)
		if o.Note != "" {
			s.Tags = append(s.Tags, o.Note)
		}
	}
	regions := make([]string, 0, len(byRegion))
	for r := range byRegion {
		regions = append(regions, r)
	}
	sort.Strings(regions)

	var summaries []RegionSummary
	for _, r := range regions {
		s := byRegion[r]
		s.Avg = s.Total / float64(s.Orders)
		summaries = append(summaries, *s)
		fmt.Printf("%-6s orders=%d total=%8.2f units=%3d avg=%.3f\n", r, s.Orders, s.Total, s.Units, s.Avg)
	}

	out, err := json.MarshalIndent(summaries, "", "  ")
	if err != nil {
		fmt.Println("marshal error:", err)
		return
	}
	fmt.Println(string(out))

	// Re-marshal one order to show tag behaviour
	b, _ := json.Marshal(orders[3])
	fmt.Println(string(b))
	b, _ = json.Marshal(orders[2])
	fmt.Println(string(b))
	fmt.Println(strings.Repeat("=", 20))
}
