package main

import (
	"fmt"
	"iter"
	"math/bits"
	"strings"
)

type BitSet struct {
	words []uint64
}

func (b *BitSet) grow(i int) {
	for len(b.words) <= i/64 {
		b.words = append(b.words, 0)
	}
}

func (b *BitSet) Set(i int) *BitSet { b.grow(i); b.words[i/64] |= 1 << (i % 64); return b }
func (b *BitSet) Clear(i int) {
	if i/64 < len(b.words) {
		b.words[i/64] &^= 1 << (i % 64)
	}
}
func (b *BitSet) Has(i int) bool {
	return i/64 < len(b.words) && b.words[i/64]&(1<<(i%64)) != 0
}
func (b *BitSet) Count() int {
	n := 0
	for _, w := range b.words {
		n += bits.OnesCount64(w)
	}
	return n
}

func (b *BitSet) All() iter.Seq[int] {
	return func(yield func(int) bool) {
		for wi, w := range b.words {
			for w != 0 {
				t := bits.TrailingZeros64(w)
				if !yield(wi*64 + t) {
					return
				}
				w &= w - 1
			}
		}
	}
}

func combine(a, b *BitSet, f func(x, y uint64) uint64) *BitSet {
	n := max(len(a.words), len(b.words))
	out := &BitSet{words: make([]uint64, n)}
	for i := range n {
		var x, y uint64
		if i < len(a.words) {
			x = a.words[i]
		}
		if i < len(b.words) {
			y = b.words[i]
		}
		out.words[i] = f(x, y)
	}
	return out
}

func (b *BitSet) String() string {
	var parts []string
	for i := range b.All() {
		parts = append(parts, fmt.Sprint(i))
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func sieve(n int) *BitSet {
	composite := &BitSet{}
	composite.Set(n)
	composite.Set(0).Set(1)
	for i := 2; i*i <= n; i++ {
		if !composite.Has(i) {
			for j := i * i; j <= n; j += i {
				composite.Set(j)
			}
		}
	}
	primes := &BitSet{}
	for i := 2; i < n; i++ {
		if !composite.Has(i) {
			primes.Set(i)
		}
	}
	return primes
}

func main() {
	a := &BitSet{}
	for _, i := range []int{1, 3, 5, 63, 64, 65, 130} {
		a.Set(i)
	}
	b := &BitSet{}
	for i := 0; i < 10; i += 2 {
		b.Set(i)
	}
	b.Set(64).Set(200)
	fmt.Println("a =", a, "count", a.Count())
	fmt.Println("b =", b, "count", b.Count())
	fmt.Println("a|b =", combine(a, b, func(x, y uint64) uint64 { return x | y }))
	fmt.Println("a&b =", combine(a, b, func(x, y uint64) uint64 { return x & y }))
	fmt.Println("a^b =", combine(a, b, func(x, y uint64) uint64 { return x ^ y }))
	fmt.Println("a-b =", combine(a, b, func(x, y uint64) uint64 { return x &^ y }))
	a.Clear(63)
	a.Clear(1000)
	fmt.Println("a after clear:", a, a.Has(64), a.Has(63), a.Has(9999))
	fmt.Printf("word0 %064b\n", a.words[0])
	fmt.Printf("word1 %#x %#o %d\n", a.words[1], a.words[1], a.words[1])

	p := sieve(200)
	fmt.Println("primes < 200:", p.Count())
	var first []int
	for x := range p.All() {
		if x > 60 {
			break
		}
		first = append(first, x)
	}
	fmt.Println(first)
	twins := 0
	for x := range p.All() {
		if p.Has(x + 2) {
			twins++
		}
	}
	fmt.Println("twin prime pairs:", twins)
	var x uint32 = 0xF0F0_1234
	fmt.Println(bits.LeadingZeros32(x>>8), bits.TrailingZeros32(x), bits.OnesCount32(x), bits.Len32(x))
	fmt.Printf("%08x %08x %032b\n", bits.RotateLeft32(x, 8), bits.ReverseBytes32(x), bits.Reverse32(x))
	hi, lo := bits.Mul64(0xFFFF_FFFF_FFFF_FFFF, 3)
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(hi, lo, sum, carry)
	var flags uint8 = 0b1010_0110
	flags ^= 0b0000_1111
	fmt.Printf("%08b %d %v\n", flags, flags>>2, int8(flags))
}
