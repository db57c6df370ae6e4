package main

import (
	"airlock/fs"
	"fmt"
	"strings"
)

func main() {
	regions := []string{"emea", "apac", "na", "latam"}
	for _, r := range regions {
		name := strings.ToUpper(r[:1]) + r[1:]
		rows, err := fs.ReadCSV("data/regions/" + r + ".csv")
		fmt.Println(name, len(rows), err)
	}
}
