package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func classify(r rune) string {
	switch {
	case unicode.IsUpper(r):
		return "upper"
	case unicode.IsLower(r):
		return "lower"
	case unicode.IsDigit(r):
		return "digit"
	case unicode.IsSpace(r):
		return "space"
	case unicode.IsPunct(r):
		return "punct"
	case unicode.IsSymbol(r):
		return "symbol"
	case unicode.IsLetter(r):
		return "letter"
	}
	return "other"
}

func main() {
	s := "Grüße, 世界! 👋🏽 naïve café"
	fmt.Println(len(s), utf8.RuneCountInString(s), len([]rune(s)), len([]byte(s)))
	for i, r := range "aé世👋" {
		fmt.Printf("byte %2d: %q U+%04X size=%d\n", i, r, r, utf8.RuneLen(r))
	}
	counts := map[string]int{}
	for _, r := range s {
		counts[classify(r)]++
	}
	ks := make([]string, 0)
	for k := range counts {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		fmt.Printf("%s=%d ", k, counts[k])
	}
	fmt.Println()
	fmt.Println(reverse("héllo, 世界"))
	fmt.Println(strings.ToUpper(s), strings.ToLower("ÀÉÎ"), strings.Title("x"))
	// s[:3] would end inside a rune: output that is not UTF-8 reaches the
	// summary as U+FFFD (counted in output_not_utf8), so print it quoted.
	fmt.Printf("%v %v %q %v %q\n", s[1], s[2], s[2:4], string(s[2]), s[:3])
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), b)
	r := []rune("ñandú")
	r[0] = unicode.ToUpper(r[0])
	fmt.Println(string(r), r)
	fmt.Println(string(rune(65)), string(rune(0x4e16)), string(rune(-1)), []byte("€"))
	invalid := "ok\xffbad\xc3"
	for i, r := range invalid {
		fmt.Printf("%d:%q ", i, r)
	}
	fmt.Println(utf8.ValidString(invalid), utf8.ValidString(s))
	fmt.Println(strings.ToValidUTF8(invalid, "?"))
	rr, size := utf8.DecodeRuneInString("世界")
	lr, lsize := utf8.DecodeLastRuneInString("世界")
	fmt.Println(string(rr), size, string(lr), lsize)
	buf := utf8.AppendRune(nil, '界')
	fmt.Println(buf, utf8.FullRune(buf[:2]))
	fmt.Println(strings.EqualFold("Straße", "STRASSE"), strings.EqualFold("Gö", "GÖ"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Han, r) {
			return '#'
		}
		if r == 'e' {
			return -1
		}
		return r
	}, "hello 世界 there"))
	fmt.Println(strings.IndexRune(s, '世'), strings.Index(s, "界"), strings.IndexByte(s, '!'), strings.LastIndex(s, "é"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Fields(" a\tb\u00a0c\n"))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("k=v=w", "=", 2))
	fmt.Printf("%q\n", strings.SplitAfter("1.2.3", "."))
	fmt.Println(strings.TrimFunc("¡¡Hola!!", unicode.IsPunct), strings.TrimLeft("xxabcxx", "x"), strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	before, after, found := strings.Cut("user@example.com", "@")
	fmt.Println(before, after, found)
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("banana", "na", "NA"))
	rep := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(rep.Replace("<a & b>"))
	var bytesum int
	for i := 0; i < len("日本"); i++ {
		bytesum += int("日本"[i])
	}
	fmt.Println(bytesum, 'A'+'b', string(rune('A'+2)))
	width := 0
	for _, r := range "ab世界c" {
		if r > 0x2E80 {
			width += 2
		} else {
			width++
		}
	}
	fmt.Println("display width", width)
	fmt.Printf("%-8s|%8s|\n", "世界", "日本語")
	fmt.Printf("%5.1q %x % X\n", "世界", "世", []byte("é"))
}
