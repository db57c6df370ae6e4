package main

import (
	"errors"
	"fmt"
	"strconv"
)

var counter = 100

type Config struct {
	Name    string
	Retries *int
	Tags    []string
	Limits  map[string]int
}

func parsePort(s string) (port int, err error) {
	if s == "" {
		err = errors.New("empty")
		return
	}
	// shadowed err inside if: outer err unchanged
	if port, err := strconv.Atoi(s); err != nil {
		_ = port
		return -1, fmt.Errorf("bad port %q: %w", s, err)
	} else if port > 65535 {
		return port, errors.New("port too large")
	}
	port, err = strconv.Atoi(s)
	return
}

func increment() int {
	counter := counter + 1 // shadows package var
	counter++
	return counter
}

func main() {
	x := 1
	{
		x := 2
		x++
		fmt.Println("inner x", x)
	}
	fmt.Println("outer x", x)
	if x := "string now"; len(x) > 3 {
		fmt.Println("if x", x)
	}
	for x := 0; x < 2; x++ {
		x := x * 10
		fmt.Println("loop x", x)
	}
	fmt.Println(increment(), counter)

	for _, s := range []string{"8080", "", "abc", "70000", "443"} {
		p, err := parsePort(s)
		fmt.Printf("%q -> %d, %v\n", s, p, err)
	}

	var err error
	val := "12"
	if n, err := strconv.Atoi(val); err == nil {
		fmt.Println("parsed", n)
	}
	fmt.Println("outer err still nil:", err == nil)

	// new(T)
	ip := new(int)
	*ip = 7
	sp := new(string)
	cp := new(Config)
	fmt.Println(*ip, *sp == "", cp.Name == "", cp.Retries == nil, cp.Tags == nil, cp.Limits == nil)
	r := 3
	cp.Retries = &r
	r = 5
	fmt.Println("retries", *cp.Retries)
	pp := &cp
	(*pp).Name = "via double ptr"
	fmt.Println(cp.Name)
	arr := new([3]int)
	arr[1] = 4
	fmt.Println(*arr, len(arr))
	m := *new(map[string]int)
	fmt.Println(m == nil, len(m), m["missing"])
	sl := new([]string)
	*sl = append(*sl, "a", "b")
	fmt.Println(*sl, len(*sl))

	type local struct{ v int }
	l1 := local{1}
	l2 := &l1
	l3 := l1
	l2.v = 9
	fmt.Println(l1.v, l2.v, l3.v)

	// multiple assignment and swap semantics
	a, b, c := 1, 2, 3
	a, b, c = c, a, b
	fmt.Println(a, b, c)
	s := []int{1, 2, 3}
	i := 0
	i, s[i] = 1, 9
	fmt.Println(i, s)
	var f func() int
	fmt.Println(f == nil)
	f = func() int { return x * 100 }
	x = 5
	fmt.Println(f())
	const x2 = 10
	{
		const x2 = "shadow const"
		fmt.Println(x2)
	}
	fmt.Println(x2)
	type int32 = string // shadowing a predeclared type name (legal!)
	var weird int32 = "not a number"
	fmt.Println(weird)
	true := false
	fmt.Println(true, !true)
	len := func(s string) int { return 42 }
	fmt.Println(len("abc"))
	nil_ := []int(nil)
	fmt.Println(nil_ == nil)
}
