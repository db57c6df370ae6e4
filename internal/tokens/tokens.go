// Package tokens counts o200k_base tokens, the encoding of OpenAI's GPT-4o
// and later models, so that airlock can keep a summary within its budget
// and report how much tool data stayed out of the model's context.
//
// Counts are exactly those of github.com/tiktoken-go/tokenizer's o200k_base
// codec (in its default error mode), which the tests check. Unlike that
// codec, nothing is built before the first count: the vocabulary is a hash
// table embedded in the binary and read in place, and the split pattern is
// matched by hand rather than by a backtracking regular expression engine.
//
// One piece longer than longPiece (a run of letters with no space, say 60
// MB of "x") is estimated from its first longPiece bytes, scaled to its
// length: merging it whole costs n log n time and memory per byte, which
// would let a program's output cost the parent far more than it cost the
// program. Text of ordinary words, numbers and punctuation has no such
// piece and is counted exactly.
//
// tiktoken-go departs from OpenAI's tiktoken in two corners, and Count
// follows it there: it skips DEL (U+007F), which then counts as no token,
// and it splits a run of spaces that holds several line breaks after the
// first ones ("\n \n" is two tokens, not one).
package tokens

import (
	"strings"
	"unicode/utf8"
)

//go:generate go test -run TestTables -u

// Count returns the number of o200k_base tokens in s. Special tokens such as
// "<|endoftext|>" count as ordinary text. Each byte of invalid UTF-8 counts
// as U+FFFD, as it does in tiktoken-go. Count is safe for concurrent use.
func Count(s string) int {
	if errVocab != nil {
		panic(errVocab)
	}
	if !utf8.ValidString(s) {
		s = replaceInvalid(s)
	}
	var cache *pieceCache
	if len(s) >= cacheFrom {
		cache = new(pieceCache)
	}
	n := 0
	for i := 0; i < len(s); {
		end, ok := pieceEnd(s, i)
		if ok && end-i > longPiece {
			n += estimateLong(s[i:end])
		} else if ok {
			n += countPiece(s[i:end], cache)
		}
		i = end
	}
	return n
}

// longPiece is the longest piece Count merges whole; see the package
// comment.
const longPiece = 64 << 10

// estimateLong estimates the tokens of a piece longer than longPiece from
// those of its first longPiece bytes (cut at a rune boundary), scaled to
// its length and rounded up.
func estimateLong(piece string) int {
	cut := longPiece
	for cut > 0 && !utf8.RuneStart(piece[cut]) {
		cut--
	}
	head := countPiece(piece[:cut], nil)
	return int((int64(head)*int64(len(piece)) + int64(cut) - 1) / int64(cut))
}

// cacheFrom is the input length from which Count remembers the pieces it
// merged: below it, clearing the cache would cost more than it saves.
const cacheFrom = 16 << 10

// replaceInvalid replaces each byte of s that is not part of a valid UTF-8
// sequence with U+FFFD, as converting s to []rune does.
func replaceInvalid(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
