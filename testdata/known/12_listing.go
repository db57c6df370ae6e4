package main

import (
	"airlock/fs"
	"fmt"
	"strings"
)

func main() {
	names, err := fs.ReadDir("data/invoices")
	if err != nil {
		fmt.Println(err)
		return
	}
	total := 0
	for _, n := range names {
		if strings.HasSuffix(n.Name, ".csv") {
			rows, _ := fs.ReadCSV("data/invoices/" + n.Name)
			total += len(rows)
		}
	}
	fmt.Println(len(names), "files,", total, "rows")
}
