package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"sort"
	"strconv"
	"strings"

	"airlock/fs"
	"airlock/http"
)

// RateClient fetches conversion rates into EUR.
type RateClient struct {
	BaseURL string
	rates   map[string]float64
}

func (c *RateClient) Load() error {
	resp, err := http.Get(c.BaseURL + "/latest?from=EUR")
	if err != nil {
		return err
	}
	if resp.Status != 200 {
		return fmt.Errorf("rates: HTTP %d", resp.Status)
	}
	var body struct {
		Rates map[string]float64 `json:"rates"`
	}
	if err := json.Unmarshal([]byte(resp.Body), &body); err != nil {
		return err
	}
	c.rates = body.Rates
	c.rates["EUR"] = 1
	return nil
}

func (c *RateClient) ToEUR(amount float64, currency string) (float64, error) {
	r, ok := c.rates[currency]
	if !ok || r == 0 {
		return 0, errors.New("no rate for " + currency)
	}
	return amount / r, nil
}

type Ledger struct {
	byCategory map[string]float64
	skipped    int
}

func NewLedger() *Ledger { return &Ledger{byCategory: map[string]float64{}} }

func (l *Ledger) Add(category string, eur float64) { l.byCategory[category] += eur }

func (l *Ledger) Print() {
	cats := make([]string, 0, len(l.byCategory))
	for c := range l.byCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var total float64
	for _, c := range cats {
		fmt.Printf("%-10s %10.2f EUR\n", c, l.byCategory[c])
		total += l.byCategory[c]
	}
	fmt.Printf("%-10s %10.2f EUR (%d rows skipped)\n", "TOTAL", total, l.skipped)
}

func main() {
	rc := &RateClient{BaseURL: "https://api.frankfurter.app"}
	if err := rc.Load(); err != nil {
		log.Fatal(err)
	}

	raw, err := fs.ReadFile("data/expenses.csv")
	if err != nil {
		log.Fatal(err)
	}
	ledger := NewLedger()
	for _, line := range strings.Split(strings.TrimSpace(raw), "\n")[1:] {
		parts := strings.Split(line, ",")
		if len(parts) != 4 {
			ledger.skipped++
			continue
		}
		amount, err := strconv.ParseFloat(parts[2], 64)
		if err != nil {
			ledger.skipped++
			continue
		}
		eur, err := rc.ToEUR(amount, parts[3])
		if err != nil {
			ledger.skipped++
			continue
		}
		ledger.Add(parts[1], eur)
	}
	ledger.Print()
}
