package tokens

import (
	_ "embed"
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// A class is the set of the split pattern's character classes a rune
// belongs to, one bit each.
type class uint8

const (
	// clsUpper is [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}].
	clsUpper class = 1 << iota
	// clsLower is [\p{Ll}\p{Lm}\p{Lo}\p{M}].
	clsLower
	// clsNumber is \p{N}.
	clsNumber
	// clsSpace is \s, which regexp2 implements with unicode.IsSpace.
	clsSpace
	// clsNewline is [\r\n].
	clsNewline
	// clsPrefix is [^\r\n\p{L}\p{N}], the optional rune before a word.
	clsPrefix
	// clsPunct is [^\s\p{L}\p{N}].
	clsPunct
)

// classOf computes the class of r from the unicode package, as regexp2 does
// when it matches the split pattern. Counting reads classFile instead.
func classOf(r rune) class {
	if r == 0x7f {
		// tiktoken-go's generated matcher tests ASCII against bitmaps
		// that leave DEL out of [^\r\n\p{L}\p{N}] and [^\s\p{L}\p{N}],
		// so DEL belongs to no class: it starts no piece and ends any
		// piece it follows.
		return 0
	}
	var c class
	if unicode.In(r, unicode.Lu, unicode.Lt, unicode.Lm, unicode.Lo, unicode.M) {
		c |= clsUpper
	}
	if unicode.In(r, unicode.Ll, unicode.Lm, unicode.Lo, unicode.M) {
		c |= clsLower
	}
	letter := unicode.In(r, unicode.L)
	number := unicode.In(r, unicode.N)
	space := unicode.IsSpace(r)
	newline := r == '\r' || r == '\n'
	if number {
		c |= clsNumber
	}
	if space {
		c |= clsSpace
	}
	if newline {
		c |= clsNewline
	}
	if !letter && !number && !newline {
		c |= clsPrefix
	}
	if !space && !letter && !number {
		c |= clsPunct
	}
	return c
}

// classFile is classOf for every rune as a two-stage table: a little-endian
// uint16 block number for each run of classBlock runes, then the blocks of
// one class byte per rune. Block 0 covers ASCII. TestTables generates it
// and checks that it agrees with the unicode package of the Go release
// that runs the tests.
//
//go:embed classes.bin
var classFile []byte

const (
	classBlockBits = 7
	classBlock     = 1 << classBlockBits
	classIndexLen  = 2 * (utf8.MaxRune + 1) / classBlock
)

// classBlocks are the class bytes, classBlock runes per block.
var classBlocks = classFile[classIndexLen:]

// asciiClasses is block 0, in an array so that indexing it with a byte
// below utf8.RuneSelf needs no bounds check.
var asciiClasses = [utf8.RuneSelf]byte(classBlocks)

// classAt returns the class of the rune that starts at s[i], and its width.
// s must be valid UTF-8.
func classAt(s string, i int) (class, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return class(asciiClasses[b]), 1
	}
	return classOfMultibyte(s[i:])
}

// classOfMultibyte is classAt for a rune of more than one byte at the start
// of s.
func classOfMultibyte(s string) (class, int) {
	r, n := utf8.DecodeRuneInString(s)
	block := int(binary.LittleEndian.Uint16(classFile[2*(r>>classBlockBits):]))
	return class(classBlocks[block<<classBlockBits|int(r&(classBlock-1))]), n
}
