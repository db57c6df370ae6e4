package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"airlock/fs"
	"airlock/http"
)

type feedItem struct {
	source string
	title  string
	err    error
}

func fetchTitle(url string, out chan<- feedItem) {
	resp, err := http.Get(url)
	if err != nil {
		out <- feedItem{source: url, err: err}
		return
	}
	title := "(no title)"
	if i := strings.Index(resp.Body, "<title>"); i >= 0 {
		rest := resp.Body[i+len("<title>"):]
		if j := strings.Index(rest, "</title>"); j >= 0 {
			title = strings.TrimSpace(rest[:j])
		}
	}
	out <- feedItem{source: url, title: title}
}

func main() {
	sources := []string{
		"https://news.ycombinator.com/",
		"https://lobste.rs/",
	}
	ch := make(chan feedItem)
	for _, s := range sources {
		go fetchTitle(s, ch)
	}
	for range sources {
		it := <-ch
		if it.err != nil {
			fmt.Printf("%s: error %v\n", it.source, it.err)
			continue
		}
		fmt.Printf("%s: %s\n", it.source, it.title)
	}

	raw, err := fs.ReadFile("data/orders.json")
	if err != nil {
		fmt.Println("orders:", err)
		return
	}
	var doc struct {
		Orders []struct {
			ID     string  `json:"id"`
			Total  float64 `json:"total"`
			Status string  `json:"status"`
		} `json:"orders"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		fmt.Println("orders:", err)
		return
	}
	pending := 0
	var shipped float64
	for _, o := range doc.Orders {
		switch o.Status {
		case "pending":
			pending++
		case "shipped":
			shipped += o.Total
		}
	}
	fmt.Printf("%d orders: %d pending, %.2f shipped\n", len(doc.Orders), pending, shipped)
}
