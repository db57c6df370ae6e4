// The table benchmark's work inside the sandbox: parse a 1,000,000-row CSV,
// keep the west region, sum a column; once with airlock/table, once as an
// interpreted loop. Prints: table seconds, loop seconds, both sums.
package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"airlock/fs"
	"airlock/table"
)

func main() {
	text, err := fs.ReadFile("data/table.csv")
	if err != nil {
		panic(err)
	}
	start := time.Now()
	t, err := table.ParseCSV(text)
	if err != nil {
		panic(err)
	}
	sum := t.Where("region", "==", "west").Sum("amount")
	native := time.Since(start)

	start = time.Now()
	var loop float64
	for _, line := range strings.Split(text, "\n")[1:] {
		f := strings.Split(line, ",")
		if len(f) == 4 && f[1] == "west" {
			v, _ := strconv.ParseFloat(f[2], 64)
			loop += v
		}
	}
	interpreted := time.Since(start)
	fmt.Printf("%.3f %.3f %.2f %.2f\n", native.Seconds(), interpreted.Seconds(), sum, loop)
}
