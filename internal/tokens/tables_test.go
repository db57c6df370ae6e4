package tokens

import (
	"bytes"
	"encoding/binary"
	"flag"
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
// longer than two bytes: a load of 0.74 keeps a miss, the common case when
// merging, within a cache line or two, and the slots within 1 MB.
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
	return encodeVocab(tokens, vocabSlotBits)
}

// encodeVocab lays tokens, indexed by rank, out as vocabFile describes.
func encodeVocab(tokens []string, slotBits uint32) []byte {
	pairs := make([]uint32, 1<<16)
	for i := range pairs {
		pairs[i] = noRank
	}
	mask := uint64(1)<<slotBits - 1
	slots := make([]uint32, 1<<slotBits)
	for r, tok := range tokens {
		switch {
		case len(tok) == 2:
			pairs[uint(tok[0])|uint(tok[1])<<8] = uint32(r)
		case len(tok) > 2:
			h := hash(tok)
			i := h & mask
			for slots[i] != 0 {
				i = (i + 1) & mask
			}
			slots[i] = uint32(r+1) | uint32(h>>(64-fingerprintBits))<<rankBits
		}
	}

	blobLen := 0
	for _, tok := range tokens {
		blobLen += len(tok)
	}
	out := []byte(vocabMagic)
	for _, v := range []uint32{slotBits, uint32(len(tokens)), uint32(blobLen)} {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	for _, r := range pairs {
		out = binary.LittleEndian.AppendUint32(out, r)
	}
	for _, s := range slots {
		out = binary.LittleEndian.AppendUint32(out, s)
	}
	offset := 0
	for _, tok := range tokens {
		out = binary.LittleEndian.AppendUint32(out, uint32(offset))
		offset += len(tok)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(offset))
	for _, tok := range tokens {
		out = append(out, tok...)
	}
	return out
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
