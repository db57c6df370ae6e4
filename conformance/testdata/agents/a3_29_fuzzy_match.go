package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func similarity(a, b string) float64 {
	la, lb := len([]rune(a)), len([]rune(b))
	if la == 0 && lb == 0 {
		return 1
	}
	return 1 - float64(levenshtein(a, b))/float64(max(la, lb))
}

var replacer = strings.NewReplacer(
	"&", " and ",
	"St.", "Street",
	"Ave.", "Avenue",
	"Inc.", "",
	"Ltd", "",
	"-", " ",
)

var fold = map[rune]rune{'é': 'e', 'è': 'e', 'ü': 'u', 'ö': 'o', 'ä': 'a', 'ñ': 'n', 'ç': 'c', 'å': 'a', 'ß': 's'}

func normalize(s string) string {
	s = replacer.Replace(s)
	words := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, w := range words {
		rs := []rune(strings.ToLower(w))
		for j, r := range rs {
			if f, ok := fold[r]; ok {
				rs[j] = f
			}
		}
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}

type match struct {
	Canonical string
	Score     float64
	Dist      int
}

func main() {
	canonical := []string{"Acme Corporation", "Globex", "Initech", "Umbrella Pharmaceuticals", "Müller & Söhne", "Café Olé", "Stark Industries", "Wayne Enterprises"}
	inputs := []string{"ACME Corp.", "acme corporation inc.", "Globex Inc.", "Initrode", "umbrela pharma", "Mueller and Sohne", "Muller & Sohne", "cafe ole", "Stark Ind.", "Wayne-Enterprises Ltd", "Totally Unknown"}
	normCanon := make([]string, len(canonical))
	for i, c := range canonical {
		normCanon[i] = normalize(c)
	}
	for _, in := range inputs {
		n := normalize(in)
		var ms []match
		for i, c := range normCanon {
			ms = append(ms, match{canonical[i], similarity(n, c), levenshtein(n, c)})
		}
		sort.Slice(ms, func(i, j int) bool {
			if ms[i].Score != ms[j].Score {
				return ms[i].Score > ms[j].Score
			}
			return ms[i].Canonical < ms[j].Canonical
		})
		best := ms[0]
		verdict := "NO MATCH"
		if best.Score >= 0.75 {
			verdict = "MATCH"
		} else if best.Score >= 0.5 {
			verdict = "REVIEW"
		}
		fmt.Printf("%-24q -> %-26q %-8s %.3f (d=%d) next=%s\n", in, best.Canonical, verdict, best.Score, best.Dist, ms[1].Canonical)
	}
	pairs := [][2]string{{"kitten", "sitting"}, {"flaw", "lawn"}, {"", "abc"}, {"日本語", "日本"}, {"résumé", "resume"}, {"same", "same"}}
	for _, p := range pairs {
		fmt.Printf("lev(%q,%q)=%d sim=%.4f\n", p[0], p[1], levenshtein(p[0], p[1]), similarity(p[0], p[1]))
	}
	// unicode classification of a mixed string
	sample := "Hello, Wörld! 123 ½ ٣ Ⅻ\t日本 🙂 $€ _-"
	classes := map[string]int{}
	for _, r := range sample {
		switch {
		case unicode.IsUpper(r):
			classes["upper"]++
		case unicode.IsLower(r):
			classes["lower"]++
		case unicode.IsLetter(r):
			classes["other-letter"]++
		case unicode.IsDigit(r):
			classes["digit"]++
		case unicode.IsNumber(r):
			classes["number"]++
		case unicode.IsSpace(r):
			classes["space"]++
		case unicode.IsPunct(r):
			classes["punct"]++
		case unicode.IsSymbol(r):
			classes["symbol"]++
		default:
			classes["other"]++
		}
	}
	keys := make([]string, 0, len(classes))
	for k := range classes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, classes[k])
	}
	fmt.Println()
	fmt.Println(strings.Fields("  a\tb\n c  "), len(strings.Fields("")), strings.Title("x"), unicode.In('é', unicode.Latin), unicode.Is(unicode.Han, '日'))
	fmt.Printf("%q\n", replacer.Replace("Smith & Sons Ltd, 5th Ave. & Main St."))
}
