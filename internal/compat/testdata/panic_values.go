// Panic values as recover() returns them: strings, numbers, native errors,
// the program's error types (pointer and struct), and the recovered value
// asserted back to its type, also inside a goroutine.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type codeError struct{ Code int }

func (e *codeError) Error() string { return fmt.Sprintf("code %d", e.Code) }

type textError struct{ text string }

func (e textError) Error() string { return "text " + e.text }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v |", name, r)
		if s, ok := r.(string); ok {
			fmt.Print(" string ", s)
		}
		if n, ok := r.(int); ok {
			fmt.Print(" int ", n)
		}
		if e, ok := r.(error); ok {
			fmt.Print(" error ", e.Error())
		}
		if e, ok := r.(*codeError); ok {
			fmt.Print(" *codeError ", e.Code)
		}
		if e, ok := r.(textError); ok {
			fmt.Print(" textError ", e.text)
		}
		fmt.Println()
	}()
	f()
}

func mustPositive(n int) int {
	if n <= 0 {
		err := &codeError{n}
		panic(err)
	}
	return n
}

func main() {
	try("string", func() { panic("boom") })
	try("int", func() { panic(42) })
	try("errors.New", func() { panic(errors.New("plain")) })
	try("pointer error", func() { mustPositive(-3) })
	try("struct error", func() { panic(textError{"t"}) })
	try("runtime", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("no panic", func() {})

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			msg := recover().(string)
			fmt.Println("goroutine recovered", msg)
		}()
		panic("in goroutine")
	}()
	wg.Wait()

	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		zero := 0
		fmt.Println(1 / zero)
	}()
}
