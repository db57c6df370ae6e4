package main

import (
	"encoding/csv"
	"fmt"
	"log"
	"strconv"
	"strings"
	"sync"

	"airlock/fs"
	"airlock/http"
)

type pageResult struct {
	URL    string
	Status int
	Bytes  int
	Err    error
}

func main() {
	urls := []string{
		"https://go.dev/doc/",
		"https://pkg.go.dev/std",
		"https://go.dev/blog/",
	}

	results := make([]pageResult, len(urls))
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			resp, err := http.Get(u)
			if err != nil {
				results[i] = pageResult{URL: u, Err: err}
				return
			}
			results[i] = pageResult{URL: u, Status: resp.Status, Bytes: len(resp.Body)}
		}(i, u)
	}
	wg.Wait()

	fmt.Println("Link check:")
	for _, r := range results {
		if r.Err != nil {
			fmt.Printf("  FAIL %s: %v\n", r.URL, r.Err)
			continue
		}
		fmt.Printf("  %d  %s (%d bytes)\n", r.Status, r.URL, r.Bytes)
	}

	raw, err := fs.ReadFile("data/inventory.csv")
	if err != nil {
		log.Fatal(err)
	}
	records, err := csv.NewReader(strings.NewReader(raw)).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Items below reorder level:")
	for _, rec := range records[1:] {
		qty, err1 := strconv.Atoi(rec[2])
		level, err2 := strconv.Atoi(rec[3])
		if err1 != nil || err2 != nil {
			continue
		}
		if qty < level {
			fmt.Printf("  %s (%s): %d left, reorder at %d\n", rec[1], rec[0], qty, level)
		}
	}
}
