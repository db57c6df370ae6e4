package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

func encode(s string) string {
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); {
		j := i
		for j < len(runes) && runes[j] == runes[i] {
			j++
		}
		if n := j - i; n > 1 {
			b.WriteString(strconv.Itoa(n))
		}
		r := runes[i]
		if unicode.IsDigit(r) || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		i = j
	}
	return b.String()
}

var ErrDangling = errors.New("dangling count")

func decode(s string) (string, error) {
	var b strings.Builder
	count := 0
	escaped := false
	for i, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
			continue
		case unicode.IsDigit(r):
			count = count*10 + int(r-'0')
			continue
		}
		n := max(count, 1)
		if n > 1000 {
			return "", fmt.Errorf("byte %d: run of %d too long", i, n)
		}
		b.WriteString(strings.Repeat(string(r), n))
		count = 0
	}
	if count > 0 || escaped {
		return b.String(), fmt.Errorf("decode %q: %w", s, ErrDangling)
	}
	return b.String(), nil
}

// byte-level RLE as (count,value) pairs, runs capped at 255
func packBytes(data []byte) []byte {
	var out bytes.Buffer
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && data[j] == data[i] && j-i < 255 {
			j++
		}
		out.WriteByte(byte(j - i))
		out.WriteByte(data[i])
		i = j
	}
	return out.Bytes()
}

func unpackBytes(p []byte) []byte {
	var out []byte
	for i := 0; i+1 < len(p); i += 2 {
		out = append(out, bytes.Repeat([]byte{p[i+1]}, int(p[i]))...)
	}
	return out
}

func main() {
	inputs := []string{
		"aaabccddddde",
		"WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
		"héééllo wörld!!",
		"1112223333",
		`back\\slash`,
		"",
		"日日日本本語",
	}
	for _, in := range inputs {
		enc := encode(in)
		dec, err := decode(enc)
		ratio := 0.0
		if len(in) > 0 {
			ratio = float64(len(enc)) / float64(len(in))
		}
		fmt.Printf("%-22q -> %-30q ratio %.2f roundtrip=%t err=%v\n", in, enc, ratio, dec == in, err)
	}
	for _, bad := range []string{"3a2", "ab\\", "2000x"} {
		out, err := decode(bad)
		fmt.Printf("decode %q: %q err=%v dangling=%t\n", bad, out, err, errors.Is(err, ErrDangling))
	}
	data := append(bytes.Repeat([]byte{0}, 300), []byte("ABBBBC")...)
	data = append(data, 0xff, 0xff, 0x10)
	packed := packBytes(data)
	fmt.Printf("packed %d -> %d bytes: %x\n", len(data), len(packed), packed)
	fmt.Printf("spaced: % x\n", packed[:6])
	fmt.Printf("upper:  %X\n", packed[len(packed)-6:])
	fmt.Println("unpack ok:", bytes.Equal(unpackBytes(packed), data))
	var buf bytes.Buffer
	buf.WriteString("run:")
	for _, r := range encode("zzzzzzzzzzzzzzzzzzzz") {
		fmt.Fprintf(&buf, " %c/%U", r, r)
	}
	fmt.Println(buf.String())
	fmt.Println("len/runes:", len("héééllo"), len([]rune("héééllo")), strings.Count("héééllo", "é"))
}
