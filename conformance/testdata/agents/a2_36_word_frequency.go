package main

import (
	"bufio"
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

const corpus = `It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair. We had everything
before us, we had nothing before us; we were all going direct to Heaven, we
were all going direct the other way.`

var stop = map[string]bool{"the": true, "of": true, "it": true, "was": true, "we": true, "to": true, "us": true, "all": true}

type WordCount struct {
	Word  string
	Count int
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(corpus))
	sc.Split(bufio.ScanWords)
	freq := map[string]int{}
	total := 0
	for sc.Scan() {
		w := strings.ToLower(strings.TrimFunc(sc.Text(), func(r rune) bool { return !unicode.IsLetter(r) }))
		if w == "" {
			continue
		}
		total++
		if stop[w] {
			continue
		}
		freq[w]++
	}
	fmt.Println("total words:", total, "distinct non-stop:", len(freq))
	var wcs []WordCount
	for w, c := range freq {
		wcs = append(wcs, WordCount{w, c})
	}
	slices.SortFunc(wcs, func(a, b WordCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Word, b.Word))
	})
	for i, wc := range wcs[:8] {
		bar := strings.Repeat("█", wc.Count)
		fmt.Printf("%2d %-12s %2d %s\n", i+1, wc.Word, wc.Count, bar)
	}
	byLen := map[int][]string{}
	for w := range freq {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	for _, l := range slices.Sorted(maps.Keys(byLen)) {
		ws := byLen[l]
		slices.Sort(ws)
		if len(ws) > 4 {
			ws = append(ws[:4:4], fmt.Sprintf("+%d", len(byLen[l])-4))
		}
		fmt.Printf("len %2d: %s\n", l, strings.Join(ws, " "))
	}
	lineSc := bufio.NewScanner(strings.NewReader(corpus))
	n := 0
	for lineSc.Scan() {
		n++
		line := lineSc.Text()
		fmt.Printf("line %d: %2d chars, %2d commas, ends %q\n", n, len(line), strings.Count(line, ","), line[len(line)-5:])
	}
	runeSc := bufio.NewScanner(strings.NewReader("añb€"))
	runeSc.Split(bufio.ScanRunes)
	var rs []string
	for runeSc.Scan() {
		rs = append(rs, runeSc.Text())
	}
	fmt.Printf("%q\n", rs)
	// custom split: comma separated
	csSc := bufio.NewScanner(strings.NewReader("a,bb,,ccc"))
	csSc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, b := range data {
			if b == ',' {
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, nil
		}
		return 0, nil, nil
	})
	for csSc.Scan() {
		fmt.Printf("[%s]", csSc.Text())
	}
	fmt.Println()
	letters := map[rune]int{}
	for _, r := range strings.ToLower(corpus) {
		if unicode.IsLetter(r) {
			letters[r]++
		}
	}
	top := slices.SortedFunc(maps.Keys(letters), func(a, b rune) int {
		return cmp.Or(cmp.Compare(letters[b], letters[a]), cmp.Compare(a, b))
	})
	for _, r := range top[:5] {
		fmt.Printf("%c:%d ", r, letters[r])
	}
	fmt.Println()
	br := bufio.NewReader(strings.NewReader("first line\nsecond\nno newline"))
	for {
		s, err := br.ReadString('\n')
		fmt.Printf("%q err=%v\n", s, err)
		if err != nil {
			break
		}
	}
}
