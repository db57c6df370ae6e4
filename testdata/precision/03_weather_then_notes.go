package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"airlock/fs"
	"airlock/http"
)

type forecast struct {
	Current struct {
		Temperature float64 `json:"temperature_2m"`
		WindSpeed   float64 `json:"wind_speed_10m"`
	} `json:"current"`
}

var cities = []struct {
	Name     string
	Lat, Lon float64
}{
	{"Paris", 48.85, 2.35},
	{"Berlin", 52.52, 13.41},
	{"Madrid", 40.42, -3.70},
}

func main() {
	fmt.Println("== Weather ==")
	for _, c := range cities {
		url := fmt.Sprintf("https://api.open-meteo.com/v1/forecast?latitude=%.2f&longitude=%.2f&current=temperature_2m,wind_speed_10m", c.Lat, c.Lon)
		resp, err := http.Get(url)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", c.Name, err)
			continue
		}
		var f forecast
		if err := json.Unmarshal([]byte(resp.Body), &f); err != nil {
			fmt.Fprintf(os.Stderr, "%s: bad JSON: %v\n", c.Name, err)
			continue
		}
		fmt.Printf("%-7s %5.1f°C  wind %4.1f km/h\n", c.Name, f.Current.Temperature, f.Current.WindSpeed)
	}

	fmt.Println("== Notes summary ==")
	notes, err := fs.ReadFile("data/notes.txt")
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot read notes:", err)
		os.Exit(1)
	}
	words := strings.Fields(notes)
	freq := map[string]int{}
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ".,;:!?"))
		if len(w) > 3 {
			freq[w]++
		}
	}
	type kv struct {
		Word  string
		Count int
	}
	var list []kv
	for w, n := range freq {
		list = append(list, kv{w, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		return list[i].Word < list[j].Word
	})
	fmt.Printf("%d lines, %d words\n", strings.Count(notes, "\n"), len(words))
	for i := 0; i < len(list) && i < 5; i++ {
		fmt.Printf("  %s (%d)\n", list[i].Word, list[i].Count)
	}
}
