package tokens

import (
	_ "embed"
	"encoding/binary"
)

// vocabFile is the o200k_base vocabulary laid out so that lookups read the
// embedded bytes in place: nothing is built when the program starts or
// first counts. Counting only needs the rank of tokens of two bytes or
// more: every single byte is a token.
//
// Integers are little-endian:
//
//	header  "o2kv", then uint32s: slot count log2, blob length
//	pairs   65536 uint32s: the rank of the two-byte token b0 b1 at
//	        b0 | b1<<8, or noRank
//	slots   a hash table of the longer tokens, open addressing with linear
//	        probing; each uint64 slot is 0 when empty, or holds rank+1,
//	        the token's offset and length-1 in the blob, and a fingerprint
//	        of its hash (see the slot constants)
//	blob    the bytes of the longer tokens, in rank order
//
// TestTables generates it from tiktoken-go's vocabulary and checks that the
// committed file is current.
//
//go:embed o200k_base.bin
var vocabFile []byte

const (
	vocabMagic  = "o2kv"
	vocabHeader = 12
	pairsLen    = 4 << 16

	// A slot's fields, from the low bits up. 18 bits hold rank+1 for the
	// 199,998 ranks of o200k_base, 21 bits an offset in its 1.3 MB blob,
	// 7 bits the length-1 of tokens of up to 128 bytes; the remaining 18
	// bits of hash fingerprint spare nearly all byte comparisons.
	rankBits        = 18
	offsetBits      = 21
	lengthBits      = 7
	fingerprintBits = 64 - rankBits - offsetBits - lengthBits
)

// vocab is the parsed layout of vocabFile.
var vocab = parseVocab(vocabFile)

type vocabTable struct {
	pairs, slots, blob []byte
	mask               uint64
}

// parseVocab slices data into its sections; it reads only the header.
func parseVocab(data []byte) vocabTable {
	if len(data) < vocabHeader || string(data[:4]) != vocabMagic {
		panic("tokens: malformed vocabulary table")
	}
	slotBits := binary.LittleEndian.Uint32(data[4:])
	blobLen := int(binary.LittleEndian.Uint32(data[8:]))
	pairsEnd := vocabHeader + pairsLen
	slotsEnd := pairsEnd + 8<<slotBits
	if len(data) != slotsEnd+blobLen {
		panic("tokens: malformed vocabulary table")
	}
	return vocabTable{
		pairs: data[vocabHeader:pairsEnd],
		slots: data[pairsEnd:slotsEnd],
		blob:  data[slotsEnd:],
		mask:  1<<slotBits - 1,
	}
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
	fingerprint := h >> (64 - fingerprintBits)
	for i := h & v.mask; ; i = (i + 1) & v.mask {
		slot := binary.LittleEndian.Uint64(v.slots[8*i:])
		if slot == 0 {
			return noRank
		}
		if slot>>(64-fingerprintBits) != fingerprint {
			continue
		}
		start := slot >> rankBits & (1<<offsetBits - 1)
		n := slot>>(rankBits+offsetBits)&(1<<lengthBits-1) + 1
		if n == uint64(len(s)) && string(v.blob[start:start+n]) == s {
			return uint32(slot&(1<<rankBits-1)) - 1
		}
	}
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
