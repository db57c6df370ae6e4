package main

import (
	"fmt"
	"math"
)

type Color uint8

const (
	Red Color = iota + 1
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
	return fmt.Sprintf("Color(%d)", uint8(c))
}

type Inner struct {
	Label string
	Vals  []int
}

type Outer struct {
	Name  string
	C     Color
	In    Inner
	Ptr   *Inner
	M     map[string]int
	Any   any
	Bytes []byte
}

type Temp float64

func (t Temp) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "Temp{%.1f°C}", float64(t))
			return
		}
		fmt.Fprintf(f, "%.1f°C", float64(t))
	default:
		fmt.Fprintf(f, "%%!%c(Temp)", verb)
	}
}

type pair struct {
	a int
	b string
}

func main() {
	o := Outer{
		Name:  "cfg",
		C:     Green,
		In:    Inner{"x", []int{1, 2}},
		M:     map[string]int{"z": 26, "a": 1, "m": 13},
		Any:   3.5,
		Bytes: []byte("hi"),
	}
	fmt.Printf("%v\n", o)
	fmt.Printf("%+v\n", o)
	fmt.Printf("%#v\n", o.In)
	fmt.Printf("%#v\n", o.M)
	fmt.Printf("%T %T %T %T\n", o, o.C, o.M, o.Any)
	fmt.Printf("%v %d %s %q %x\n", o.C, o.C, o.C, o.C, o.C)
	fmt.Printf("%q %x %X % x %#x\n", "héllo", "héllo", "hi", "abc", "abc")
	fmt.Printf("%o %#o %O %b %#b\n", 64, 64, 64, 5, 5)
	fmt.Printf("%x %X %#X %08b\n", 3054, 3054, 3054, 13)
	fmt.Printf("%e %E %.3e %g %G\n", 123456.789, 0.000123, 1.0/3, 1e21, 1e-7)
	fmt.Printf("%g %g %g %g\n", 100000.0, 1000000.0, 1e20, 0.0001)
	fmt.Printf("|%8.3f|%-8.2f|%+.1f|%08.3f|% d|\n", math.Pi, math.E, 2.25, -3.14159, 42)
	fmt.Printf("|%-10s|%10s|%.3s|%-5.2s|\n", "left", "right", "truncate", "ab")
	fmt.Printf("|%*d|%-*d|%.*f|\n", 6, 42, 6, 42, 2, math.Pi)
	fmt.Printf("%U %#U %c %c %q\n", 'ü', '世', 65, 0x1F600, 'x')
	fmt.Printf("%t %v %5t\n", true, false, true)
	fmt.Printf("%v %+v\n", pair{1, "x"}, &pair{2, "y"})
	fmt.Printf("%v %s\n", []Color{Red, Blue, 9}, []string{"a", "b"})
	fmt.Printf("%q\n", []string{"a b", "c\"d"})
	fmt.Printf("%x %X\n", []byte{1, 171, 255}, "\xff\x00")
	fmt.Printf("%v %+v %s\n", Temp(21.55), Temp(-4), Temp(0))
	fmt.Printf("%d\n", Temp(3))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Printf("%!\n")
	fmt.Printf("%v %v %v\n", nil, []int(nil), map[string]int(nil))
	var ip *int
	fmt.Printf("%v %+v\n", ip, ip)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%v %.2v %10.4v|\n", 1.0/3, 1.0/3, 1.0/3)
	fmt.Printf("%v %v\n", complex(1, -2), float32(0.1))
	fmt.Printf("%08.2f|%-08d|%+08d\n", -1.5, 7, 7)
	fmt.Printf("%x %x\n", -255, int8(-1))
	fmt.Printf("%c|%5c|%-3c|\n", 'a', 'b', 'c')
	fmt.Printf("%s\n", error(nil))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil))
	fmt.Println(fmt.Sprintln("x", 1) + "end")
	fmt.Printf("%[2]d %[1]d %d\n", 10, 20)
	fmt.Printf("%v\n", struct {
		A *int
		B []any
	}{nil, []any{1, "a", nil, 2.5, []int{}}})
	fmt.Printf("%#v\n", []any{1, "a", nil, Red})
	fmt.Printf("%#v %#v %#v\n", 42, "s", 1.0)
}
