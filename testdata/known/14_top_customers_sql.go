package main

import (
	"airlock/sql"
	"fmt"
)

const limit = 10

func main() {
	q := fmt.Sprintf("SELECT customer_id, sum(total) AS revenue FROM orders GROUP BY customer_id ORDER BY revenue DESC LIMIT %d", limit)
	rows, err := sql.Query(q)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range rows {
		fmt.Println(i+1, r["customer_id"], r["revenue"])
	}
}
