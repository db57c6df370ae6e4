package main

import (
	"fmt"
	"log"
	"sort"
	"strings"
	"sync"

	"airlock/fs"
	"airlock/http"
)

type fileStat struct {
	name  string
	lines int
	words int
}

func main() {
	resp, err := http.Get("https://www.gutenberg.org/cache/epub/1342/pg1342.txt")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("reference corpus: %d words\n", len(strings.Fields(resp.Body)))

	files := []string{"data/notes.txt", "data/logs/app.log", "data/logs/cron.log"}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		stats []fileStat
	)
	for _, name := range files {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			text, err := fs.ReadFile(name)
			if err != nil {
				log.Printf("%s: %v", name, err)
				return
			}
			st := fileStat{name: name, lines: strings.Count(text, "\n"), words: len(strings.Fields(text))}
			mu.Lock()
			stats = append(stats, st)
			mu.Unlock()
		}(name)
	}
	wg.Wait()

	sort.Slice(stats, func(i, j int) bool { return stats[i].name < stats[j].name })
	for _, s := range stats {
		fmt.Printf("%-20s %4d lines %5d words\n", s.name, s.lines, s.words)
	}
}
