package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type PanicError struct {
	Value any
	Op    string
}

func (p *PanicError) Error() string { return fmt.Sprintf("%s panicked: %v", p.Op, p.Value) }
func (p *PanicError) Unwrap() error {
	if e, ok := p.Value.(error); ok {
		return e
	}
	return nil
}

func safely(op string, f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &PanicError{r, op}
		}
	}()
	f()
	return nil
}

type node struct {
	val  int
	next *node
}

var ErrBudget = errors.New("budget exhausted")

func divide(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("divide %d/%d: %v", a, b, r)
			q = -1
		}
	}()
	return a / b, nil
}

func nested() (trace []string) {
	defer func() {
		r := recover()
		trace = append(trace, fmt.Sprintf("outer recovered %v", r))
	}()
	func() {
		defer func() {
			r := recover()
			trace = append(trace, fmt.Sprintf("inner recovered %v", r))
			panic(fmt.Sprintf("re-panic(%v)", r))
		}()
		panic("first")
	}()
	trace = append(trace, "unreachable")
	return trace
}

func main() {
	var m map[string]int
	var p *node
	arr := []int{1, 2, 3}
	idx := 5
	var anyv any = "text"
	cases := []struct {
		name string
		f    func()
	}{
		{"nil map write", func() { m["x"] = 1 }},
		{"nil map read", func() { _ = m["x"] }},
		{"index", func() { _ = arr[idx] }},
		{"slice bounds", func() { _ = arr[2:idx] }},
		{"nil deref", func() { _ = p.next.val }},
		{"type assert", func() { _ = anyv.(int) }},
		{"custom string", func() { panic("boom") }},
		{"custom error", func() { panic(fmt.Errorf("wrapped: %w", ErrBudget)) }},
		{"custom int", func() { panic(42) }},
		{"closed chan", func() { c := make(chan int); close(c); close(c) }},
		{"negative make", func() { n := -idx; _ = make([]int, n) }},
		{"no panic", func() {}},
	}
	for _, c := range cases {
		err := safely(c.name, c.f)
		if err == nil {
			fmt.Printf("%-14s ok\n", c.name)
			continue
		}
		var re runtime.Error
		isRuntime := errors.As(err, &re)
		fmt.Printf("%-14s runtime=%-5t budget=%-5t %v\n", c.name, isRuntime, errors.Is(err, ErrBudget), err)
	}
	for _, d := range [][2]int{{7, 2}, {7, 0}, {-7, 2}} {
		q, err := divide(d[0], d[1])
		fmt.Println("divide:", q, err)
	}
	fmt.Println(strings.Join(nested(), " | "))
	var order []string
	func() {
		defer func() { order = append(order, fmt.Sprint("recover:", recover())) }()
		for i := range 3 {
			defer func() { order = append(order, fmt.Sprint("defer", i)) }()
		}
		panic("loop")
	}()
	fmt.Println(order)
	fmt.Println("recover outside panic:", recover())
	err := safely("goexit-free", func() { panic(fmt.Sprintf("%T", p)) })
	fmt.Println(err)
}
