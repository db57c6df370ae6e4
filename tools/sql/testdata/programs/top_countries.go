// Revenue by country from delivered orders: the aggregation runs in the
// database, so only a handful of rows cross into the program.
//
// Under testdata/shop.yaml: status ok.
package main

import (
	"airlock"
	"airlock/sql"
)

func main() {
	rows, err := sql.Query(`
		SELECT c.country, count(*) AS orders, round(sum(o.total), 2) AS revenue
		FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = ?
		GROUP BY c.country ORDER BY revenue DESC LIMIT 5`, "delivered")
	if err != nil {
		panic(err)
	}
	airlock.Result(rows)
}
