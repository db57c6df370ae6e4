// Strings, bytes and runes: ranging over UTF-8, conversions, unicode.
package main

import (
	"fmt"
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

func main() {
	s := "héllo, 世界"
	for i, r := range s {
		if r > 127 {
			fmt.Print(i, ":", string(r), " ")
		}
	}
	fmt.Println()
	fmt.Println(len(s), utf8.RuneCountInString(s), reverse(s))
	upper := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToUpper(r)
		}
		return r
	}, s)
	fmt.Println(upper)
	b := []byte("abc")
	b[0] = 'A'
	fmt.Println(string(b), b, s[1], s[1:3])
	fmt.Printf("%c %U %d\n", 'é', '世', '世')
}
