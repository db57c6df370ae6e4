package exec

import (
	"sync"
	"unicode/utf8"

	"github.com/tiktoken-go/tokenizer/codec"
)

// The o200k vocabulary costs milliseconds to build, so it is built on first
// use, never at start-up.
var (
	codecOnce sync.Once
	o200k     *codec.Codec
)

// CountTokens counts s in o200k tokens, the tokenizer of current models.
func CountTokens(s string) int {
	if s == "" {
		return 0
	}
	codecOnce.Do(func() { o200k = codec.NewO200kBase() })
	if !utf8.ValidString(s) {
		s = toValidUTF8(s)
	}
	n, err := o200k.Count(s)
	if err != nil {
		return len(s) // cannot happen for valid UTF-8; never undercount
	}
	return n
}

func toValidUTF8(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		b = append(b, r)
	}
	return string(b)
}
