// Which products cause the most support work for what they sell? Count the
// tickets per product (3,000 tickets, through fs), join them with the units
// each product sold and the customers' segments (SQLite), and rank products
// by tickets per 100 orders.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"airlock"
	"airlock/fs"
	"airlock/sql"
)

type ticket struct {
	Customer string `json:"customer"`
	Product  string `json:"product"`
	Priority string `json:"priority"`
	Status   string `json:"status"`
	Subject  string `json:"subject"`
}

type product struct {
	SKU, Name, Category string
	Orders              int64
	Tickets, Open       int
	Subjects            map[string]int
}

func main() {
	text, err := fs.ReadFile("support/tickets.jsonl")
	if err != nil {
		panic(err)
	}
	var tickets []ticket
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		var t ticket
		if err := json.Unmarshal([]byte(line), &t); err != nil {
			panic(err)
		}
		tickets = append(tickets, t)
	}

	sales, err := sql.QueryRows(`
		SELECT p.sku, p.name, p.category, count(o.id)
		FROM products p LEFT JOIN orders o ON o.product_id = p.id AND o.status <> 'cancelled'
		GROUP BY p.id`)
	if err != nil {
		panic(err)
	}
	products := map[string]*product{}
	for _, r := range sales.Rows {
		products[r[0].(string)] = &product{SKU: r[0].(string), Name: r[1].(string), Category: r[2].(string),
			Orders: r[3].(int64), Subjects: map[string]int{}}
	}
	people, err := sql.QueryRows(`SELECT email, segment FROM customers`)
	if err != nil {
		panic(err)
	}
	segment := map[string]string{}
	for _, r := range people.Rows {
		segment[r[0].(string)] = r[1].(string)
	}

	bySegment := map[string]int{}
	unknown := 0
	for _, t := range tickets {
		bySegment[segment[t.Customer]]++
		p := products[t.Product]
		if p == nil {
			unknown++
			continue
		}
		p.Tickets++
		if t.Status != "solved" {
			p.Open++
		}
		p.Subjects[t.Subject]++
	}
	list := make([]*product, 0, len(products))
	for _, p := range products {
		if p.Orders >= 20 {
			list = append(list, p)
		}
	}
	rate := func(p *product) float64 { return 100 * float64(p.Tickets) / float64(p.Orders) }
	sort.Slice(list, func(i, j int) bool {
		if rate(list[i]) != rate(list[j]) {
			return rate(list[i]) > rate(list[j])
		}
		return list[i].SKU < list[j].SKU
	})
	fmt.Printf("%d tickets, %d products, %d customers joined (%d tickets name no known product)\n",
		len(tickets), len(products), len(segment), unknown)
	var top []map[string]any
	for _, p := range list[:min(5, len(list))] {
		subject, n := "", 0
		for s, c := range p.Subjects {
			if c > n || c == n && s < subject {
				subject, n = s, c
			}
		}
		fmt.Printf("  %s %-22s %-11s %3d tickets / %3d orders = %5.1f per 100, %d open, mostly %q\n",
			p.SKU, p.Name, p.Category, p.Tickets, p.Orders, rate(p), p.Open, subject)
		top = append(top, map[string]any{"sku": p.SKU, "per_100_orders": math.Round(rate(p)*10) / 10})
	}
	delete(bySegment, "")
	airlock.Result(map[string]any{"tickets_by_segment": bySegment, "worst_products": top})
}
