// A value of a program type converted to an interface is a copy: changing
// the variable, the range variable or a call's result slot later does not
// change what the interface holds.
package main

import (
	"errors"
	"fmt"
)

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
	// The copies keep their methods.
	var a any = v
	_, isStringer := a.(fmt.Stringer)
	_, isNamer := a.(I)
	fmt.Println(isStringer, isNamer, kind(a), kind(Item{"lit"}))
	var errs []error
	for i := range 3 {
		errs = append(errs, fmt.Errorf("step %d: %w", i, CodeError{i}))
	}
	for _, e := range errs {
		var ce CodeError
		fmt.Print(errors.As(e, &ce), ce.code, " ")
	}
	fmt.Println()
}

func (it Item) String() string { return "item " + it.name }

type CodeError struct{ code int }

func (e CodeError) Error() string { return fmt.Sprint("code ", e.code) }

func kind(v any) string {
	switch x := v.(type) {
	case fmt.Stringer:
		return "stringer " + x.String()
	}
	return "other"
}
