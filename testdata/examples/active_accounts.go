// An agent-style program: read a 10,000-row spreadsheet through the fs tool,
// keep the active accounts, aggregate where the data lives, and hand back a
// short result. Only the printed lines and the result reach the model.
package main

import (
	"fmt"
	"sort"
	"strconv"

	"airlock"
	"airlock/fs"
)

type account struct {
	ID, Name, Region, Plan string
	MRR                    float64
}

func main() {
	rows, err := fs.ReadCSV("data/accounts.csv")
	if err != nil {
		fmt.Println("read failed:", err)
		return
	}

	var active []account
	mrrByRegion := map[string]float64{}
	for _, row := range rows {
		if row["status"] != "active" {
			continue
		}
		mrr, err := strconv.ParseFloat(row["mrr"], 64)
		if err != nil {
			continue
		}
		a := account{ID: row["id"], Name: row["name"], Region: row["region"], Plan: row["plan"], MRR: mrr}
		active = append(active, a)
		mrrByRegion[a.Region] += mrr
	}
	sort.Slice(active, func(i, j int) bool {
		if active[i].MRR != active[j].MRR {
			return active[i].MRR > active[j].MRR
		}
		return active[i].ID < active[j].ID
	})

	fmt.Printf("Processed %d rows, found %d active accounts\n", len(rows), len(active))
	for _, a := range active[:5] {
		fmt.Printf("  %s %-22s %-10s %-11s %9.2f\n", a.ID, a.Name, a.Region, a.Plan, a.MRR)
	}

	total := 0.0
	for _, v := range mrrByRegion {
		total += v
	}
	airlock.Result(map[string]any{
		"rows":          len(rows),
		"active":        len(active),
		"total_mrr":     total,
		"mrr_by_region": mrrByRegion,
		"top_account":   active[0].ID,
	})
}
