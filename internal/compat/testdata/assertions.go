// Type assertions from any to the program's interfaces and struct types.
package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Named interface{ Name() string }

type Stringish interface{ String() string }

type Square struct{ S float64 }

func (s Square) Area() float64 { return s.S * s.S }
func (s Square) Name() string  { return "square" }

type Label string

func (l Label) String() string { return "label:" + string(l) }

type Problem struct{ Code int }

func (p *Problem) Error() string { return fmt.Sprint("problem ", p.Code) }

func area(v any) float64 {
	if s, ok := v.(Shape); ok {
		return s.Area()
	}
	return -1
}

func main() {
	items := []any{Square{2}, Label("x"), 3, nil}
	for _, it := range items {
		fmt.Println(area(it))
	}
	var v any = Square{3}
	n := v.(Named)
	fmt.Println(n.Name(), v.(Shape).Area())
	for _, x := range []any{Label("z"), Square{1}, 4} {
		if st, ok := x.(Stringish); ok {
			fmt.Println("stringish", st.String())
		} else {
			fmt.Println("not stringish")
		}
	}
	var s fmt.Stringer = Label("y")
	if l, ok := s.(Label); ok {
		fmt.Println(string(l), s)
	}
	var err error = &Problem{7}
	if p, ok := err.(*Problem); ok {
		fmt.Println(p.Code)
	}
	err = errors.New("plain")
	_, ok := err.(*Problem)
	fmt.Println(ok)
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil) }()
		var w any = 5
		_ = w.(Shape)
	}()
}
