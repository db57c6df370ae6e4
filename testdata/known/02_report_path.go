package main

import (
	"airlock/fs"
	"fmt"
)

func main() {
	year := 2026
	path := fmt.Sprintf("data/report-%d.csv", year)
	rows, err := fs.ReadCSV(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(rows), "rows")
}
