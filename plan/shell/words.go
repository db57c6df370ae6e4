package shell

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"mvdan.cc/sh/v3/syntax"
)

// literal returns the one field w expands to when that is known before run
// time: w is made of plain text and quotes only, and nothing in it is
// subject to globbing, brace or tilde expansion.
func literal(w *syntax.Word) (string, bool) {
	var b strings.Builder
	var braces braceState
	assignLike := false // NAME=... takes tildes after = and :
	for i, part := range w.Parts {
		switch part := part.(type) {
		case *syntax.Lit:
			if i == 0 {
				if name, _, ok := strings.Cut(part.Value, "="); ok && syntax.ValidName(name) {
					assignLike = true
				}
			}
			if !unquoted(&b, part.Value, i == 0, assignLike, &braces) {
				return "", false
			}
		case *syntax.SglQuoted:
			if !part.Dollar {
				b.WriteString(part.Value)
			} else if s, ok := ansiC(part.Value); ok {
				b.WriteString(s)
			} else {
				return "", false
			}
		case *syntax.DblQuoted:
			if part.Dollar { // $"..." is translated by locale
				return "", false
			}
			for _, p := range part.Parts {
				lit, ok := p.(*syntax.Lit)
				if !ok {
					return "", false
				}
				doubleQuoted(&b, lit.Value)
			}
		default:
			return "", false
		}
	}
	if braces.expands() {
		return "", false
	}
	return b.String(), true
}

// braceState follows unquoted braces: {a,b} and {1..3} expand to several
// words.
type braceState struct{ open, sep, close bool }

func (s *braceState) expands() bool { return s.open && s.sep && s.close }

// unquoted appends the unquoted text s with its backslashes resolved, and
// reports false when the shell would expand it.
func unquoted(b *strings.Builder, s string, first, assignLike bool, braces *braceState) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			i++
			if i < len(s) && s[i] != '\n' {
				b.WriteByte(s[i])
			}
			continue
		case '*', '?':
			return false
		case '[':
			if strings.IndexByte(s[i+1:], ']') >= 0 {
				return false
			}
		case '~':
			if first && i == 0 || assignLike && i > 0 && (s[i-1] == '=' || s[i-1] == ':') {
				return false
			}
		case '{':
			braces.open = true
		case ',':
			braces.sep = braces.sep || braces.open
		case '.':
			if i+1 < len(s) && s[i+1] == '.' {
				braces.sep = braces.sep || braces.open
			}
		case '}':
			braces.close = braces.close || braces.sep
		}
		b.WriteByte(c)
	}
	return true
}

// doubleQuoted appends text from within double quotes, where a backslash
// only escapes $ ` " \ and newline.
func doubleQuoted(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '$', '`', '"', '\\':
				i++
				c = s[i]
			case '\n':
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
}

// ansiC decodes the body of a $'...' string. A NUL ends the string in bash:
// such strings are reported as not known.
func ansiC(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '\\', '\'', '"', '?':
			b.WriteByte(e)
		case 'c':
			if i+1 >= len(s) {
				b.WriteString(`\c`)
				break
			}
			i++
			ctl := s[i] & 0x1f
			if s[i] == '\\' && i+1 < len(s) && s[i+1] == '\\' {
				i++
			}
			if ctl == 0 {
				return "", false
			}
			b.WriteByte(ctl)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			n, j := 0, i
			for ; j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7'; j++ {
				n = n*8 + int(s[j]-'0')
			}
			i = j - 1
			if n&0xff == 0 {
				return "", false
			}
			b.WriteByte(byte(n))
		case 'x', 'u', 'U':
			digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			j := i + 1
			for j < len(s) && j < i+1+digits && isHex(s[j]) {
				j++
			}
			if j == i+1 {
				b.WriteByte('\\')
				b.WriteByte(e)
				break
			}
			n, err := strconv.ParseUint(s[i+1:j], 16, 32)
			if err != nil || n == 0 {
				return "", false
			}
			i = j - 1
			if e == 'x' {
				b.WriteByte(byte(n))
			} else if r := rune(n); utf8.ValidRune(r) {
				b.WriteRune(r)
			} else {
				return "", false
			}
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
