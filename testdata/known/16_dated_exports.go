package main

import (
	"airlock/fs"
	"fmt"
	"path"
)

func main() {
	days := []string{"2026-12-01", "2026-12-02", "2026-12-03"}
	sum := 0
	for _, d := range days {
		f := path.Join("data", "exports", d+".csv")
		rows, err := fs.ReadCSV(f)
		if err == nil {
			sum += len(rows)
		}
	}
	fmt.Println(sum)
}
