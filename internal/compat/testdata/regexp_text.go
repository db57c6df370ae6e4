// Regular expressions and text processing.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

var emailRe = regexp.MustCompile(`([a-z]+)@([a-z]+)\.com`)

func main() {
	text := "contact ann@example.com or bob@test.com today"
	fmt.Println(emailRe.FindAllString(text, -1))
	for _, m := range emailRe.FindAllStringSubmatch(text, -1) {
		fmt.Println(m[1], m[2])
	}
	fmt.Println(emailRe.ReplaceAllString(text, "<$1>"))
	fmt.Println(emailRe.MatchString("nobody"))
	words := strings.FieldsFunc("a-b_c d", func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	fmt.Println(words, len(words))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.TrimFunc("xxhixx", func(r rune) bool { return r == 'x' }))
}
