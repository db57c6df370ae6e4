package tokens

import (
	_ "embed"
	"encoding/binary"
	"errors"
)

// vocabFile is the o200k_base vocabulary laid out so that lookups read the
// embedded bytes in place: nothing is built when the program starts or
// first counts. Counting only needs the rank of tokens of two bytes or
// more: every single byte is a token.
//
// Integers are little-endian uint32s:
//
//	header   "o2kv", slot count log2, token count n, blob length
//	pairs    65536 ranks: that of the two-byte token b0 b1 at b0 | b1<<8,
//	         or noRank
//	slots    a hash table of the longer tokens, open addressing with
//	         linear probing; a slot is 0 when empty, or holds rank+1 in its
//	         low rankBits bits and a fingerprint of the token's hash above
//	offsets  n+1 entries: token r is blob[offsets[r]:offsets[r+1]]
//	blob     the tokens' bytes in rank order
//
// A fresh process pays for each page of the table it touches, so the
// layout is compact, and the offsets and bytes of the most frequent tokens,
// which have the lowest ranks, share a few pages.
//
// TestTables generates it from tiktoken-go's vocabulary and checks that the
// committed file is current.
//
//go:embed o200k_base.bin
var vocabFile []byte

const (
	vocabMagic  = "o2kv"
	vocabHeader = 16
	pairsLen    = 4 << 16

	// rankBits holds rank+1 for the 199,998 ranks of o200k_base; the
	// other 14 bits of a slot hold a fingerprint that spares nearly all
	// byte comparisons.
	rankBits        = 18
	fingerprintBits = 32 - rankBits
)

// vocab is the parsed layout of vocabFile. A malformed file leaves it empty
// and sets errVocab, which Count panics with: at init, the panic would also
// stop go generate from writing a good file.
var vocab, errVocab = parseVocab(vocabFile)

type vocabTable struct {
	pairs, slots, offsets, blob []byte
	mask                        uint64
}

// parseVocab slices data into its sections; it reads only the header.
func parseVocab(data []byte) (vocabTable, error) {
	malformed := errors.New("tokens: malformed vocabulary table; run go generate")
	if len(data) < vocabHeader || string(data[:4]) != vocabMagic {
		return vocabTable{}, malformed
	}
	slotBits := binary.LittleEndian.Uint32(data[4:])
	n := int(binary.LittleEndian.Uint32(data[8:]))
	blobLen := int(binary.LittleEndian.Uint32(data[12:]))
	pairsEnd := vocabHeader + pairsLen
	slotsEnd := pairsEnd + 4<<slotBits
	offsetsEnd := slotsEnd + 4*(n+1)
	if slotBits > 24 || len(data) != offsetsEnd+blobLen {
		return vocabTable{}, malformed
	}
	return vocabTable{
		pairs:   data[vocabHeader:pairsEnd],
		slots:   data[pairsEnd:slotsEnd],
		offsets: data[slotsEnd:offsetsEnd],
		blob:    data[offsetsEnd:],
		mask:    1<<slotBits - 1,
	}, nil
}

// rank returns the rank of the token s, of two bytes or more, or noRank.
func (v *vocabTable) rank(s string) uint32 {
	if len(s) == 2 {
		return binary.LittleEndian.Uint32(v.pairs[4*(uint(s[0])|uint(s[1])<<8):])
	}
	return v.find(s, hash(s))
}

// find looks s, of three bytes or more, up in the hash table, given its hash.
func (v *vocabTable) find(s string, h uint64) uint32 {
	fingerprint := uint32(h >> (64 - fingerprintBits))
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		slot := binary.LittleEndian.Uint32(v.slots[4*i:])
		if slot == 0 {
			return noRank
		}
		if slot>>rankBits != fingerprint {
			continue
		}
		r := slot&(1<<rankBits-1) - 1
		if string(v.token(r)) == s {
			return r
		}
	}
}

// token returns the bytes of the token with rank r.
func (v *vocabTable) token(r uint32) []byte {
	start := binary.LittleEndian.Uint32(v.offsets[4*r:])
	end := binary.LittleEndian.Uint32(v.offsets[4*r+4:])
	return v.blob[start:end]
}

// hash is a fixed hash of s: the table is generated once, so it cannot use
// a per-process seed. Its top bits are the fingerprint, its low bits the
// slot. Strings of the same length up to 8 bytes never collide.
func hash(s string) uint64 {
	const mul = 0xbf58476d1ce4e5b9
	n := len(s)
	h := 0x9e3779b97f4a7c15 ^ uint64(n)
	switch {
	case n > 8:
		for i := 0; i < n-8; i += 8 {
			h = (h ^ load64(s[i:])) * mul
			h ^= h >> 31
		}
		h ^= load64(s[n-8:])
	case n >= 4:
		h ^= uint64(load32(s)) | uint64(load32(s[n-4:]))<<32
	case n > 0:
		h ^= uint64(s[0]) | uint64(s[n/2])<<8 | uint64(s[n-1])<<16
	}
	// The finaliser of MurmurHash3, so that every output bit depends on
	// every input bit.
	h *= mul
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// load64 reads the first 8 bytes of s as a little-endian integer.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first 4 bytes of s as a little-endian integer.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
