package verify

import (
	"sort"
	"unicode/utf8"
)

// A rule is written as a YAML scalar: plain, quoted or a block. expr reports
// errors as an offset into the decoded rule; the policy author needs the
// line and column in the file. This file maps one to the other.

// scalarStyle is how a rule is written in the policy file.
type scalarStyle byte

const (
	stylePlain  scalarStyle = 'p'
	styleSingle scalarStyle = '\''
	styleDouble scalarStyle = '"'
	styleBlock  scalarStyle = '|' // literal (|) or folded (>)
)

// scalar is a YAML scalar holding a rule.
type scalar struct {
	value     string
	style     scalarStyle
	line, col int // of the first character, or of the block header (| or >)
}

// lineIndex maps byte offsets in a file to 1-based lines and columns.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts}
}

// offset returns the byte offset of a 1-based line and column (in runes),
// clamped to the file and to the line.
func (x *lineIndex) offset(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.starts) {
		return len(x.src)
	}
	i := x.starts[line-1]
	for ; col > 1 && i < len(x.src) && x.src[i] != '\n'; col-- {
		_, size := utf8.DecodeRune(x.src[i:])
		i += size
	}
	return i
}

// position returns the 1-based line and column (in runes) of a byte offset.
func (x *lineIndex) position(off int) (line, col int) {
	off = min(max(off, 0), len(x.src))
	line = sort.Search(len(x.starts), func(i int) bool { return x.starts[i] > off })
	start := x.starts[line-1]
	return line, utf8.RuneCount(x.src[start:off]) + 1
}

// locate returns the file position of the rune at index target of the
// scalar's decoded value.
//
// It walks the raw text and the decoded value side by side: each decoded
// rune consumes the raw text that produced it (a character, an escape
// sequence, a doubled quote, or a line break folded into a space), and raw
// text that produces nothing (indentation, escaped line breaks) is skipped.
func (x *lineIndex) locate(s scalar, target int) (line, col int) {
	flow := s.style != styleBlock
	i := x.offset(s.line, s.col)
	indent := 0
	atLineStart := false
	switch s.style {
	case styleSingle, styleDouble:
		i++ // the opening quote
	case styleBlock:
		i = x.offset(s.line+1, 1)
		indent = x.blockIndent(i)
		atLineStart = true
	}

	value := []rune(s.value)
	target = min(max(target, 0), len(value))
	for k := 0; k < len(value); k++ {
		d := value[k]
		for {
			if i >= len(x.src) {
				return x.position(len(x.src))
			}
			if atLineStart {
				atLineStart = false
				for n := 0; i < len(x.src) && (x.src[i] == ' ' || flow && x.src[i] == '\t') && (flow || n < indent); n++ {
					i++
				}
				continue
			}
			c := x.src[i]
			if s.style == styleDouble && c == '\\' && i+1 < len(x.src) {
				if next := x.src[i+1]; next == '\n' || next == '\r' {
					i = skipLineBreak(x.src, i+1)
					atLineStart = true
					continue
				}
				if k == target {
					return x.position(i)
				}
				i += escapeLen(x.src[i:])
				break
			}
			if s.style == styleSingle && c == '\'' && d == '\'' && i+1 < len(x.src) && x.src[i+1] == '\'' {
				if k == target {
					return x.position(i)
				}
				i += 2
				break
			}
			r, size := utf8.DecodeRune(x.src[i:])
			lineBreak := c == '\n' || c == '\r'
			if r == d || lineBreak && (d == ' ' || d == '\n') {
				if k == target {
					return x.position(i)
				}
				if lineBreak {
					i = skipLineBreak(x.src, i)
					atLineStart = true
				} else {
					i += size
				}
				break
			}
			// Raw text with no counterpart in the value.
			if lineBreak {
				i = skipLineBreak(x.src, i)
				atLineStart = true
			} else {
				i += size
			}
		}
	}
	return x.position(i)
}

// blockIndent returns the indentation of the first non-empty line of a
// block scalar whose content starts at byte offset i.
func (x *lineIndex) blockIndent(i int) int {
	n := 0
	for i < len(x.src) {
		switch x.src[i] {
		case ' ':
			n++
		case '\n':
			n = 0
		case '\r':
		default:
			return n
		}
		i++
	}
	return n
}

// skipLineBreak returns the offset after the line break at i ("\n", "\r\n"
// or "\r").
func skipLineBreak(src []byte, i int) int {
	if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// escapeLen returns the length of the double-quoted escape sequence at the
// start of raw, which begins with a backslash.
func escapeLen(raw []byte) int {
	n := 2
	if len(raw) > 1 {
		switch raw[1] {
		case 'x':
			n = 4
		case 'u':
			n = 6
		case 'U':
			n = 10
		}
	}
	return min(n, len(raw))
}
