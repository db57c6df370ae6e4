package tokens

import (
	"strings"
	"testing"
)

// FuzzCount compares Count and the split with tiktoken-go on arbitrary
// input, valid UTF-8 or not, and on the input read as a string of runes
// from palette, which meets the split pattern's boundaries more often than
// random bytes do.
func FuzzCount(f *testing.F) {
	for _, s := range samples {
		f.Add(s)
	}
	for _, s := range fragments {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSame(t, s)
		checkSame(t, fromPalette(s))
	})
}

// palette holds runes of each class the split pattern tells apart, the
// letters of contractions, and bytes that are not UTF-8.
var palette = []string{
	"a", "z", "s", "t", "l", "d", "m", "r", "v", "e", "ſ", "é", "ß", // Ll
	"A", "Z", "S", "T", "L", "D", "M", "R", "V", "E", "É", // Lu
	"ǅ", "ʰ", "中", "ا", // Lt, Lm, Lo
	"\u0301", "\u0903", "\u20dd", "ि", // Mn, Mc, Me
	"0", "9", "٣", "½", "Ⅻ", // Nd, No, Nl
	" ", "\t", "\n", "\r", "\v", "\f", "\u0085", "\u00a0", "\u2028", "\u3000",
	"'", "’", "!", ".", "/", "\\", "-", "_", "\"", "<", "|", ">", "$", "🙂", "\u200d",
	"\x7f", "\x00", "\x1f", "\xff", "\xc3", "\xe2\x82",
}

// fromPalette maps each byte of s to a palette entry.
func fromPalette(s string) string {
	var b strings.Builder
	for i := range len(s) {
		b.WriteString(palette[int(s[i])%len(palette)])
	}
	return b.String()
}
