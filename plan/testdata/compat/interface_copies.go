// A value of a program type converted to an interface is a copy: changing
// the variable, the range variable or a call's result slot later does not
// change what the interface holds.
package main

import "fmt"

type Item struct{ name string }

func (it Item) Name() string { return it.name }

type I interface{ Name() string }

func mk(i int) Item { return Item{fmt.Sprint(i)} }

type Box struct{ it I }

func main() {
	var is []I
	var as []any
	m := map[string]any{}
	var bs []Box
	for i := range 3 {
		is = append(is, mk(i))
		as = append(as, mk(i))
		m[fmt.Sprint(i)] = mk(i)
		bs = append(bs, Box{mk(i)})
	}
	fmt.Println(is[0].Name(), as[0], m["0"], bs[0].it.Name())
	items := []Item{{"a"}, {"b"}}
	for _, it := range items {
		is = append(is, it)
	}
	fmt.Println(is[3].Name(), is[4].Name())
	p := &items[0]
	var x any = *p
	p.name = "z"
	fmt.Println(x)
	v := Item{"x"}
	var j I = v
	v.name = "y"
	fmt.Println(j.Name())
	ch := make(chan I, 3)
	for _, it := range items {
		ch <- it
	}
	fmt.Println((<-ch).Name(), (<-ch).Name())
}
