package main

import (
	"airlock/http"
	"fmt"
	"strings"
)

const base = "https://api.example.com/v1/items"

func main() {
	count := 0
	for page := 1; page <= 5; page++ {
		r, err := http.Get(fmt.Sprintf("%s?page=%d", base, page))
		if err != nil {
			fmt.Println(err)
			break
		}
		count += strings.Count(r.Body, "\"id\"")
	}
	fmt.Println("items:", count)
}
