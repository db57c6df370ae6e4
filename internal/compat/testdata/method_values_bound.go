// Method values bind their receiver when they are created: in loops, with
// pointer and value receivers, through embedded fields and interfaces, on
// native types, and a value method of a nil pointer panics at creation.
package main

import (
	"fmt"
	"strings"
)

type Item struct{ name string }

func (it Item) Name() string            { return it.name }
func (it *Item) PName() string          { return "p" + it.name }
func (it Item) Join(s ...string) string { return it.name + strings.Join(s, ",") }

type I interface{ Name() string }

type Outer struct {
	Item
	n int
}

func main() {
	items := []Item{{"aa"}, {"bb"}, {"cc"}}
	var fs []func() string
	for _, it := range items {
		fs = append(fs, it.Name)
	}
	for i := range items {
		fs = append(fs, items[i].Name, items[i].PName)
	}
	var is []I
	for _, it := range items {
		is = append(is, it)
	}
	for _, j := range is {
		fs = append(fs, j.Name)
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	v := Item{"x"}
	g := v.Name
	v.name = "y"
	fmt.Println(g())
	o := Outer{Item{"emb"}, 1}
	h := o.Name
	o.Item.name = "changed"
	fmt.Println(h())
	j := v.Join
	fmt.Println(j("1", "2"))
	var b strings.Builder
	b.WriteString("hi")
	w := b.String
	fmt.Println(w())
	defer func() { fmt.Println("recovered:", recover()) }()
	var p *Item
	k := p.Name
	fmt.Println("not reached", k)
}
