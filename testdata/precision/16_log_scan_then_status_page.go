package main

import (
	"fmt"
	"os"
	"strings"

	"airlock/fs"
	"airlock/http"
)

func countErrors(text string) (int, []string) {
	var n int
	var samples []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, " ERROR ") {
			n++
			if len(samples) < 3 {
				samples = append(samples, line)
			}
		}
	}
	return n, samples
}

func main() {
	logText, err := fs.ReadFile("data/logs/app.log")
	if err != nil {
		fmt.Fprintln(os.Stderr, "read log:", err)
		os.Exit(1)
	}
	n, samples := countErrors(logText)
	fmt.Printf("app.log: %d errors\n", n)
	for _, s := range samples {
		fmt.Println("  ", s)
	}

	// Is the upstream provider having an incident right now?
	resp, err := http.Get("https://status.example-db.com/api/v2/summary.json")
	if err != nil {
		fmt.Fprintln(os.Stderr, "status page:", err)
		os.Exit(1)
	}
	fmt.Println("upstream status page HTTP", resp.Status)
	if strings.Contains(resp.Body, `"indicator":"none"`) {
		fmt.Println("upstream reports no incidents")
	} else {
		fmt.Println("upstream may have an incident; check the page")
	}
}
