// Arguments of deferred calls are evaluated when the defer statement runs:
// variables changed afterwards, receivers, function values, loops.
package main

import (
	"fmt"
	"sync"
)

type point struct{ x, y int }

func (p point) Show(label string) { fmt.Println(label, p.x, p.y) }

func (p *point) Move(label string) { fmt.Println(label, p.x, p.y) }

func pair() (string, int) { return "pair", 1 }

func hello(name string, n int) { fmt.Println("hello", name, n) }

func bye(name string, n int) { fmt.Println("bye", name, n) }

type flag bool

type failure struct{ step string }

func (f *failure) Error() string { return "failed at " + f.step }

type level int

func (l level) String() string { return [...]string{"low", "high"}[l] }

func report(f flag) { fmt.Println("flag", f) }

func values() {
	x := 10
	defer fmt.Println("x at defer:", x)
	defer hello("x", x)
	p := point{1, 2}
	defer p.Show("value receiver")
	q := &point{3, 4}
	defer q.Show("value method through a pointer")
	defer q.Move("pointer method")
	greet := hello
	defer greet("function value", x)
	defer func(v int) { fmt.Println("literal", v) }(x)
	defer report(x == 10)
	defer fmt.Println(pair())
	xs := []int{1, 2}
	defer fmt.Println("element", xs[0], len(xs))
	err := &failure{"parse"}
	defer fmt.Println("error:", err)
	levels := []level{0}
	defer fmt.Println("levels:", levels)
	if x > 5 {
		defer fmt.Println("in if", x)
	} else {
		defer fmt.Println("in else", x)
	}
	x = 20
	p.x = 9
	q.x = 9
	greet = bye
	xs[0] = 9
	xs = append(xs, 3)
	err = &failure{"load"}
	levels = append(levels, 1)
	fmt.Println("x now", x, err, levels)
}

func unchanged() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done() }()
	wg.Wait()
	name := "fixed"
	defer fmt.Println("unchanged", name)
}

func loops() {
	n := 0
	for i := 0; i < 3; i++ {
		n++
		defer fmt.Println("loop", i, n)
		defer func(a, b int) { fmt.Println("loop literal", a, b) }(i, n)
	}
	for _, s := range []string{"a", "b"} {
		defer fmt.Print(s, " ")
	}
}

func main() {
	values()
	unchanged()
	loops()
	fmt.Println()
}
