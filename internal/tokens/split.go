package tokens

import "unicode/utf8"

// pieceEnd returns where the piece that starts at s[i] ends. s must be valid
// UTF-8. Pieces are the matches of o200k_base's split pattern
//
//	[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
//	|\p{N}{1,3}
//	| ?[^\s\p{L}\p{N}]+[\r\n/]*
//	|\s*[\r\n]+
//	|\s+(?!\S)
//	|\s+
//
// as tiktoken-go's regexp2 engine finds them: alternatives in order, greedy
// loops that back off one rune at a time. Every rune but DEL (see classOf)
// starts some alternative; for DEL, pieceEnd returns the end of the rune
// and false, and the matcher moves on to the next rune.
func pieceEnd(s string, i int) (int, bool) {
	c, n := classAt(s, i)
	if c&(clsPrefix|clsUpper|clsLower) != 0 {
		if end, ok := word(s, i, c, n); ok {
			return contraction(s, end), true
		}
	}
	if c&clsNumber != 0 {
		end := i + n
		for k := 1; k < 3 && end < len(s); k++ {
			c, n := classAt(s, end)
			if c&clsNumber == 0 {
				break
			}
			end += n
		}
		return end, true
	}
	if end, ok := punct(s, i); ok {
		return end, true
	}
	if c&clsSpace != 0 {
		return space(s, i), true
	}
	return i + n, false
}

// word matches the first two alternatives without their contraction: an
// optional prefix rune, then a run of "upper" and "lower" runes. c and n
// are the class and width of the rune at s[i].
func word(s string, i int, c class, n int) (int, bool) {
	// [^\r\n\p{L}\p{N}]?[upper]*[lower]+: the prefix is greedy, so the
	// match without it is tried only when the match with it fails.
	if c&clsPrefix != 0 {
		if end, ok := upperLower(s, i+n); ok {
			return end, true
		}
	}
	if end, ok := upperLower(s, i); ok {
		return end, true
	}
	// [^\r\n\p{L}\p{N}]?[upper]+[lower]*: the lower run cannot fail, so
	// the prefix is dropped only when no upper rune follows it.
	if c&clsPrefix != 0 {
		if end := run(s, i+n, clsUpper); end > i+n {
			return run(s, end, clsLower), true
		}
	}
	if c&clsUpper != 0 {
		return run(s, run(s, i, clsUpper), clsLower), true
	}
	return 0, false
}

// upperLower matches [upper]*[lower]+ at s[j]. The upper loop is greedy and
// "upper" and "lower" share \p{Lm}, \p{Lo} and \p{M}, so the lower run
// starts at the last rune, up to and including the one after the upper run,
// that is lower.
func upperLower(s string, j int) (int, bool) {
	lastLower := -1
	for k := j; k < len(s); {
		c, n := classAt(s, k)
		if c&clsLower != 0 {
			lastLower = k
		}
		if c&clsUpper == 0 {
			break
		}
		k += n
	}
	if lastLower < 0 {
		return 0, false
	}
	return run(s, lastLower, clsLower), true
}

// contraction extends a word that ends at s[end] over a following
// (?i:'s|'t|'re|'ve|'m|'ll|'d). Case folding makes 's' also match U+017F
// (ſ, long s).
func contraction(s string, end int) int {
	if end+1 >= len(s) || s[end] != '\'' {
		return end
	}
	switch s[end+1] {
	case 's', 'S', 't', 'T', 'm', 'M', 'd', 'D':
		return end + 2
	case 'r', 'R', 'v', 'V':
		if end+2 < len(s) && s[end+2]|0x20 == 'e' {
			return end + 3
		}
	case 'l', 'L':
		if end+2 < len(s) && s[end+2]|0x20 == 'l' {
			return end + 3
		}
	case 0xc5: // ſ is "\xc5\xbf"
		if end+2 < len(s) && s[end+2] == 0xbf {
			return end + 3
		}
	}
	return end
}

// punct matches ` ?[^\s\p{L}\p{N}]+[\r\n/]*` at s[i].
func punct(s string, i int) (int, bool) {
	j := i
	if s[j] == ' ' {
		j++
	}
	end := run(s, j, clsPunct)
	if end == j {
		return 0, false
	}
	for end < len(s) && (s[end] == '\r' || s[end] == '\n' || s[end] == '/') {
		end++
	}
	return end, true
}

// space matches the last three alternatives at s[i], a space rune.
//
// \s*[\r\n]+ should end after the last newline of the run of spaces, but
// tiktoken-go's generated matcher backs the \s* loop off to the first
// newline instead, so "\n \n" splits into "\n" and " \n". Counting follows
// tiktoken-go: the piece ends after the newlines that start at the first
// one.
func space(s string, i int) int {
	last := i // start of the last space rune seen
	end := i
	for end < len(s) {
		c, n := classAt(s, end)
		if c&clsSpace == 0 {
			break
		}
		if c&clsNewline != 0 {
			for end < len(s) && (s[end] == '\r' || s[end] == '\n') {
				end++
			}
			return end
		}
		last = end
		end += n
	}
	// \s+(?!\S) leaves the last space to the next piece when a non-space
	// follows; a lone space falls through to \s+.
	if end < len(s) && last > i {
		return last
	}
	return end
}

// run returns the end of the run of runes of class want that starts at s[i].
func run(s string, i int, want class) int {
	for i < len(s) {
		// classAt, inlined by hand for ASCII: this loop is the hot one.
		if b := s[i]; b < utf8.RuneSelf {
			if class(asciiClasses[b])&want == 0 {
				return i
			}
			i++
			continue
		}
		c, n := classOfMultibyte(s[i:])
		if c&want == 0 {
			return i
		}
		i += n
	}
	return i
}
