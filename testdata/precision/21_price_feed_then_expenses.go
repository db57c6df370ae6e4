package main

import (
	"fmt"
	"log"
	"math"
	"strconv"
	"strings"

	"airlock/fs"
	"airlock/http"
)

// parseFeed reads "SYMBOL PRICE" lines.
func parseFeed(body string) map[string]float64 {
	prices := make(map[string]float64)
	for _, line := range strings.Split(body, "\n") {
		parts := strings.Fields(line)
		if len(parts) != 2 {
			continue
		}
		p, err := strconv.ParseFloat(parts[1], 64)
		if err != nil {
			continue
		}
		prices[parts[0]] = p
	}
	return prices
}

func main() {
	resp, err := http.Get("https://feeds.example.com/fx/plain.txt")
	if err != nil {
		log.Fatalf("price feed: %v", err)
	}
	prices := parseFeed(resp.Body)
	usdeur, ok := prices["USDEUR"]
	if !ok {
		log.Println("USDEUR missing from feed; assuming 0.92")
		usdeur = 0.92
	}
	fmt.Printf("USDEUR = %.4f (%d symbols in feed)\n", usdeur, len(prices))

	raw, err := fs.ReadFile("data/expenses.csv")
	if err != nil {
		log.Fatalf("expenses: %v", err)
	}
	var totalEUR float64
	var bad int
	for n, line := range strings.Split(strings.TrimSpace(raw), "\n") {
		if n == 0 {
			continue
		}
		cols := strings.Split(line, ",")
		amount, err := strconv.ParseFloat(cols[2], 64)
		if err != nil {
			bad++
			continue
		}
		if cols[3] == "USD" {
			amount *= usdeur
		}
		totalEUR += amount
	}
	fmt.Printf("total expenses: %.2f EUR (rounded %d), %d unparseable rows\n", totalEUR, int(math.Round(totalEUR)), bad)
}
