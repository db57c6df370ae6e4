package main

import (
	"errors"
	"fmt"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	case Warn:
		return "WARN"
	case Error:
		return "ERROR"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Server struct {
	Name  string
	Port  int
	Tags  []string
	Meta  map[string]int
	Level Level
	Up    bool
	peer  *Server
}

type Vec struct{ X, Y float64 }

func (v Vec) GoString() string { return fmt.Sprintf("Vec(%g, %g)", v.X, v.Y) }

type Secret string

func (s Secret) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		if f.Flag('+') {
			fmt.Fprintf(f, "Secret(len=%d)", len(s))
			return
		}
		fmt.Fprint(f, "******")
	default:
		fmt.Fprintf(f, "%%!%c(Secret)", verb)
	}
}

type Bytes []byte

func main() {
	s := Server{Name: "api", Port: 8443, Tags: []string{"prod", "eu"}, Meta: map[string]int{"b": 2, "a": 1}, Level: Warn, Up: true}
	s.peer = &Server{Name: "peer"}
	fmt.Printf("%v\n", s.Level)
	fmt.Printf("%d %s %q %x %v\n", s.Level, s.Level, s.Level, Level(1), Level(9))
	fmt.Printf("%+v\n", *s.peer)
	fmt.Printf("%v | %+v\n", s.Tags, s.Meta)
	fmt.Printf("%#v\n", s.Tags)
	fmt.Printf("%#v\n", s.Meta)
	fmt.Printf("%T %T %T %T\n", s, &s, s.Meta, s.Level)
	fmt.Printf("%#v %v %+v\n", Vec{1.5, -2}, Vec{1.5, -2}, &Vec{3, 4})
	fmt.Printf("[%v] [%+v] [%s] [%d]\n", Secret("hunter2"), Secret("hunter2"), Secret("x"), Secret("x"))
	fmt.Printf("%5d|%-5d|%05d|%+d|%x|%X|%o|%O|%b|%#x\n", 42, 42, 42, 42, 255, 255, 8, 8, 5, 255)
	fmt.Printf("%*d|%-*d|%.*f\n", 6, 7, 6, 7, 2, 3.14159)
	fmt.Printf("%08.3f|%-10.2f|%+.1e|%e|%E|%g|%G\n", 3.14159, 2.5, 12345.678, 0.000123, 1e21, 1e21, 1e-7)
	fmt.Printf("%g %g %g %g %v %v\n", 100000.0, 1000000.0, 1e20, 0.0001, 1e-5, float32(0.1))
	fmt.Printf("%6.2f%%|%x|%X|% x|%q|%+q|%#q\n", 99.5, "hi", []byte("hi"), "abc", "tab\there", "café", "back`tick")
	fmt.Printf("%c%c%c|%U|%#U|%q|%d\n", 'G', 'o', 0x1F600, 'é', '世', 'x', 'A')
	fmt.Printf("%-10s|%10s|%.3s|%-8q|\n", "left", "right", "truncate", "q")
	fmt.Printf("%t %v %5t|\n", true, false, true)
	fmt.Printf("%v %d %s\n", []byte("AB"), []byte("AB"), []byte("AB"))
	fmt.Printf("%v %x\n", Bytes{1, 2, 255}, Bytes{1, 2, 255})
	fmt.Printf("%v %+v\n", [2][]int{{1}, {2, 3}}, map[Level][]string{Error: {"e"}, Debug: {"d"}})
	fmt.Printf("%v %v\n", struct{}{}, [0]int{})
	var np *Server
	var ni any
	var ne error
	fmt.Printf("%v %+v %v %v %d\n", np, ni, ne, []any{nil, 1}, []int(nil))
	fmt.Printf("%!|%z|%d\n", 5, "str")
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("extra\n", "arg")
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil), fmt.Sprintln("x", 1))
	fmt.Printf("%v|%s\n", errors.New("oops"), fmt.Errorf("wrap: %w", errors.New("inner")))
	fmt.Printf("%6.2v|%.0f|%.0f|%.0f\n", 3.14159, 0.5, 1.5, 2.5)
	fmt.Printf("%x %X %#v %#v\n", -255, int8(-1), int64(7), uint(7))
	fmt.Printf("%#v %#v %#v\n", 1.0, "q\"s", []any{1, "a", nil})
	type inner struct {
		A int
		B *int
	}
	fmt.Printf("%+v\n", inner{A: 1})
	fmt.Printf("%s\n", &s.Tags)
	fmt.Printf("%v\n", &map[string]int{"z": 26})
	fmt.Printf("%08b|%3c|%-4c|\n", 5, 'x', 'y')
	fmt.Printf("%[2]d %[1]d %[2]d\n", 10, 20)
	fmt.Printf("%.2s|%.10q|%5.1s|\n", "日本語", "日本語日本語", "ab")
}
