package main

import (
	"encoding/json"
	"fmt"
	"log"
	"strings"

	"airlock/fs"
	"airlock/http"
)

type settings struct {
	AlertThreshold int    `json:"alert_threshold"`
	Currency       string `json:"currency"`
}

type alerter struct {
	threshold float64
	currency  string
}

func (a alerter) check(label string, amount float64) {
	if amount > a.threshold {
		fmt.Printf("ALERT %s: %.2f %s exceeds %.0f\n", label, amount, a.currency, a.threshold)
	}
}

func main() {
	cfgText, err := fs.ReadFile("data/config.json")
	if err != nil {
		log.Fatal(err)
	}
	var s settings
	if err := json.Unmarshal([]byte(cfgText), &s); err != nil {
		log.Fatal(err)
	}
	a := alerter{threshold: float64(s.AlertThreshold), currency: s.Currency}

	orders, err := fs.ReadFile("data/orders.json")
	if err != nil {
		log.Fatal(err)
	}
	var of struct {
		Orders []struct {
			ID    string  `json:"id"`
			Total float64 `json:"total"`
		} `json:"orders"`
	}
	if err := json.Unmarshal([]byte(orders), &of); err != nil {
		log.Fatal(err)
	}
	for _, o := range of.Orders {
		a.check("order "+o.ID, o.Total)
	}

	// Independent: how many posts on the Go blog feed.
	resp, err := http.Get("https://go.dev/blog/feed.atom")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Go blog feed: %d entries\n", strings.Count(resp.Body, "<entry>"))
}
