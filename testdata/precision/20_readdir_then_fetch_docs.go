package main

import (
	"fmt"
	"sort"
	"strings"

	"airlock/fs"
	"airlock/http"
)

var docPages = map[string]string{
	"encoding/csv":  "https://pkg.go.dev/encoding/csv",
	"encoding/json": "https://pkg.go.dev/encoding/json",
}

func main() {
	entries, err := fs.ReadDir("data")
	if err != nil {
		fmt.Println("list data:", err)
		return
	}
	byExt := map[string]int{}
	for _, e := range entries {
		if e.Dir {
			byExt["<dir>"]++
			continue
		}
		ext := "(none)"
		if i := strings.LastIndex(e.Name, "."); i >= 0 {
			ext = e.Name[i:]
		}
		byExt[ext]++
	}
	exts := make([]string, 0, len(byExt))
	for k := range byExt {
		exts = append(exts, k)
	}
	sort.Strings(exts)
	fmt.Println("data/ contents:")
	for _, k := range exts {
		fmt.Printf("  %-8s %d\n", k, byExt[k])
	}

	// Reference docs for the parsers we'll need.
	names := make([]string, 0, len(docPages))
	for n := range docPages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		resp, err := http.Get(docPages[n])
		if err != nil {
			fmt.Printf("%s: %v\n", n, err)
			continue
		}
		fmt.Printf("%s docs: HTTP %d, %d bytes\n", n, resp.Status, len(resp.Body))
	}
}
