package main

import (
	"errors"
	"fmt"
	"strings"
)

type Event interface{ Kind() string }

type Click struct{ X, Y int }
type Key struct{ Code rune }
type Scroll struct{ Delta float64 }
type Resize struct{ W, H int }

func (Click) Kind() string    { return "click" }
func (Key) Kind() string      { return "key" }
func (*Scroll) Kind() string  { return "scroll" }
func (r Resize) Kind() string { return "resize" }

type Named interface{ Name() string }
type Custom struct{ N string }

func (c Custom) Name() string { return c.N }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil value"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", x, x)
	case float64:
		return fmt.Sprintf("float %.2f", x)
	case string:
		if x == "" {
			return "empty string"
		}
		return "string " + strings.ToUpper(x)
	case []int:
		return fmt.Sprintf("int slice len=%d", len(x))
	case map[string]int:
		return fmt.Sprintf("map with %d keys", len(x))
	case Click:
		return fmt.Sprintf("click at (%d,%d)", x.X, x.Y)
	case *Scroll:
		if x == nil {
			return "nil *Scroll"
		}
		return fmt.Sprintf("scroll %+.1f", x.Delta)
	case Event:
		return "other event " + x.Kind()
	case error:
		return "error: " + x.Error()
	case Named:
		return "named " + x.Name()
	case fmt.Stringer:
		return "stringer " + x.String()
	case func() int:
		return fmt.Sprint("func returning ", x())
	case chan int:
		return fmt.Sprint("chan cap ", cap(x))
	case bool:
		return fmt.Sprint("bool ", x)
	default:
		return fmt.Sprintf("unknown %T", x)
	}
}

type ip [4]byte

func (i ip) String() string { return fmt.Sprintf("%d.%d.%d.%d", i[0], i[1], i[2], i[3]) }

func grade(score int) []string {
	var out []string
	switch {
	case score >= 90:
		out = append(out, "A")
		fallthrough
	case score >= 80:
		out = append(out, "B-or-better")
		fallthrough
	case score >= 70:
		out = append(out, "passing")
	case score >= 50:
		out = append(out, "retake")
	default:
		out = append(out, "fail")
	}
	return out
}

func main() {
	var sp *Scroll
	var e Event
	values := []any{
		nil, 42, int64(7), 3.14159, "", "go", []int{1, 2}, map[string]int{"a": 1},
		Click{1, 2}, &Scroll{-2.5}, sp, Key{'q'}, Resize{800, 600},
		errors.New("boom"), Custom{"bob"}, ip{10, 0, 0, 1},
		func() int { return 9 }, make(chan int, 4), true, uint8(3), e, struct{}{},
	}
	for i, v := range values {
		fmt.Printf("%2d: %s\n", i, describe(v))
	}

	// interface holds a copy of the struct
	c := Click{5, 5}
	var ev Event = c
	c.X = 100
	fmt.Println(ev.(Click).X, c.X)
	// interface holds a pointer: changes visible
	s := &Scroll{1}
	ev = s
	s.Delta = 9
	fmt.Println(ev.(*Scroll).Delta)
	_, ok := ev.(Click)
	fmt.Println("is click:", ok)
	var ev2 Event = sp
	fmt.Println("typed nil iface == nil:", ev2 == nil, ev2 != nil)

	for _, sc := range []int{95, 85, 72, 55, 10} {
		fmt.Println(sc, grade(sc))
	}

	switch x := 5; x {
	case 1, 2, 3:
		fmt.Println("small")
	case 4, 5, 6:
		fmt.Println("medium")
		if x == 5 {
			break
		}
		fmt.Println("not printed")
	default:
		fmt.Println("large")
	}

	// labeled loops
	grid := [][]int{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}, {0, 0, 0}}
	found := 0
outer:
	for r, row := range grid {
		for c, v := range row {
			switch {
			case v < 0:
				fmt.Printf("negative at %d,%d -> skip row\n", r, c)
				continue outer
			case v == 0:
				fmt.Printf("zero at %d,%d -> stop\n", r, c)
				break outer
			}
			found += v
		}
	}
	fmt.Println("sum", found)

	i := 0
retry:
	i++
	if i < 4 {
		fmt.Print("attempt ", i, "; ")
		goto retry
	}
	fmt.Println("gave up after", i)
}
