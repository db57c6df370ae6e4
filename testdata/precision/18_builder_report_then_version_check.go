package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"airlock/fs"
	"airlock/http"
)

type Customer struct {
	Name          string  `json:"name"`
	Country       string  `json:"country"`
	LifetimeValue float64 `json:"lifetime_value"`
}

func buildReport(cs []Customer) string {
	var sb strings.Builder
	sb.WriteString("Customer value report\n")
	sb.WriteString(strings.Repeat("=", 21) + "\n")
	for _, c := range cs {
		tier := "bronze"
		switch {
		case c.LifetimeValue >= 2000:
			tier = "gold"
		case c.LifetimeValue >= 1000:
			tier = "silver"
		}
		fmt.Fprintf(&sb, "%-15s %-3s %9.2f %s\n", c.Name, c.Country, c.LifetimeValue, tier)
	}
	return sb.String()
}

func main() {
	var customers []Customer
	raw, err := fs.ReadFile("data/customers.json")
	if err == nil {
		err = json.Unmarshal([]byte(raw), &customers)
	}
	if err != nil {
		fmt.Println("customers unavailable:", err)
	} else {
		fmt.Print(buildReport(customers))
	}

	// Check whether a newer Go release is out.
	resp, err := http.Get("https://go.dev/dl/?mode=json")
	if err != nil {
		fmt.Println("version check failed:", err)
		return
	}
	var releases []struct {
		Version string `json:"version"`
		Stable  bool   `json:"stable"`
	}
	if err := json.Unmarshal([]byte(resp.Body), &releases); err != nil || len(releases) == 0 {
		fmt.Println("version check: unexpected response")
		return
	}
	fmt.Println("latest Go release:", releases[0].Version)
}
