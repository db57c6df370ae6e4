// Type switches and assertions with program-defined types and interfaces.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }

func (c Circle) Area() float64    { return math.Pi * c.R * c.R }
func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string " + x
	case Shape:
		return fmt.Sprintf("shape %.2f", x.Area())
	case error:
		return "error " + x.Error()
	default:
		return "other"
	}
}

func main() {
	shapes := []Shape{Circle{1}, Rect{2, 3}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		if p, ok := s.(interface{ Perimeter() float64 }); ok {
			fmt.Println("perimeter", p.Perimeter())
		}
	}
	fmt.Printf("%.3f\n", total)
	for _, v := range []any{nil, 3, int64(4), "s", Rect{1, 1}, fmt.Errorf("e"), 2.5} {
		fmt.Println(describe(v))
	}
	if r, ok := shapes[1].(Rect); ok {
		fmt.Println(r.W)
	}
}
