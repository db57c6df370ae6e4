// len and range of a pointer to an array, also nil, and addresses of its
// elements.
package main

import "fmt"

var calls int

func arr() *[4]int {
	calls++
	return &[4]int{1, 2, 3, 4}
}

func main() {
	var p *[10]int
	n := 0
	for i := range p {
		n += i
	}
	fmt.Println(len(p), cap(p), n)
	a := [3]int{1, 2, 3}
	q := &a
	r := &q[1]
	*r = 20
	fmt.Println(len(q), a)
	s := 0
	for i := range arr() {
		s += i
	}
	fmt.Println(s, calls)
	for i, v := range q {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
}
