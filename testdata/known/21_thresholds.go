package main

import (
	"airlock/sql"
	"fmt"
)

func check(metric string, limit float64) {
	rows, err := sql.Query("SELECT value FROM metrics WHERE name = '" + metric + "' ORDER BY ts DESC LIMIT 1")
	if err != nil || len(rows) == 0 {
		fmt.Println(metric, "no data")
		return
	}
	v, _ := rows[0]["value"].(float64)
	fmt.Println(metric, v > limit)
}

func main() {
	check("cpu", 0.9)
	check("memory", 0.8)
	check("disk", 0.95)
}
