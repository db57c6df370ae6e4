package main

import (
	"fmt"
	"log"
	"strings"
	"time"

	"airlock/fs"
	"airlock/http"
)

func getWithRetry(url string, attempts int) (http.Response, error) {
	var lastErr error
	for i := 0; i < attempts; i++ {
		resp, err := http.Get(url)
		if err == nil && resp.Status < 500 {
			return resp, nil
		}
		if err != nil {
			lastErr = err
		} else {
			lastErr = fmt.Errorf("status %d", resp.Status)
		}
		time.Sleep(time.Duration(i+1) * 200 * time.Millisecond)
	}
	return http.Response{}, fmt.Errorf("after %d attempts: %w", attempts, lastErr)
}

func main() {
	resp, err := getWithRetry("https://www.githubstatus.com/api/v2/status.json", 3)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("GitHub status payload:", len(resp.Body), "bytes")

	raw, err := fs.ReadFile("data/logs/app.log")
	if err != nil {
		log.Fatal(err)
	}
	levels := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(raw), "\n") {
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		levels[fields[1]]++
	}
	for _, lvl := range []string{"ERROR", "WARN", "INFO"} {
		fmt.Printf("%-5s %d\n", lvl, levels[lvl])
	}
}
