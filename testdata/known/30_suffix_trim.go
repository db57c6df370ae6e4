package main

import (
	"airlock/fs"
	"airlock/workspace"
	"fmt"
	"strings"
)

func main() {
	name := strings.TrimSuffix("summary.csv", ".csv")
	rows, err := fs.ReadCSV("data/" + name + ".csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	out := name + "-count.txt"
	workspace.WriteFile(out, fmt.Sprint(len(rows)))
	fmt.Println(len(rows))
}
