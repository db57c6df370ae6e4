package main

import (
	"airlock/fs"
	"airlock/workspace"
	"fmt"
	"strings"
)

func main() {
	rows, err := fs.ReadCSV("data/events.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	byType := map[string]int{}
	for _, r := range rows {
		byType[r["type"]]++
	}
	var b strings.Builder
	for k, v := range byType {
		fmt.Fprintf(&b, "%s,%d\n", k, v)
	}
	out := "rollup-" + "events" + ".csv"
	if err := workspace.WriteFile(out, b.String()); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(byType), "types")
}
