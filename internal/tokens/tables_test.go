package tokens

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"testing"
	"unicode/utf8"

	"github.com/tiktoken-go/tokenizer/codec"
)

var update = flag.Bool("u", false, "regenerate the embedded tables")

// TestTables checks that the embedded tables are what the generators below
// produce now, from tiktoken-go's vocabulary and the unicode package; with
// -u it rewrites them.
func TestTables(t *testing.T) {
	tests := []struct {
		file     string
		embedded []byte
		build    func(*testing.T) []byte
	}{
		{"o200k_base.bin", vocabFile, buildVocabFile},
		{"classes.bin", classFile, buildClassFile},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want := tt.build(t)
			if *update {
				if err := os.WriteFile(tt.file, want, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(tt.embedded, want) {
				t.Errorf("%s is stale (%d bytes, want %d): run go generate ./internal/tokens", tt.file, len(tt.embedded), len(want))
			}
		})
	}
}

// o200kTokens returns the bytes of every o200k_base token, indexed by rank.
func o200kTokens(t *testing.T) []string {
	t.Helper()
	c := codec.NewO200kBase()
	var tokens []string
	for id := 0; ; id++ {
		tok, err := c.Decode([]uint{uint(id)})
		if err != nil {
			break
		}
		tokens = append(tokens, tok)
	}
	if len(tokens) != 199998 {
		t.Fatalf("o200k_base has %d dense ranks, want 199998", len(tokens))
	}
	return tokens
}

// vocabSlotBits sizes the hash table at 2^18 slots for the 195,000 tokens
// longer than two bytes. A load of 0.74 keeps a miss, the common case when
// merging, within a cache line or two, and keeps the table at 2 MB: a fresh
// process pays for each page it touches, so a smaller table makes the first
// count cheaper.
const vocabSlotBits = 18

func buildVocabFile(t *testing.T) []byte {
	tokens := o200kTokens(t)
	seen := make(map[string]bool, len(tokens))
	for _, tok := range tokens {
		if seen[tok] {
			t.Fatalf("token %q appears twice", tok)
		}
		seen[tok] = true
	}
	for b := range 256 {
		if !seen[string([]byte{byte(b)})] {
			t.Fatalf("byte %#x is not a token", b)
		}
	}
	if len(tokens) >= 1<<rankBits {
		t.Fatalf("%d tokens do not fit in %d bits", len(tokens), rankBits)
	}
	data, err := encodeVocab(tokens, vocabSlotBits)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// encodeVocab lays tokens, indexed by rank, out as vocabFile describes.
func encodeVocab(tokens []string, slotBits uint32) ([]byte, error) {
	pairs := make([]uint32, 1<<16)
	for i := range pairs {
		pairs[i] = noRank
	}
	mask := uint64(1)<<slotBits - 1
	slots := make([]uint64, 1<<slotBits)
	var blob []byte
	for r, tok := range tokens {
		switch {
		case len(tok) == 2:
			pairs[uint(tok[0])|uint(tok[1])<<8] = uint32(r)
			continue
		case len(tok) < 2:
			continue
		case len(tok) > 1<<lengthBits:
			return nil, fmt.Errorf("token %d is %d bytes, more than %d", r, len(tok), 1<<lengthBits)
		}
		slot := uint64(r+1) | uint64(len(blob))<<rankBits | uint64(len(tok)-1)<<(rankBits+offsetBits)
		h := hash(tok)
		slot |= h >> (64 - fingerprintBits) << (64 - fingerprintBits)
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = slot
		blob = append(blob, tok...)
	}
	if len(blob) > 1<<offsetBits {
		return nil, fmt.Errorf("%d bytes of tokens do not fit in %d bits of offset", len(blob), offsetBits)
	}

	out := []byte(vocabMagic)
	out = binary.LittleEndian.AppendUint32(out, slotBits)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(blob)))
	for _, r := range pairs {
		out = binary.LittleEndian.AppendUint32(out, r)
	}
	for _, s := range slots {
		out = binary.LittleEndian.AppendUint64(out, s)
	}
	return append(out, blob...), nil
}

// TestVocabLookup looks every token up, and strings that are not tokens.
func TestVocabLookup(t *testing.T) {
	tokens := o200kTokens(t)
	isToken := make(map[string]bool, len(tokens))
	for r, tok := range tokens {
		isToken[tok] = true
		if len(tok) < 2 {
			continue
		}
		if got := vocab.rank(tok); got != uint32(r) {
			t.Fatalf("rank(%q) = %d, want %d", tok, got, r)
		}
	}
	for _, tok := range tokens[:20000] {
		for _, s := range []string{tok + "\x00", "\xff" + tok, tok + tok} {
			if got := vocab.rank(s); !isToken[s] && got != noRank {
				t.Fatalf("rank(%q) = %d, want none", s, got)
			}
		}
	}
}

func buildClassFile(t *testing.T) []byte {
	var index, blocks []byte
	numbers := map[string]uint16{}
	for start := rune(0); start <= utf8.MaxRune; start += classBlock {
		block := make([]byte, classBlock)
		for i := range block {
			block[i] = byte(classOf(start + rune(i)))
		}
		n, ok := numbers[string(block)]
		if !ok {
			n = uint16(len(numbers))
			numbers[string(block)] = n
			blocks = append(blocks, block...)
		}
		index = binary.LittleEndian.AppendUint16(index, n)
	}
	if len(index) != classIndexLen {
		t.Fatalf("class index is %d bytes, want %d", len(index), classIndexLen)
	}
	return append(index, blocks...)
}
