package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

type Item struct {
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	Timestamp int64  `json:"ts"`
	Title     string `json:"title"`
}

type Page struct {
	Items      []Item `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// fakeAPI returns JSON pages for a source, simulating cursor-based pagination.
func fakeAPI(source string, all []Item, pageSize int) func(cursor string) ([]byte, error) {
	return func(cursor string) ([]byte, error) {
		start := 0
		if cursor != "" {
			n, err := strconv.Atoi(cursor)
			if err != nil {
				return nil, fmt.Errorf("%s: bad cursor %q: %w", source, cursor, err)
			}
			start = n
		}
		end := min(start+pageSize, len(all))
		p := Page{Items: all[start:end]}
		if end < len(all) {
			p.NextCursor = strconv.Itoa(end)
		}
		return json.Marshal(p)
	}
}

func fetchAll(source string, fetch func(string) ([]byte, error), maxPages int) ([]Item, int, error) {
	var out []Item
	cursor := ""
	pages := 0
	for {
		if pages >= maxPages {
			return out, pages, fmt.Errorf("%s: stopped after %d pages", source, pages)
		}
		body, err := fetch(cursor)
		if err != nil {
			return out, pages, err
		}
		pages++
		var p Page
		if err := json.Unmarshal(body, &p); err != nil {
			return out, pages, err
		}
		for i := range p.Items {
			p.Items[i].Source = source
		}
		out = append(out, p.Items...)
		if p.NextCursor == "" {
			return out, pages, nil
		}
		cursor = p.NextCursor
	}
}

func main() {
	var a, b []Item
	for i := 0; i < 11; i++ {
		a = append(a, Item{ID: fmt.Sprintf("a%02d", i), Timestamp: int64(1700000000 + i*97%500), Title: fmt.Sprintf("alpha post %d", i)})
	}
	for i := 0; i < 7; i++ {
		b = append(b, Item{ID: fmt.Sprintf("b%02d", i), Timestamp: int64(1700000000 + i*131%400), Title: fmt.Sprintf("beta post %d", i)})
	}
	// duplicate item shared by both feeds (same ID), later version in b
	a = append(a, Item{ID: "shared-1", Timestamp: 1700000100, Title: "shared v1"})
	b = append(b, Item{ID: "shared-1", Timestamp: 1700000300, Title: "shared v2"})

	itemsA, pa, errA := fetchAll("alpha", fakeAPI("alpha", a, 4), 10)
	itemsB, pb, errB := fetchAll("beta", fakeAPI("beta", b, 3), 10)
	itemsC, pc, errC := fetchAll("gamma", fakeAPI("gamma", a, 2), 3)
	fmt.Printf("alpha: %d items in %d pages err=%v\n", len(itemsA), pa, errA)
	fmt.Printf("beta:  %d items in %d pages err=%v\n", len(itemsB), pb, errB)
	fmt.Printf("gamma: %d items in %d pages err=%v\n", len(itemsC), pc, errC)
	_, err := fakeAPI("delta", a, 5)("abc")
	fmt.Println("bad cursor:", err)

	merged := map[string]Item{}
	for _, it := range append(itemsA, itemsB...) {
		if prev, ok := merged[it.ID]; !ok || it.Timestamp > prev.Timestamp {
			merged[it.ID] = it
		}
	}
	list := make([]Item, 0, len(merged))
	for _, it := range merged {
		list = append(list, it)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Timestamp != list[j].Timestamp {
			return list[i].Timestamp > list[j].Timestamp
		}
		return list[i].ID < list[j].ID
	})
	fmt.Printf("merged %d unique items (newest first):\n", len(list))
	for i, it := range list {
		if i >= 10 {
			fmt.Printf("  ... %d more\n", len(list)-i)
			break
		}
		fmt.Printf("  %2d %-9s %-6s %d %q\n", i+1, it.ID, it.Source, it.Timestamp, it.Title)
	}
	// re-paginate merged result for our own API output
	pageSize := 6
	for p := 0; p*pageSize < len(list); p++ {
		end := min((p+1)*pageSize, len(list))
		ids := make([]string, 0, pageSize)
		for _, it := range list[p*pageSize : end] {
			ids = append(ids, it.ID)
		}
		fmt.Printf("out page %d: %v\n", p+1, ids)
	}
	js, _ := json.Marshal(list[:2])
	fmt.Println(string(js))
}
