package main

import (
	"encoding/json"
	"fmt"
	"log"
	"sort"
	"strconv"
	"strings"

	"airlock/fs"
	"airlock/http"
)

type ratesResponse struct {
	Base  string             `json:"base"`
	Date  string             `json:"date"`
	Rates map[string]float64 `json:"rates"`
}

func main() {
	// 1. Current exchange rates (public API).
	resp, err := http.Get("https://api.frankfurter.app/latest?from=USD&to=EUR,GBP,JPY")
	if err != nil {
		log.Fatalf("fetching rates: %v", err)
	}
	if resp.Status != 200 {
		log.Fatalf("rates API returned status %d", resp.Status)
	}
	var rates ratesResponse
	if err := json.Unmarshal([]byte(resp.Body), &rates); err != nil {
		log.Fatalf("decoding rates: %v", err)
	}
	fmt.Printf("Exchange rates (%s, base %s):\n", rates.Date, rates.Base)
	codes := make([]string, 0, len(rates.Rates))
	for c := range rates.Rates {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		fmt.Printf("  %s %.4f\n", c, rates.Rates[c])
	}

	// 2. Revenue per region from the local sales file.
	raw, err := fs.ReadFile("data/sales.csv")
	if err != nil {
		log.Fatalf("reading sales: %v", err)
	}
	revenue := map[string]float64{}
	lines := strings.Split(strings.TrimSpace(raw), "\n")
	for _, line := range lines[1:] {
		f := strings.Split(line, ",")
		if len(f) < 5 {
			continue
		}
		units, err := strconv.Atoi(f[3])
		if err != nil {
			continue
		}
		price, err := strconv.ParseFloat(f[4], 64)
		if err != nil {
			continue
		}
		revenue[f[1]] += float64(units) * price
	}
	regions := make([]string, 0, len(revenue))
	for r := range revenue {
		regions = append(regions, r)
	}
	sort.Slice(regions, func(i, j int) bool { return revenue[regions[i]] > revenue[regions[j]] })
	fmt.Println("Revenue by region (USD / EUR):")
	for _, r := range regions {
		fmt.Printf("  %-6s %9.2f %9.2f\n", r, revenue[r], revenue[r]*rates.Rates["EUR"])
	}
}
