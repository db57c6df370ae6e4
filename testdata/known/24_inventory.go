package main

import (
	"airlock/http"
	"airlock/sql"
	"fmt"
)

func main() {
	rows, err := sql.QueryRows("SELECT sku, stock FROM products WHERE stock < 5")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(rows.Rows), "low-stock products")
	if len(rows.Rows) > 0 {
		msg := fmt.Sprintf("%d products below 5 units", len(rows.Rows))
		http.Post("https://chat.example.com/hooks/ops", "text/plain", msg)
	}
}
