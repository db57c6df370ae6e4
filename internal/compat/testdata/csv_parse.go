// Parsing CSV text with encoding/csv and strconv.
package main

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

const data = `name,qty,price
apple,3,0.5
"pear, green",2,1.25
fig,x,2
`

func main() {
	r := csv.NewReader(strings.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	total := 0.0
	for _, row := range rows[1:] {
		q, err := strconv.Atoi(row[1])
		if err != nil {
			fmt.Println("skip", row[0], err)
			continue
		}
		p, _ := strconv.ParseFloat(row[2], 64)
		total += float64(q) * p
	}
	fmt.Printf("%.2f %d\n", total, len(rows))
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	w.Write([]string{"a,b", "c"})
	w.Flush()
	fmt.Print(sb.String())
}
