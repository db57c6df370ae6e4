package main

import (
	"airlock/fs"
	"fmt"
	"strings"
)

func main() {
	rows, err := fs.ReadCSVRows("data/signups.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	seen := map[string]bool{}
	dups := 0
	for _, r := range rows[1:] {
		e := strings.ToLower(strings.TrimSpace(r[1]))
		if seen[e] {
			dups++
		}
		seen[e] = true
	}
	fmt.Println(len(seen), "unique,", dups, "duplicates")
}
