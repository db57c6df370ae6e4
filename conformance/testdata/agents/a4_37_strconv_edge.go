package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	ints := []string{"42", "-0", "+7", "0x1F", "0b101", "0o17", "017", "1_000", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "", " 1", "1e3", "٣"}
	for _, s := range ints {
		a, aerr := strconv.Atoi(s)
		p, perr := strconv.ParseInt(s, 0, 64)
		fmt.Printf("%-22q Atoi=%d,%v | ParseInt0=%d,%v\n", s, a, aerr, p, perr)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 8}, {"7f", 16, 8}, {"-80", 16, 8}, {"zz", 36, 64}, {"12", 2, 64}, {"300", 10, 8}, {"1", 1, 64}} {
		v, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Printf("ParseInt(%q,%d,%d) = %d %v\n", c.s, c.base, c.bits, v, err)
	}
	u, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(u, err)
	_, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(err)
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		fmt.Printf("NumError func=%s num=%q err=%v syntax=%t\n", ne.Func, ne.Num, ne.Err, errors.Is(err, strconv.ErrSyntax))
	}
	floats := []string{"3.14", "1e308", "1e309", "-1e-400", "inf", "-Inf", "NaN", "0x1p-2", ".5", "5.", "1_0.5", "0.1e-2", "abc"}
	for _, s := range floats {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Printf("ParseFloat(%q) = %v %v\n", s, f, err)
	}
	f32, err := strconv.ParseFloat("3.4e39", 32)
	fmt.Println("float32 overflow:", f32, err)
	for _, f := range []float64{0.1, 1.0 / 3, 2.5e-8, 123456789.0, -0.0, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		fmt.Printf("%s | %s | %s | %s | %s\n",
			strconv.FormatFloat(f, 'f', -1, 64), strconv.FormatFloat(f, 'e', 3, 64),
			strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'g', -1, 32), strconv.FormatFloat(f, 'b', -1, 64))
	}
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36), strconv.FormatUint(math.MaxUint64, 2)[:10], strconv.Itoa(math.MinInt64))
	for _, s := range []string{"1", "t", "TRUE", "True", "yes", "0", "F", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Printf("%q->%t,%v ", s, b, err != nil)
	}
	fmt.Println()
	fmt.Println(strconv.Quote("héllo\n\t\"wörld\"\x00☺"), strconv.QuoteToASCII("héllo ☺"), strconv.QuoteRune('☺'), strconv.QuoteRuneToASCII('\n'))
	for _, q := range []string{`"a\tb"`, "`raw\\n`", `'x'`, `"unterminated`, `"\u00e9\x41"`, `'ab'`} {
		s, err := strconv.Unquote(q)
		fmt.Printf("Unquote(%s) = %q %v\n", q, s, err)
	}
	buf := []byte("vals:")
	buf = strconv.AppendInt(buf, -12, 10)
	buf = append(buf, ',')
	buf = strconv.AppendFloat(buf, 1.5, 'f', 2, 64)
	buf = append(buf, ',')
	buf = strconv.AppendBool(buf, true)
	buf = append(buf, ',')
	buf = strconv.AppendQuote(buf, "q")
	fmt.Println(string(buf))
	fmt.Println(strconv.IsPrint('\u00ad'), strconv.IsPrint('é'), strconv.CanBackquote("a`b"), strconv.IntSize)
	c, err := strconv.ParseComplex("1+2i", 128)
	fmt.Println(c, err, strconv.FormatComplex(complex(1.5, -2), 'f', 1, 128))
}
