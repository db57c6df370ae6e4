// Which paying customers are unhappy right now? Join the open support
// tickets an MCP server serves (3,000 tickets, ~200k tokens) with every
// delivered order in the shop's SQLite database (12,000 rows), and hand
// back only the ten customers with the most revenue at stake.
//
// Run with: airlock run --policy policies/support.yaml testdata/examples/at_risk_customers.go
package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"airlock"
	"airlock/mcp/files"
	"airlock/sql"
)

type ticket struct {
	ID       string `json:"id"`
	Customer string `json:"customer"`
	Priority string `json:"priority"`
	Status   string `json:"status"`
	Subject  string `json:"subject"`
}

type account struct {
	Email    string   `json:"email"`
	Segment  string   `json:"segment"`
	Revenue  float64  `json:"revenue"`
	Open     int      `json:"open_tickets"`
	Urgent   int      `json:"urgent"`
	Subjects []string `json:"subjects"`
}

func main() {
	file, err := files.ReadTextFile(files.ReadTextFileArgs{Path: "tickets.jsonl"})
	if err != nil {
		panic(err)
	}
	accounts := map[string]*account{}
	seen := map[string]bool{} // customer and subject
	scanned := 0
	for _, line := range strings.Split(strings.TrimSpace(file.Content), "\n") {
		var t ticket
		if err := json.Unmarshal([]byte(line), &t); err != nil {
			panic(fmt.Sprintf("ticket line %d: %v", scanned+1, err))
		}
		scanned++
		if t.Status == "solved" {
			continue
		}
		a := accounts[t.Customer]
		if a == nil {
			a = &account{Email: t.Customer}
			accounts[t.Customer] = a
		}
		a.Open++
		if t.Priority == "urgent" || t.Priority == "high" {
			a.Urgent++
		}
		if key := t.Customer + "\x00" + t.Subject; !seen[key] {
			seen[key] = true
			a.Subjects = append(a.Subjects, t.Subject)
		}
	}

	rows, err := sql.QueryRows(`
		SELECT c.email, c.segment, o.total
		FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = 'delivered'`)
	if err != nil {
		panic(err)
	}
	for _, r := range rows.Rows {
		email := r[0].(string)
		if a := accounts[email]; a != nil {
			a.Segment = r[1].(string)
			a.Revenue += r[2].(float64)
		}
	}

	list := make([]*account, 0, len(accounts))
	for _, a := range accounts {
		list = append(list, a)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Revenue != list[j].Revenue {
			return list[i].Revenue > list[j].Revenue
		}
		return list[i].Email < list[j].Email
	})
	if len(list) > 10 {
		list = list[:10]
	}
	for _, a := range list {
		a.Revenue = float64(int(a.Revenue*100+0.5)) / 100
	}
	fmt.Printf("%d tickets scanned, %d customers with open tickets, %d delivered orders joined\n",
		scanned, len(accounts), len(rows.Rows))
	airlock.Result(map[string]any{"at_risk": list})
}
