package main

import (
	"airlock/http"
	"fmt"
	"strings"
)

func fetch(city string) string {
	r, err := http.Get("https://weather.example.com/api?city=" + city)
	if err != nil {
		return "n/a"
	}
	return strings.TrimSpace(r.Body)
}

func main() {
	for _, c := range []string{"paris", "tokyo", "lima"} {
		fmt.Println(c, len(fetch(c)))
	}
}
