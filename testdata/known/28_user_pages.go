package main

import (
	"airlock/http"
	"airlock/sql"
	"fmt"
)

func main() {
	ids, err := sql.QueryRows("SELECT id FROM customers ORDER BY id LIMIT 3")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range ids.Rows {
		r, err := http.Get(fmt.Sprintf("https://crm.example.com/customers/%v", row[0]))
		if err == nil {
			fmt.Println(row[0], len(r.Body))
		}
	}
}
