package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

type Money int64 // cents

func (m Money) String() string {
	sign := ""
	v := int64(m)
	if v < 0 {
		sign = "-"
		v = -v
	}
	whole := strconv.FormatInt(v/100, 10)
	// thousands separators
	var parts []string
	for len(whole) > 3 {
		parts = append([]string{whole[len(whole)-3:]}, parts...)
		whole = whole[:len(whole)-3]
	}
	parts = append([]string{whole}, parts...)
	return fmt.Sprintf("%s$%s.%02d", sign, strings.Join(parts, ","), v%100)
}

func (m Money) MarshalJSON() ([]byte, error) {
	v := int64(m)
	sign := ""
	if v < 0 {
		sign = "-"
		v = -v
	}
	return []byte(fmt.Sprintf(`"%s%d.%02d"`, sign, v/100, v%100)), nil
}

func (m *Money) UnmarshalJSON(b []byte) error {
	s, err := strconv.Unquote(string(b))
	if err != nil {
		s = string(b)
	}
	p, err := ParseMoney(s)
	if err != nil {
		return err
	}
	*m = p
	return nil
}

var ErrBadAmount = errors.New("bad amount")

func ParseMoney(s string) (Money, error) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "$"))
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		return 0, fmt.Errorf("%w: %q has more than 2 decimals", ErrBadAmount, s)
	}
	for len(frac) < 2 {
		frac += "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBadAmount, err)
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%w: %v", ErrBadAmount, err)
	}
	v := Money(w*100 + f)
	if neg {
		v = -v
	}
	return v, nil
}

// MulRate multiplies by a rate given in basis points, rounding half away from zero.
func (m Money) MulBP(bp int64) Money {
	p := int64(m) * bp
	q := p / 10000
	r := p % 10000
	if r >= 5000 {
		q++
	} else if r <= -5000 {
		q--
	}
	return Money(q)
}

// Allocate splits m into parts by weights, distributing leftover cents to the first parts.
func (m Money) Allocate(weights ...int) []Money {
	total := 0
	for _, w := range weights {
		total += w
	}
	out := make([]Money, len(weights))
	var sum Money
	for i, w := range weights {
		out[i] = Money(int64(m) * int64(w) / int64(total))
		sum += out[i]
	}
	for i := 0; sum < m; i = (i + 1) % len(out) {
		out[i]++
		sum++
	}
	return out
}

type Line struct {
	SKU      string `json:"sku"`
	Qty      int    `json:"qty"`
	Price    Money  `json:"unit_price"`
	Discount int64  `json:"discount_bp,omitempty"`
}

type Invoice struct {
	Number   string `json:"number"`
	Lines    []Line `json:"lines"`
	Subtotal Money  `json:"subtotal"`
	Tax      Money  `json:"tax"`
	Total    Money  `json:"total"`
}

func main() {
	input := `{"number":"INV-0042","lines":[
		{"sku":"KB-01","qty":2,"unit_price":"49.99"},
		{"sku":"MS-07","qty":3,"unit_price":"19.5","discount_bp":1000},
		{"sku":"MON-27","qty":1,"unit_price":"1299.00","discount_bp":750},
		{"sku":"CBL-HD","qty":5,"unit_price":7.25}
	]}`
	var inv Invoice
	if err := json.Unmarshal([]byte(input), &inv); err != nil {
		fmt.Println("unmarshal:", err)
		return
	}
	for _, l := range inv.Lines {
		gross := l.Price * Money(l.Qty)
		disc := gross.MulBP(l.Discount)
		net := gross - disc
		inv.Subtotal += net
		fmt.Printf("%-7s %2d x %10v = %10v  discount %9v  net %10v\n", l.SKU, l.Qty, l.Price, gross, -disc, net)
	}
	inv.Tax = inv.Subtotal.MulBP(825)
	inv.Total = inv.Subtotal + inv.Tax
	fmt.Printf("subtotal=%v tax(8.25%%)=%v total=%v\n", inv.Subtotal, inv.Tax, inv.Total)
	out, _ := json.Marshal(inv)
	fmt.Println(string(out))

	shares := inv.Total.Allocate(1, 1, 1)
	fmt.Println("split 3 ways:", shares)
	fmt.Println("split 50/30/20:", Money(100).Allocate(50, 30, 20), Money(1001).Allocate(5, 3, 2))
	for _, s := range []string{"12.345", "abc", "-0.5", "$1,000", "7", "3.1"} {
		m, err := ParseMoney(s)
		fmt.Printf("parse %-8q -> %v err=%v is-bad=%t\n", s, m, err, errors.Is(err, ErrBadAmount))
	}
	fmt.Println(Money(-123456789), Money(5).MulBP(5000), Money(-5).MulBP(5000), Money(0))
	var bad Invoice
	err := json.Unmarshal([]byte(`{"lines":[{"unit_price":"1.999"}]}`), &bad)
	fmt.Println("bad json money:", err)
}
