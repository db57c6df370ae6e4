package main

import (
	"airlock/http"
	"fmt"
)

const endpoint = "https://api.example.com/v2/report"

func main() {
	var body string
	for attempt := 0; attempt < 3; attempt++ {
		r, err := http.Get(endpoint)
		if err == nil && r.Status == 200 {
			body = r.Body
			break
		}
	}
	fmt.Println(len(body))
}
