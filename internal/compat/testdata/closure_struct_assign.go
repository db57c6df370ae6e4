// Struct values assigned to captured variables inside closures, and to
// named results in deferred functions after a recover.
package main

import "fmt"

type R struct {
	Val int
	Err string
}

func mk() R { return R{Val: 5} }

func main() {
	var r1, r2, r3, r4 R
	o := R{Val: 7}
	var a [2]int
	m := map[string]int{}
	var s []int
	func() {
		r1 = mk()
		r2 = o
		r3 = R{Val: 9}
		r4.Val = 4
		a = [2]int{1, 2}
		m = map[string]int{"k": 1}
		s = []int{1}
	}()
	fmt.Println(r1, r2, r3, r4, a, m, s)
	x := 0
	func() { x = 5 }()
	fmt.Println(x, deferA(), deferC())
}

func deferA() (res R) {
	defer func() {
		if p := recover(); p != nil {
			res = R{Err: fmt.Sprint(p)}
		}
	}()
	panic("boom")
}

func deferC() (res R) {
	defer func() { res = R{Err: "z", Val: res.Val + 1} }()
	return R{Val: 1}
}
