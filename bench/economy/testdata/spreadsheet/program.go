// Which active, paying accounts are going quiet? Read the accounts sheet
// (10,000 rows), keep the active accounts that pay but have not logged in
// for three years before the newest login in the sheet, and report the revenue
// at risk by plan and region with the five largest accounts.
package main

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"airlock"
	"airlock/fs"
)

type account struct {
	ID, Name, Region, Plan string
	MRR                    float64
	Idle                   int
}

func main() {
	rows, err := fs.ReadCSV("data/accounts.csv")
	if err != nil {
		panic(err)
	}
	var newest time.Time
	for _, r := range rows {
		if t, err := time.Parse("2006-01-02", r["last_login"]); err == nil && t.After(newest) {
			newest = t
		}
	}
	var risky []account
	byPlan, byRegion := map[string]float64{}, map[string]float64{}
	atRisk, paying := 0.0, 0
	for _, r := range rows {
		mrr, _ := strconv.ParseFloat(r["mrr"], 64)
		if r["status"] != "active" || mrr <= 0 {
			continue
		}
		paying++
		last, err := time.Parse("2006-01-02", r["last_login"])
		if err != nil {
			continue
		}
		idle := int(newest.Sub(last).Hours() / 24)
		if idle < 3*365 {
			continue
		}
		risky = append(risky, account{r["id"], r["name"], r["region"], r["plan"], mrr, idle})
		byPlan[r["plan"]] += mrr
		byRegion[r["region"]] += mrr
		atRisk += mrr
	}
	sort.Slice(risky, func(i, j int) bool {
		if risky[i].MRR != risky[j].MRR {
			return risky[i].MRR > risky[j].MRR
		}
		return risky[i].ID < risky[j].ID
	})
	fmt.Printf("%d rows, %d active paying accounts, %d idle 3+ years (as of %s), MRR at risk %.2f\n",
		len(rows), paying, len(risky), newest.Format("2006-01-02"), atRisk)
	top := risky
	if len(top) > 5 {
		top = top[:5]
	}
	for _, a := range top {
		fmt.Printf("  %s %-20s %-6s %-10s %9.2f idle %dd\n", a.ID, a.Name, a.Region, a.Plan, a.MRR, a.Idle)
	}
	airlock.Result(map[string]any{
		"idle_accounts":      len(risky),
		"mrr_at_risk":        int(atRisk),
		"mrr_at_risk_plan":   round(byPlan),
		"mrr_at_risk_region": round(byRegion),
	})
}

func round(m map[string]float64) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		out[k] = int(v + 0.5)
	}
	return out
}
