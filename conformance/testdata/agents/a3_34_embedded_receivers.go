package main

import (
	"fmt"
	"sort"
	"strings"
)

type Describer interface {
	Describe() string
}

type Resizer interface {
	Resize(factor float64)
}

type Base struct {
	ID   int
	Name string
	tags []string
}

func (b Base) Describe() string { return fmt.Sprintf("Base#%d(%s)", b.ID, b.Name) }
func (b Base) Kind() string     { return "base" }
func (b *Base) Tag(t string)    { b.tags = append(b.tags, t) }
func (b Base) Tags() string     { return strings.Join(b.tags, ",") }
func (b Base) Summary() string  { return b.Kind() + ":" + b.Describe() } // static dispatch: always Base's methods

type Shape struct {
	Base
	W, H float64
}

func (s Shape) Describe() string { return fmt.Sprintf("Shape %q %gx%g", s.Name, s.W, s.H) }
func (s *Shape) Resize(f float64) {
	s.W *= f
	s.H *= f
}
func (s Shape) Area() float64 { return s.W * s.H }

type Circle struct {
	*Shape // embedded pointer
	R      float64
	Name   string // shadows Base.Name
}

func (c Circle) Kind() string { return "circle" }

type Labeled struct {
	Shape
	Label string
}

func (l Labeled) Describe() string {
	return "[" + l.Label + "] " + l.Shape.Describe() + " / " + l.Base.Describe()
}

type Counter struct{ n int }

func (c Counter) ValueInc() int { c.n++; return c.n }
func (c *Counter) PtrInc() int  { c.n++; return c.n }

func main() {
	s := Shape{Base: Base{ID: 1, Name: "rect"}, W: 2, H: 3}
	fmt.Println(s.Describe(), "|", s.Base.Describe(), "|", s.Summary(), "|", s.Kind())
	s.Tag("blue")
	s.Tag("solid")
	fmt.Printf("tags=%s area=%.1f\n", s.Tags(), s.Area())

	var d Describer = s
	_, isResizer := d.(Resizer)
	fmt.Printf("value Shape is Resizer: %t\n", isResizer)
	d = &s
	r, isResizer := d.(Resizer)
	fmt.Printf("*Shape is Resizer: %t\n", isResizer)
	r.Resize(1.5)
	fmt.Printf("after resize via interface: %+v\n", s)

	c := Circle{Shape: &Shape{Base: Base{ID: 2, Name: "inner"}, W: 1, H: 1}, R: 4, Name: "outer"}
	c.Resize(10) // promoted through embedded pointer
	c.Tag("round")
	fmt.Println(c.Name, c.Shape.Name, c.Base.Name, c.Kind(), c.Shape.Kind(), c.Describe(), c.Summary())
	var _ Resizer = c // Circle value has Resize via *Shape
	fmt.Printf("circle W=%g tags=%s\n", c.W, c.Tags())

	l := Labeled{Shape: Shape{Base: Base{ID: 3, Name: "box"}, W: 4, H: 4}, Label: "L1"}
	things := []Describer{s, &s, c, l, &l, Base{ID: 9, Name: "plain"}}
	for i, t := range things {
		_, rs := t.(Resizer)
		fmt.Printf("%d %-16T resizer=%-5t %s\n", i, t, rs, t.Describe())
	}

	// value vs pointer receivers on copies
	cnt := Counter{}
	fmt.Println(cnt.ValueInc(), cnt.ValueInc(), cnt.PtrInc(), cnt.PtrInc())
	fmt.Println("cnt.n =", cnt.n)
	vf := cnt.ValueInc // method value binds a copy now
	pf := cnt.PtrInc   // binds &cnt
	cnt.n = 100
	fmt.Println(vf(), vf(), pf())
	fmt.Println("cnt.n =", cnt.n)
	me := (*Counter).PtrInc
	r1 := me(&cnt)
	r2 := Counter.ValueInc(cnt)
	fmt.Println(r1, r2, cnt.n)

	// slice of structs: range copies vs index
	shapes := []Shape{{W: 1, H: 1}, {W: 2, H: 2}}
	for _, sh := range shapes {
		sh.Resize(10)
	}
	fmt.Println("after range-copy resize:", shapes[0].W, shapes[1].W)
	for i := range shapes {
		shapes[i].Resize(10)
	}
	fmt.Println("after index resize:", shapes[0].W, shapes[1].W)
	// map of structs: must copy, modify, store
	m := map[string]Shape{"a": {W: 1, H: 2}, "b": {W: 3, H: 4}}
	for k := range m {
		tmp := m[k]
		tmp.Resize(2)
		tmp.Name = strings.ToUpper(k)
		m[k] = tmp
	}
	keys := make([]string, 0)
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %+v\n", k, m[k])
	}
	// nil pointer receivers
	var np *Shape
	fmt.Println("nil *Shape as Describer is nil:", Describer(np) == nil, np == nil)
	fmt.Printf("%v %+v\n", l, Circle{R: 1})
}
