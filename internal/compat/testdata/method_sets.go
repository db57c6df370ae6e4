// Assertions to interfaces follow Go's method sets: a value lacks the
// methods of its pointer; conversions of nil pointers to the program's
// interfaces keep the pointer.
package main

import "fmt"

type Resizer interface{ Resize(f float64) }

type Describer interface{ Describe() string }

type Shape struct{ W, H float64 }

func (s Shape) Describe() string  { return fmt.Sprint("shape ", s.W, "x", s.H) }
func (s *Shape) Resize(f float64) { s.W *= f; s.H *= f }

func main() {
	s := Shape{2, 3}
	var d Describer = s
	_, isResizer := d.(Resizer)
	fmt.Println("value:", isResizer)
	d = &s
	r, isResizer := d.(Resizer)
	fmt.Println("pointer:", isResizer)
	r.Resize(2)
	fmt.Println(s.Describe())
	things := []any{s, &s, 5}
	for _, t := range things {
		_, ok := t.(Resizer)
		fmt.Print(ok, " ")
	}
	fmt.Println()
	var np *Shape
	fmt.Println(Describer(np) == nil, np == nil)
	c := make(chan<- int, 1)
	c <- 1
	var rc <-chan string = make(<-chan string)
	fmt.Printf("%T %T %d\n", c, rc, len(c))
}
