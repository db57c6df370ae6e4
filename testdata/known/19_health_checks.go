package main

import (
	"airlock/http"
	"fmt"
)

var services = []string{"auth", "billing", "search"}

func main() {
	for _, s := range services {
		url := "https://status.example.com/" + s + "/health"
		r, err := http.Get(url)
		if err != nil {
			fmt.Println(s, "down:", err)
			continue
		}
		fmt.Println(s, r.Status)
	}
}
