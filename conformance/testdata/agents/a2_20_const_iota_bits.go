package main

import (
	"fmt"
	"math"
	"math/bits"
)

type Size uint64

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
	TB
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
	_
	Admin
)

func (p Perm) String() string {
	s := ""
	names := []struct {
		p Perm
		c byte
	}{{Read, 'r'}, {Write, 'w'}, {Exec, 'x'}, {Admin, 'A'}}
	for _, n := range names {
		if p&n.p != 0 {
			s += string(n.c)
		} else {
			s += "-"
		}
	}
	return s
}

const (
	a0 = iota * 10
	a1
	_
	a3 = "skip"
	a4
	a5 = iota + 100
	a6
)

const (
	x, y = iota, iota * 2
	z, w
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func human(s Size) string {
	switch {
	case s >= TB:
		return fmt.Sprintf("%.2fTB", float64(s)/float64(TB))
	case s >= GB:
		return fmt.Sprintf("%.2fGB", float64(s)/float64(GB))
	case s >= MB:
		return fmt.Sprintf("%.2fMB", float64(s)/float64(MB))
	case s >= KB:
		return fmt.Sprintf("%.2fKB", float64(s)/float64(KB))
	}
	return fmt.Sprintf("%dB", s)
}

func main() {
	fmt.Println(KB, MB, GB, TB)
	for _, s := range []Size{512, 2048, 5 * MB / 2, 3*GB + 700*MB, 17 * TB} {
		fmt.Print(human(s), " ")
	}
	fmt.Println()
	fmt.Println(Read, Write, Exec, Admin, uint8(Admin))
	p := Read | Exec
	fmt.Println(p, p|Admin, p&^Read, p^Write, Perm(0xFF))
	fmt.Println(a0, a1, a3, a4, a5, a6)
	fmt.Println(x, y, z, w, Tuesday)

	const c1 = 7 / 2 * 2.0
	const c2 = 7 / 2.0 * 2
	const c3 = 1 << 62 >> 60
	const huge = 1 << 100
	fmt.Println(c1, c2, c3, huge>>98, float64(huge))
	var f32 float32 = 1.0 / 3
	fmt.Println(f32, 1.0/3, 10/4, 10/4.0, 10%4, -10%4, -10/4)
	const big = math.MaxInt64
	var i64 int64 = big
	i64++
	fmt.Println("wrap:", i64, i64 == math.MinInt64)
	var u8 uint8 = 250
	u8 += 10
	var i8 int8 = 127
	i8++
	var u uint = 0
	var u32 uint32 = 1<<32 - 1
	u--
	fmt.Println(u8, i8, u == math.MaxUint, u32+1)
	n := -7
	fmt.Println(n>>1, n/2, uint8(n), int8(200-256), n&0xF)
	v := uint32(0b1011_0000_0000_0000_0000_0000_0001_0110)
	fmt.Println(bits.OnesCount32(v), bits.LeadingZeros32(v), bits.TrailingZeros32(v), bits.Len32(v))
	fmt.Printf("%032b\n%032b\n", v, bits.Reverse32(v))
	fmt.Printf("%08b %08b\n", bits.RotateLeft8(0b10010001, 3), bits.RotateLeft8(0b10010001, -1))
	hi, lo := bits.Mul64(math.MaxUint64, 3)
	fmt.Println(hi, lo)
	sum, carry := bits.Add64(math.MaxUint64, 1, 0)
	fmt.Println(sum, carry)
	// set/clear/toggle/test
	var flags uint16
	flags |= 1 << 3
	flags |= 1 << 9
	flags ^= 1 << 3
	flags &^= 1 << 9
	flags |= 0xA0
	fmt.Printf("%#04x %d %t\n", flags, flags, flags&(1<<7) != 0)
	// power of two check and next power
	for _, k := range []uint{1, 6, 64, 100, 1023} {
		isPow := k&(k-1) == 0
		next := uint(1) << bits.Len(k-1)
		fmt.Printf("%d:%t:%d ", k, isPow, next)
	}
	fmt.Println()
	fmt.Println(math.MaxInt8, math.MinInt16, math.MaxUint16, math.MaxInt32, uint64(math.MaxUint64))
	fmt.Println(0x7fffffff+1, 1e3, 'a'+1, string(rune('a'+1)))
	var r rune = 'z' - 'a'
	fmt.Printf("%v %T %v %T\n", r, r, 'x'*2, 'x'*2)
	shift := 65
	one := int64(1)
	fmt.Println(1<<shift == 0, one<<63, uint64(1)<<63)
}
