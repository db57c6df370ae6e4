// How did the quarter's orders go? Walk the orders API page by page (the
// API serves 100 orders a page), then report the totals by status, paid
// revenue by region, refund and dispute rates by channel and the five
// biggest customers.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"

	"airlock"
	"airlock/http"
)

const api = "http://127.0.0.1:18473/v1/orders"

type order struct {
	ID       string  `json:"id"`
	Customer string  `json:"customer_id"`
	Region   string  `json:"region"`
	Status   string  `json:"status"`
	Channel  string  `json:"channel"`
	Amount   float64 `json:"amount"`
	Coupon   *string `json:"coupon"`
}

type page struct {
	Data     []order `json:"data"`
	Total    int     `json:"total"`
	NextPage *int    `json:"next_page"`
}

func main() {
	var orders []order
	pages, n := 0, 1
	for {
		resp, err := http.Get(fmt.Sprintf("%s?page=%d", api, n))
		if err != nil {
			panic(err)
		}
		if resp.Status != 200 {
			panic(fmt.Sprintf("page %d: status %d: %s", n, resp.Status, resp.Body))
		}
		var p page
		if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
			panic(fmt.Sprintf("page %d: %v", n, err))
		}
		pages++
		orders = append(orders, p.Data...)
		if p.NextPage == nil {
			break
		}
		n = *p.NextPage
	}

	byStatus := map[string]int{}
	revenue := map[string]float64{}
	channel := map[string][3]int{} // orders, refunded, disputed
	spend := map[string]float64{}
	coupons := 0
	for _, o := range orders {
		byStatus[o.Status]++
		c := channel[o.Channel]
		c[0]++
		switch o.Status {
		case "paid":
			revenue[o.Region] += o.Amount
			spend[o.Customer] += o.Amount
			if o.Coupon != nil {
				coupons++
			}
		case "refunded":
			c[1]++
		case "disputed":
			c[2]++
		}
		channel[o.Channel] = c
	}
	type kv struct {
		K string
		V float64
	}
	var top []kv
	for k, v := range spend {
		top = append(top, kv{k, v})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].V > top[j].V || top[i].V == top[j].V && top[i].K < top[j].K })

	fmt.Printf("%d orders over %d pages; by status: %v; %d paid orders used a coupon\n", len(orders), pages, byStatus, coupons)
	chans := make([]string, 0, len(channel))
	for k := range channel {
		chans = append(chans, k)
	}
	sort.Strings(chans)
	for _, k := range chans {
		c := channel[k]
		fmt.Printf("  %-8s %4d orders, refunded %.1f%%, disputed %.1f%%\n", k, c[0], 100*float64(c[1])/float64(c[0]), 100*float64(c[2])/float64(c[0]))
	}
	rev := map[string]float64{}
	for k, v := range revenue {
		rev[k] = math.Round(v)
	}
	best := []map[string]any{}
	for _, t := range top[:min(5, len(top))] {
		best = append(best, map[string]any{"customer": t.K, "paid": math.Round(t.V*100) / 100})
	}
	airlock.Result(map[string]any{"paid_revenue_by_region": rev, "top_customers": best})
}
