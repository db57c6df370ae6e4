package main

import (
	"fmt"
	"sort"
	"strings"
)

type Item struct {
	Name  string
	Price int
}

func (it Item) String() string       { return fmt.Sprintf("%s@%d", it.Name, it.Price) }
func (it *Item) Discount(pct int)    { it.Price = it.Price * (100 - pct) / 100 }
func (it Item) WithTax(rate int) int { return it.Price + it.Price*rate/100 }

type Counter struct{ n int }

func (c *Counter) Inc() int { c.n++; return c.n }

type Op func(int, int) int

func (o Op) Apply(a, b int) int { return o(a, b) }

type Handler func(string) string

func (h Handler) Chain(next Handler) Handler {
	return func(s string) string { return next(h(s)) }
}

func main() {
	items := []Item{{"apple", 100}, {"pear", 250}, {"fig", 80}}

	// method values bound at evaluation time (value receiver copies)
	var printers []func() string
	for _, it := range items {
		printers = append(printers, it.String)
	}
	var printers2 []func() string
	for i := range items {
		printers2 = append(printers2, items[i].String)
	}
	items[0].Price = 999
	for i := range printers {
		fmt.Println(printers[i](), printers2[i]())
	}

	// pointer method value sees later changes
	disc := items[1].Discount
	disc(10)
	disc(10)
	fmt.Println(items[1])

	// method expressions
	str := Item.String
	tax := Item.WithTax
	dsc := (*Item).Discount
	fmt.Println(str(items[2]), tax(items[2], 25))
	dsc(&items[2], 50)
	fmt.Println(items[2])
	f := (*Item).String
	fmt.Println(f(&items[2]))

	c := &Counter{}
	inc := c.Inc
	inc()
	inc()
	fmt.Println("counter", c.n, inc())

	// closures capturing loop var (per-iteration in Go 1.22+)
	var fns []func() int
	for i := 0; i < 3; i++ {
		fns = append(fns, func() int { return i * i })
	}
	for _, fn := range fns {
		fmt.Print(fn(), " ")
	}
	fmt.Println()
	// shared captured variable
	total := 0
	adders := make([]func(), 0)
	for _, v := range []int{1, 2, 3} {
		adders = append(adders, func() { total += v })
	}
	for _, a := range adders {
		a()
		a()
	}
	fmt.Println("total", total)

	ops := map[string]Op{
		"add": func(a, b int) int { return a + b },
		"sub": func(a, b int) int { return a - b },
		"mul": func(a, b int) int { return a * b },
	}
	names := make([]string, 0, len(ops))
	for k := range ops {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%s(7,3)=%d ", n, ops[n].Apply(7, 3))
	}
	fmt.Println()
	apply := Op.Apply
	fmt.Println(apply(ops["mul"], 6, 7))

	up := Handler(strings.ToUpper)
	trim := Handler(strings.TrimSpace)
	ex := Handler(func(s string) string { return s + "!" })
	pipeline := trim.Chain(up).Chain(ex)
	fmt.Printf("%q\n", pipeline("  hello world  "))

	sorters := map[string]func(a, b Item) bool{
		"name":  func(a, b Item) bool { return a.Name < b.Name },
		"price": func(a, b Item) bool { return a.Price < b.Price },
	}
	for _, key := range []string{"name", "price"} {
		less := sorters[key]
		cp := append([]Item(nil), items...)
		sort.Slice(cp, func(i, j int) bool { return less(cp[i], cp[j]) })
		fmt.Println(key, cp)
	}

	// generator closure
	gen := func() func() int {
		x := 0
		return func() int { x += 3; return x }
	}()
	fmt.Println(gen(), gen(), gen())
	var sb strings.Builder
	write := sb.WriteString
	write("a")
	write("b")
	fmt.Println(sb.String(), sb.Len())
}
