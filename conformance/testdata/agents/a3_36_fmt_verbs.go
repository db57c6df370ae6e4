package main

import (
	"errors"
	"fmt"
	"math"
)

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	case Blue:
		return "Blue"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Point struct {
	X, Y int
}

type Temp float64

func (t Temp) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "%.2f°C (%.2f°F)", float64(t), float64(t)*9/5+32)
			return
		}
		fmt.Fprintf(f, "%.1f°C", float64(t))
	default:
		fmt.Fprintf(f, "%%!%c(Temp=%g)", verb, float64(t))
	}
}

type Secret string

func (s Secret) GoString() string { return `Secret("***")` }

type Node struct {
	Name     string
	Color    Color
	Pos      *Point
	Children []*Node
	Attrs    map[string]any
	private  bool
}

type wrapErr struct{ msg string }

func (w wrapErr) Error() string { return "wrapErr: " + w.msg }

func main() {
	p := Point{3, -4}
	pp := &p
	n := Node{Name: "root", Color: Blue, Pos: &Point{1, 2}, Attrs: map[string]any{"z": 1, "a": []int{1, 2}, "m": map[string]int{"y": 2, "x": 1}}, private: true}
	fmt.Printf("%v | %+v | %#v | %T\n", p, p, p, p)
	fmt.Printf("%v | %+v | %T\n", pp, pp, pp)
	fmt.Printf("%v\n", n.Attrs)
	fmt.Printf("%+v\n", Node{Name: "leaf", Color: Color(7)})
	fmt.Printf("%#v\n", []any{1, "a", nil, 2.5, true, Red, []string{"x"}})
	fmt.Printf("%#v %#v %#v\n", map[string]int{"b": 2, "a": 1}, Secret("pw"), struct{ A, b int }{1, 2})
	fmt.Printf("%v %d %s %q %x\n", Green, Green, Green, Green, Green)
	fmt.Printf("[%5t] [%-6t] [%v]\n", true, false, !true)
	fmt.Printf("[%08.3f] [%-10.2f] [%+.1e] [%g] [%G] [%.3g]\n", math.Pi, -2.5, 123456.789, 1e21, 1e-7, 2.0/3)
	fmt.Printf("[%-12s] [%12s] [%.3s] [%q] [%+q] [%#q]\n", "left", "right", "truncate", "tab\there", "héllo", "raw`tick")
	fmt.Printf("[%x] [%X] [% x] [%#x] [%x]\n", "hi!", []byte("Go"), "abc", 255, -255)
	fmt.Printf("[%c] [%c] [%U] [%#U] [%q]\n", 'G', 0x1F600, 'é', '世', 'x')
	fmt.Printf("[%b] [%o] [%O] [%#o] [%08b] [%+d] [% d] [%5d] [%-5d|]\n", 5, 64, 64, 8, 5, 42, 42, 42, 42)
	fmt.Printf("[%6.2f%%] [%*d] [%-*d] [%.*f]\n", 12.3456, 5, 7, 4, 3, 2, math.E)
	fmt.Printf("%v %v %v %v\n", math.Inf(1), math.Inf(-1), math.NaN(), -0.0)
	fmt.Printf("%v %.2f %v %v\n", 1e6, 1e6, 1e20, 123456789.0)
	fmt.Printf("%v %v %v\n", float32(0.1), 0.1+0.2, float32(16777217))
	fmt.Printf("%v %+v\n", Temp(21.5), Temp(21.5))
	fmt.Printf("%d\n", Temp(3))
	fmt.Printf("%v %s\n", wrapErr{"boom"}, errors.New("plain"))
	fmt.Printf("%v %+v\n", fmt.Errorf("ctx: %w", wrapErr{"inner"}), []error{nil, wrapErr{"x"}})
	fmt.Printf("%d %s\n", "str", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%!\n")
	fmt.Printf("%v %v\n", nil, []int(nil))
	var np *Point
	var ie error
	fmt.Printf("%v %+v %v\n", np, ie, map[string]int(nil))
	fmt.Printf("%v %v\n", [3]bool{true}, [][]int{{1}, {2, 3}, nil})
	fmt.Printf("%v %+v\n", struct {
		P  Point
		C  Color
		Cs []Color
	}{Point{5, 6}, Green, []Color{Red, Blue}}, struct{ M map[Color]string }{map[Color]string{Blue: "b", Red: "r"}})
	fmt.Printf("%s|%v|%q\n", []string{"a", "b c"}, []byte("hey"), []string{"x", "y"})
	fmt.Printf("%x %X %v\n", []int{10, 255}, "Zz", [2][]byte{[]byte("a"), nil})
	fmt.Printf("%t %v %08.3f %+08d %x\n", 1, complex(1, -2), -3.14159, 7, 3.5)
	s := fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil, Red)
	s2 := fmt.Sprintln("a", 1, 2, "b")
	fmt.Printf("%q %q\n", s, s2)
	fmt.Println(fmt.Sprintf("%6.2v|%-8v|%8v|", 3.14159, Red, pp))
	fmt.Printf("%v %v %v %v\n", int8(-128), uint8(200), uint64(math.MaxUint64), int64(math.MinInt64))
	fmt.Printf("%c%c%c %v %q\n", 72, 105, 33, 'A', rune(65))
	fmt.Printf("%5.1q|%-5c|%3c|\n", "abcdef", 'x', 'y')
	type pair struct {
		K string
		V *int
	}
	v := 9
	pr := pair{"k", &v}
	fmt.Printf("%v %d\n", pr.K, *pr.V)
	fmt.Printf("%T %T %T %T %T %T\n", pr, &pr, []*Node{}, map[Color][]Point{}, func(int) string { return "" }, make(chan<- int))
}
