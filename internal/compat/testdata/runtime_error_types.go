// Recovered run-time errors have the types and messages of Go's runtime.
package main

import "fmt"

func try(f func()) {
	defer func() { e := recover(); fmt.Printf("%T %v\n", e, e) }()
	f()
}

func main() {
	var s []int
	var m map[string]int
	var p *struct{ x int }
	z := 0
	var a any = "x"
	try(func() { _ = s[3] })
	try(func() { m["a"] = 1 })
	try(func() { _ = p.x })
	try(func() { _ = 3 / z })
	try(func() { _ = a.(int) })
	try(func() { _ = s[1:5] })
	try(func() {
		m := map[any]int{}
		var k any = T{}
		m[k] = 1
	})
}

type T struct {
	a, b int
	c    []int
}

func init() {
	defer func() {
		e := recover().(error)
		fmt.Println("init:", e)
	}()
	var m map[string]bool
	m["x"] = true
}
