package main

import (
	"fmt"
	"sort"
	"strings"
)

type Money int // cents

func (m Money) String() string { return fmt.Sprintf("%d.%02d", m/100, m%100) }

type Line struct {
	SKU      string
	Category string
	Price    Money
	Qty      int
}

type Cart struct {
	Lines  []Line
	Coupon string
	Member bool
}

func (c *Cart) Subtotal() Money {
	var s Money
	for _, l := range c.Lines {
		s += l.Price * Money(l.Qty)
	}
	return s
}

type Discount func(c *Cart, runningTotal Money) (label string, off Money)

func buyNGetOne(sku string, n int) Discount {
	return func(c *Cart, _ Money) (string, Money) {
		for _, l := range c.Lines {
			if l.SKU == sku && l.Qty > n {
				free := l.Qty / (n + 1)
				return fmt.Sprintf("buy %d get 1 %s (x%d)", n, sku, free), l.Price * Money(free)
			}
		}
		return "", 0
	}
}

func categoryPercent(cat string, pct int) Discount {
	return func(c *Cart, _ Money) (string, Money) {
		var base Money
		for _, l := range c.Lines {
			if l.Category == cat {
				base += l.Price * Money(l.Qty)
			}
		}
		if base == 0 {
			return "", 0
		}
		return fmt.Sprintf("%d%% off %s", pct, cat), base * Money(pct) / 100
	}
}

func coupon(code string, threshold, off Money) Discount {
	return func(c *Cart, running Money) (string, Money) {
		if !strings.EqualFold(c.Coupon, code) {
			return "", 0
		}
		if running < threshold {
			return fmt.Sprintf("coupon %s needs %v (have %v)", code, threshold, running), 0
		}
		return "coupon " + strings.ToUpper(code), off
	}
}

func memberRounding(c *Cart, running Money) (string, Money) {
	if !c.Member {
		return "", 0
	}
	if r := running % 100; r != 0 {
		return "member round-down", r
	}
	return "", 0
}

func checkout(name string, c *Cart, rules []Discount) {
	fmt.Printf("== %s ==\n", name)
	sort.SliceStable(c.Lines, func(i, j int) bool { return c.Lines[i].Category < c.Lines[j].Category })
	for _, l := range c.Lines {
		fmt.Printf("  %-8s %-7s %3d x %7v = %8v\n", l.SKU, l.Category, l.Qty, l.Price, l.Price*Money(l.Qty))
	}
	total := c.Subtotal()
	fmt.Printf("  %-31s %8v\n", "subtotal", total)
	maxOff := total * 30 / 100
	var given Money
	for _, rule := range rules {
		label, off := rule(c, total)
		if label == "" {
			continue
		}
		if given+off > maxOff {
			off = maxOff - given
			label += " (capped)"
		}
		given += off
		total -= off
		fmt.Printf("  %-31s %8s\n", label, "-"+off.String())
	}
	fmt.Printf("  %-31s %8v  (saved %v)\n", "TOTAL", total, given)
}

func main() {
	rules := []Discount{
		buyNGetOne("APPLE", 2),
		categoryPercent("dairy", 15),
		coupon("spring10", 2000, 1000),
		memberRounding,
	}
	checkout("alice", &Cart{Lines: []Line{
		{"APPLE", "produce", 45, 7},
		{"MILK", "dairy", 129, 2},
		{"BREAD", "bakery", 349, 1},
		{"BUTTER", "dairy", 499, 1},
	}, Coupon: "SPRING10", Member: true}, rules)
	checkout("bob", &Cart{Lines: []Line{
		{"TV", "tech", 39999, 1},
		{"HDMI", "tech", 999, 2},
	}, Coupon: "spring10"}, rules)
	checkout("cara", &Cart{Lines: []Line{
		{"APPLE", "produce", 45, 3},
		{"YOGURT", "dairy", 89, 4},
	}, Coupon: "spring10", Member: true}, rules)
	checkout("dan", &Cart{Lines: []Line{
		{"APPLE", "produce", 100, 30},
	}, Coupon: "SPRING10"}, rules)
}
