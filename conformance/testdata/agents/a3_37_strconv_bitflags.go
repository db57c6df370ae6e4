package main

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

type Perm uint16

const (
	Read Perm = 1 << iota
	Write
	Execute
	Delete
	Share
	Admin = Read | Write | Execute | Delete | Share
)

var permNames = []struct {
	p    Perm
	name string
}{{Read, "Read"}, {Write, "Write"}, {Execute, "Execute"}, {Delete, "Delete"}, {Share, "Share"}}

func (p Perm) String() string {
	if p == 0 {
		return "None"
	}
	if p == Admin {
		return "Admin"
	}
	var parts []string
	rest := p
	for _, pn := range permNames {
		if p&pn.p != 0 {
			parts = append(parts, pn.name)
			rest &^= pn.p
		}
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("0x%x", uint16(rest)))
	}
	return strings.Join(parts, "|")
}

func (p Perm) Has(q Perm) bool { return p&q == q }

func ParsePerm(s string) (Perm, error) {
	var p Perm
	for _, part := range strings.Split(s, "|") {
		part = strings.TrimSpace(part)
		found := false
		for _, pn := range permNames {
			if strings.EqualFold(pn.name, part) {
				p |= pn.p
				found = true
			}
		}
		if !found {
			return p, fmt.Errorf("unknown permission %q", part)
		}
	}
	return p, nil
}

type Weekday uint8

const (
	Mon Weekday = iota
	Tue
	Wed
	Thu
	Fri
	Sat
	Sun
)

type DaySet uint8

func (d DaySet) With(days ...Weekday) DaySet {
	for _, x := range days {
		d |= 1 << x
	}
	return d
}

func (d DaySet) String() string {
	names := "MTWTFSS"
	var b strings.Builder
	for i := 0; i < 7; i++ {
		if d&(1<<i) != 0 {
			b.WriteByte(names[i])
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

func main() {
	u := Read | Write
	fmt.Println(u, u.Has(Read), u.Has(Read|Execute), Perm(0), Admin, Admin&^Delete, Perm(0x40|1))
	u |= Share
	u &^= Write
	u ^= Execute
	fmt.Printf("%v %d %04b %#x bits=%d\n", u, u, u, uint16(u), bits.OnesCount16(uint16(u)))
	for _, s := range []string{"read|write", "Execute | SHARE", "read|fly"} {
		p, err := ParsePerm(s)
		fmt.Printf("ParsePerm(%q) = %v err=%v\n", s, p, err)
	}
	var weekdays DaySet
	weekdays = weekdays.With(Mon, Tue, Wed, Thu, Fri)
	weekend := DaySet(0).With(Sat, Sun)
	fmt.Println(weekdays, weekend, weekdays|weekend, weekdays&DaySet(0).With(Wed, Sat), ^weekdays&0x7f)

	// strconv round trips
	strs := []string{"hello", "tab\tnew\nline", `quote"back\slash`, "héllo wörld", "emoji 🙂", "\x00\x7f"}
	for _, s := range strs {
		q := strconv.Quote(s)
		a := strconv.QuoteToASCII(s)
		back, err := strconv.Unquote(q)
		fmt.Printf("%-28s %-32s rt=%t err=%v\n", q, a, back == s, err)
	}
	for _, s := range []string{`"ok\u00e9"`, "`raw\\n`", `'x'`, `"unterminated`, `'ab'`, `"\q"`} {
		v, err := strconv.Unquote(s)
		fmt.Printf("Unquote(%s) = %q, %v\n", s, v, err)
	}
	fmt.Println(strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('☺'), strconv.CanBackquote("a`b"), strconv.IsPrint('\u00ad'))

	floats := []float64{0, 1, -1.5, 3.14159265358979, 1e21, 1e-7, 123456789.123, math.MaxFloat64, math.SmallestNonzeroFloat64, 0.1 + 0.2}
	for _, f := range floats {
		fmt.Printf("%-24s %-14s %-24s %s\n", strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'f', 3, 64),
			strconv.FormatFloat(f, 'e', -1, 64), strconv.FormatFloat(f, 'g', 4, 32))
	}
	for _, s := range []string{"42", "-0x1f", "0b1011", "0o17", "1_000_000", "99999999999999999999", "12a", ""} {
		n, err := strconv.ParseInt(s, 0, 64)
		var ne *strconv.NumError
		kind := "ok"
		if errors.As(err, &ne) {
			if errors.Is(err, strconv.ErrRange) {
				kind = "range"
			} else {
				kind = "syntax"
			}
		}
		fmt.Printf("ParseInt(%q) = %d %s\n", s, n, kind)
	}
	n8, err := strconv.ParseInt("200", 10, 8)
	fmt.Println(n8, err)
	u64, err := strconv.ParseUint("ff", 16, 64)
	fmt.Println(u64, err, strconv.FormatInt(-255, 16), strconv.FormatUint(255, 2), strconv.FormatInt(35, 36))
	b := []byte("vals:")
	b = strconv.AppendInt(b, -7, 10)
	b = append(b, ',')
	b = strconv.AppendBool(b, true)
	b = append(b, ',')
	b = strconv.AppendQuote(b, "q")
	b = append(b, ',')
	b = strconv.AppendFloat(b, 2.5, 'f', 2, 64)
	fmt.Println(string(b))
	for _, s := range []string{"1e400", "-1e400", "NaN", "inf", "0x1p-2", "1.5e-400", ".5", "1_0.5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Printf("ParseFloat(%q) = %v err=%v\n", s, f, err)
	}
	fmt.Println(bits.LeadingZeros32(1), bits.TrailingZeros64(8), bits.Reverse8(1), bits.Len(255), bits.RotateLeft8(0x81, 1))
}
