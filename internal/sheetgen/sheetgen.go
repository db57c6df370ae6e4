// Package sheetgen writes the shipped example's spreadsheet: 10,000 rows of
// accounts, deterministic so the file in testdata/ can be checked against a
// fresh generation.
package sheetgen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
)

// Rows is the number of data rows in the shipped sheet.
const Rows = 10000

var (
	regions  = []string{"emea", "na", "latam", "apac"}
	plans    = []string{"free", "starter", "team", "business", "enterprise"}
	statuses = []string{"active", "active", "active", "trial", "churned", "suspended"}
	first    = []string{"Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "Edsger", "Radia", "Donald", "Sophie", "Alan", "Hedy", "John", "Katherine"}
	last     = []string{"Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie", "Allen", "Dijkstra", "Perlman", "Knuth", "Wilson", "Turing", "Lamarr", "Backus", "Johnson"}
	seatsFor = map[string]int{"free": 1, "starter": 5, "team": 20, "business": 80, "enterprise": 400}
	priceFor = map[string]float64{"free": 0, "starter": 12, "team": 25, "business": 40, "enterprise": 65}
)

// Write writes the sheet as CSV with a header row.
func Write(w io.Writer) error {
	r := rand.New(rand.NewPCG(2026, 11))
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "email", "region", "plan", "status", "seats", "mrr", "signup_date", "last_login"})
	base := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= Rows; i++ {
		fn, ln := first[r.IntN(len(first))], last[r.IntN(len(last))]
		plan := plans[r.IntN(len(plans))]
		status := statuses[r.IntN(len(statuses))]
		seats := 1 + r.IntN(seatsFor[plan])
		mrr := float64(seats) * priceFor[plan]
		if status != "active" {
			mrr = 0
		}
		signup := base.AddDate(0, 0, r.IntN(1400))
		login := signup.AddDate(0, 0, r.IntN(300))
		cw.Write([]string{
			fmt.Sprintf("acct-%05d", i),
			fn + " " + ln,
			fmt.Sprintf("%s.%s%d@example.com", lower(fn), lower(ln), i),
			regions[r.IntN(len(regions))],
			plan,
			status,
			fmt.Sprint(seats),
			fmt.Sprintf("%.2f", mrr),
			signup.Format("2006-01-02"),
			login.Format("2006-01-02"),
		})
	}
	cw.Flush()
	return cw.Error()
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
