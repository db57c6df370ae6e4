package main

import (
	"airlock/fs"
	"fmt"
)

func load(name string) []map[string]string {
	rows, err := fs.ReadCSV("data/" + name)
	if err != nil {
		fmt.Println("load", name, err)
		return nil
	}
	return rows
}

func main() {
	customers := load("customers.csv")
	orders := load("orders.csv")
	fmt.Println(len(customers), len(orders))
}
