package main

import (
	"airlock/fs"
	"fmt"
	"strconv"
)

const dataDir = "data"

func main() {
	total := 0.0
	for _, month := range []string{"jan", "feb", "mar"} {
		rows, err := fs.ReadCSV(dataDir + "/sales-" + month + ".csv")
		if err != nil {
			fmt.Println("skip", month, err)
			continue
		}
		for _, r := range rows {
			v, _ := strconv.ParseFloat(r["amount"], 64)
			total += v
		}
	}
	fmt.Printf("Q1 total: %.2f\n", total)
}
