package main

import (
	"airlock/fs"
	"airlock/table"
	"fmt"
)

func main() {
	t := table.FromRecords(nil)
	for q := 1; q <= 4; q++ {
		rows, err := fs.ReadCSV(fmt.Sprintf("data/q%d.csv", q))
		if err != nil {
			continue
		}
		t = table.FromRecords(rows)
		fmt.Println(q, t.Len())
	}
}
