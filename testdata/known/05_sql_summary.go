package main

import (
	"airlock/sql"
	"fmt"
)

func main() {
	query := "SELECT status, count(*) AS n FROM orders GROUP BY status"
	rows, err := sql.Query(query)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		fmt.Println(r["status"], r["n"])
	}
}
