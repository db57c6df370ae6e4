package main

import (
	"airlock/sql"
	"fmt"
)

func count(table string) int64 {
	rows, err := sql.QueryRows("SELECT count(*) FROM " + table)
	if err != nil || len(rows.Rows) == 0 {
		return -1
	}
	n, _ := rows.Rows[0][0].(int64)
	return n
}

func main() {
	for _, t := range []string{"customers", "orders", "products"} {
		fmt.Println(t, count(t))
	}
}
