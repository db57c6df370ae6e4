// Where does the wiki explain idempotent retries for payments? Read every
// page of the engineering wiki (200 Markdown pages), rank them with BM25 for
// the query, and hand back the five best titles with the sentence that
// matches best.
package main

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"airlock"
	"airlock/fs"
)

const query = "payments retries idempotency keys exponential backoff"

type page struct {
	path, title string
	words       []string
	text        string
	score       float64
}

func tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func main() {
	paths, err := fs.Glob("docs/*.md")
	if err != nil {
		panic(err)
	}
	var pages []*page
	df := map[string]int{}
	total := 0
	terms := tokenize(query)
	for _, p := range paths {
		text, err := fs.ReadFile(p)
		if err != nil {
			panic(err)
		}
		title := strings.TrimPrefix(strings.SplitN(text, "\n", 2)[0], "# ")
		pg := &page{path: p, title: title, words: tokenize(text), text: text}
		pages = append(pages, pg)
		total += len(pg.words)
		seen := map[string]bool{}
		for _, w := range pg.words {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	avg := float64(total) / float64(len(pages))
	const k1, b = 1.2, 0.75
	for _, pg := range pages {
		tf := map[string]int{}
		for _, w := range pg.words {
			tf[w]++
		}
		for _, t := range terms {
			if tf[t] == 0 {
				continue
			}
			idf := math.Log(1 + (float64(len(pages))-float64(df[t])+0.5)/(float64(df[t])+0.5))
			f := float64(tf[t])
			pg.score += idf * f * (k1 + 1) / (f + k1*(1-b+b*float64(len(pg.words))/avg))
		}
	}
	sort.Slice(pages, func(i, j int) bool {
		if pages[i].score != pages[j].score {
			return pages[i].score > pages[j].score
		}
		return pages[i].path < pages[j].path
	})
	matching := 0
	for _, pg := range pages {
		if pg.score > 0 {
			matching++
		}
	}
	fmt.Printf("%d pages, %d words read; %d pages match %q\n", len(pages), total, matching, query)
	var top []map[string]any
	for _, pg := range pages[:min(5, len(pages))] {
		snippet := bestSentence(pg.text, terms)
		fmt.Printf("  %5.2f %s (%s)\n        %s\n", pg.score, pg.title, pg.path, snippet)
		top = append(top, map[string]any{"title": pg.title, "path": pg.path, "score": math.Round(pg.score*100) / 100})
	}
	airlock.Result(map[string]any{"query": query, "top": top})
}

// bestSentence is the sentence of text holding the most query terms,
// shortened to 160 characters.
func bestSentence(text string, terms []string) string {
	best, bestN := "", 0
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return r == '.' || r == '\n' }) {
		n := 0
		words := tokenize(s)
		for _, t := range terms {
			for _, w := range words {
				if w == t {
					n++
					break
				}
			}
		}
		if n > bestN {
			best = strings.TrimSpace(s)
			bestN = n
		}
	}
	if len(best) > 160 {
		best = best[:157] + "..."
	}
	return best
}
