// The table benchmark's work inside the sandbox, on a 1,000,000-row CSV:
// parse it, keep the west region, sum a column, with airlock/table; then
// the filter and sum alone, with airlock/table and as an interpreted loop
// over the same parsed rows. Prints: table seconds (parse+where+sum),
// table seconds (where+sum), loop seconds (where+sum), and the sums.
package main

import (
	"fmt"
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
	whole := time.Since(start)

	start = time.Now()
	again := t.Where("region", "==", "west").Sum("amount")
	filter := time.Since(start)

	recs := t.Records()
	start = time.Now()
	var loop float64
	for _, r := range recs {
		if r[1] == "west" {
			loop += r[2].(float64)
		}
	}
	interpreted := time.Since(start)
	fmt.Printf("%.3f %.4f %.3f %.2f %.2f %.2f\n", whole.Seconds(), filter.Seconds(), interpreted.Seconds(), sum, again, loop)
}
