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

type pkg struct {
	Name      string `json:"name"`
	Downloads int    `json:"downloads"`
}

type product struct {
	name  string
	units int
}

func topN(n, length int) int {
	if length < n {
		return length
	}
	return n
}

func main() {
	resp, err := http.Get("https://registry.example.org/api/v1/packages?sort=downloads&limit=50")
	if err != nil {
		log.Fatal(err)
	}
	var pkgs []pkg
	if err := json.Unmarshal([]byte(resp.Body), &pkgs); err != nil {
		log.Fatal(err)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Downloads > pkgs[j].Downloads })
	fmt.Println("Top packages:")
	for _, p := range pkgs[:topN(5, len(pkgs))] {
		fmt.Printf("  %-20s %d\n", p.Name, p.Downloads)
	}

	raw, err := fs.ReadFile("data/sales.csv")
	if err != nil {
		log.Fatal(err)
	}
	units := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(raw), "\n")[1:] {
		f := strings.Split(line, ",")
		n, err := strconv.Atoi(f[3])
		if err != nil {
			log.Printf("skipping %q: %v", line, err)
			continue
		}
		units[f[2]] += n
	}
	var products []product
	for name, u := range units {
		products = append(products, product{name, u})
	}
	sort.Slice(products, func(i, j int) bool { return products[i].units > products[j].units })
	fmt.Println("Top products:")
	for i, p := range products[:topN(3, len(products))] {
		fmt.Printf("  %d. %s (%d units)\n", i+1, p.name, p.units)
	}
}
