package main

import (
	"encoding/json"
	"fmt"
	"log"

	"airlock/fs"
	"airlock/http"
)

type customer struct {
	Name    string `json:"name"`
	Country string `json:"country"`
	Active  bool   `json:"active"`
}

// Markets we report on, fixed by the sales team.
var markets = []string{"FR", "US", "ES", "DE"}

func main() {
	raw, err := fs.ReadFile("data/customers.json")
	if err != nil {
		log.Fatalf("read customers: %v", err)
	}
	var customers []customer
	if err := json.Unmarshal([]byte(raw), &customers); err != nil {
		log.Fatalf("parse customers: %v", err)
	}
	activeBy := map[string]int{}
	for _, c := range customers {
		if c.Active {
			activeBy[c.Country]++
		}
	}

	fmt.Printf("%-4s %-20s %12s %8s\n", "code", "country", "population", "active")
	for _, code := range markets {
		resp, err := http.Get("https://restcountries.com/v3.1/alpha/" + code + "?fields=name,population")
		if err != nil {
			log.Printf("%s: %v", code, err)
			continue
		}
		var info struct {
			Name struct {
				Common string `json:"common"`
			} `json:"name"`
			Population int `json:"population"`
		}
		if err := json.Unmarshal([]byte(resp.Body), &info); err != nil {
			log.Printf("%s: %v", code, err)
			continue
		}
		fmt.Printf("%-4s %-20s %12d %8d\n", code, info.Name.Common, info.Population, activeBy[code])
	}
}
