package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
)

func key(w string) string {
	rs := []rune(strings.ToLower(w))
	rs = slices.DeleteFunc(rs, func(r rune) bool { return !unicode.IsLetter(r) })
	slices.Sort(rs)
	return string(rs)
}

func main() {
	text := `Listen, silent enlist! Tinsel inlets. Evil vile live veil Levi.
	Dusty study; night thing. Angel glean angle. Stressed desserts.
	The eyes they see. Astronomer moon starer. Below elbow bowel. Resume.`
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	groups := map[string][]string{}
	seen := map[string]bool{}
	for _, w := range words {
		lw := strings.ToLower(w)
		if seen[lw] {
			continue
		}
		seen[lw] = true
		k := key(lw)
		groups[k] = append(groups[k], lw)
	}
	keys := slices.Collect(maps.Keys(groups))
	slices.SortFunc(keys, func(a, b string) int {
		return cmp.Or(
			cmp.Compare(len(groups[b]), len(groups[a])),
			cmp.Compare(len(a), len(b)),
			strings.Compare(a, b),
		)
	})
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		slices.Sort(g)
		fmt.Printf("%-8s %d %v\n", k, len(g), g)
	}
	var singles []string
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		if len(groups[k]) == 1 {
			singles = append(singles, groups[k][0])
		}
	}
	fmt.Println("singletons:", singles)
	// multi-word anagram check
	pairs := [][2]string{{"Astronomer", "Moon starer"}, {"Dormitory", "Dirty room!"}, {"Conversation", "Voices rant on"}, {"Hello", "World"}}
	for _, p := range pairs {
		fmt.Printf("%q vs %q: %t\n", p[0], p[1], key(p[0]) == key(p[1]))
	}
	// letter frequency of all words
	freq := map[rune]int{}
	for _, w := range words {
		for _, r := range strings.ToLower(w) {
			freq[r]++
		}
	}
	letters := slices.Sorted(maps.Keys(freq))
	slices.SortStableFunc(letters, func(a, b rune) int { return freq[b] - freq[a] })
	var top []string
	for _, r := range letters[:8] {
		top = append(top, fmt.Sprintf("%c=%d", r, freq[r]))
	}
	fmt.Println("top letters:", strings.Join(top, " "))
	idx, found := slices.BinarySearch(slices.Sorted(maps.Keys(seen)), "glean")
	fmt.Println("glean at", idx, found, "distinct words:", len(seen), "max key:", slices.Max(keys))
}
