package main

import (
	"encoding/json"
	"fmt"
	"sort"

	"airlock/fs"
	"airlock/http"
)

type Customer struct {
	ID            int     `json:"id"`
	Name          string  `json:"name"`
	Email         string  `json:"email"`
	Country       string  `json:"country"`
	LifetimeValue float64 `json:"lifetime_value"`
	Active        bool    `json:"active"`
}

type repoInfo struct {
	FullName        string `json:"full_name"`
	StargazersCount int    `json:"stargazers_count"`
	OpenIssues      int    `json:"open_issues_count"`
}

func loadCustomers(path string) ([]Customer, error) {
	raw, err := fs.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cs []Customer
	if err := json.Unmarshal([]byte(raw), &cs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return cs, nil
}

func main() {
	customers, err := loadCustomers("data/customers.json")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	byCountry := map[string]int{}
	var active int
	var total float64
	for _, c := range customers {
		byCountry[c.Country]++
		if c.Active {
			active++
		}
		total += c.LifetimeValue
	}
	countries := make([]string, 0, len(byCountry))
	for k := range byCountry {
		countries = append(countries, k)
	}
	sort.Strings(countries)
	fmt.Printf("%d customers (%d active), total LTV %.2f\n", len(customers), active, total)
	for _, k := range countries {
		fmt.Printf("  %s: %d\n", k, byCountry[k])
	}

	// Unrelated: repository stats for the weekly digest.
	resp, err := http.Get("https://api.github.com/repos/golang/go")
	if err != nil {
		fmt.Println("github error:", err)
		return
	}
	var repo repoInfo
	if err := json.Unmarshal([]byte(resp.Body), &repo); err != nil {
		fmt.Println("github decode error:", err)
		return
	}
	fmt.Printf("%s: %d stars, %d open issues\n", repo.FullName, repo.StargazersCount, repo.OpenIssues)
}
