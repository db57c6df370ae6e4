package main

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

type Shape interface {
	Area() float64
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }
type Tri struct{ A, B, C float64 }

func (c Circle) Area() float64 { return math.Pi * c.R * c.R }
func (r *Rect) Area() float64  { return r.W * r.H }
func (t Tri) Area() float64 {
	s := (t.A + t.B + t.C) / 2
	return math.Sqrt(s * (s - t.A) * (s - t.B) * (s - t.C))
}
func (t Tri) String() string { return fmt.Sprintf("Tri<%g,%g,%g>", t.A, t.B, t.C) }

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type myErr struct{ msg string }

func (e *myErr) Error() string {
	if e == nil {
		return "<nil *myErr>"
	}
	return e.msg
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil interface"
	case Circle:
		return fmt.Sprintf("Circle value r=%g area=%.2f", x.R, x.Area())
	case *Circle:
		if x == nil {
			return "nil *Circle"
		}
		x.R *= 2 // mutates the pointee
		return fmt.Sprintf("*Circle doubled to r=%g", x.R)
	case *Rect:
		return fmt.Sprintf("*Rect %gx%g area=%g", x.W, x.H, x.Area())
	case Rect:
		return fmt.Sprintf("Rect value (not a Shape) %+v", x)
	case fmt.Stringer:
		return fmt.Sprintf("Stringer %T -> %s", x, x)
	case error:
		return "error: " + x.Error()
	case int, int64, uint8:
		return fmt.Sprintf("integer %T=%v", x, x)
	case float64:
		return fmt.Sprintf("float %g", x)
	case string:
		return fmt.Sprintf("string len=%d %q", len(x), strings.ToUpper(x))
	case []int:
		return fmt.Sprintf("[]int len=%d sum=%d", len(x), sum(x))
	case map[string]int:
		return fmt.Sprintf("map with %d keys", len(x))
	case func(int) int:
		return fmt.Sprintf("func f(3)=%d", x(3))
	case chan int:
		return fmt.Sprintf("chan cap=%d", cap(x))
	case [2]bool:
		return fmt.Sprintf("array %v", x)
	default:
		return fmt.Sprintf("unhandled %T", x)
	}
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	c := &Circle{1.5}
	var nilCircle *Circle
	var nilErr *myErr
	values := []any{
		nil, Circle{2}, c, nilCircle, &Rect{3, 4}, Rect{5, 6}, Tri{3, 4, 5}, Celsius(21.5),
		&myErr{"disk on fire"}, errors.New("plain"), 7, int64(-8), uint8(255), 3.5, float32(1.5),
		"héllo", []int{1, 2, 3}, map[string]int{"a": 1}, func(n int) int { return n * n },
		make(chan int, 4), [2]bool{true, false}, struct{ X int }{9}, nilErr,
	}
	for i, v := range values {
		fmt.Printf("%2d %-22T %s\n", i, v, describe(v))
	}
	fmt.Println("c after describe:", *c)
	shapes := []Shape{Circle{1}, &Rect{2, 3}, Tri{5, 12, 13}, c}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		if st, ok := s.(fmt.Stringer); ok {
			fmt.Println("shape with name:", st)
		}
		if _, ok := s.(*Circle); ok {
			fmt.Println("found pointer circle")
		}
	}
	fmt.Printf("total area %.4f\n", total)
	var sh Shape
	_, ok := sh.(Circle)
	fmt.Println("nil Shape assert ok:", ok, "nil Shape == nil:", sh == nil)
	sh = nilCircle
	fmt.Println("typed nil Shape == nil:", sh == nil)
	var e error = nilErr
	fmt.Println("typed nil error == nil:", e == nil)
}
