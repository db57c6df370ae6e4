// defer, panic and recover, with named results changed by a deferred closure.
package main

import (
	"errors"
	"fmt"
)

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	return a / b, nil
}

func counted() (n int) {
	defer func() { n *= 2 }()
	n = 5
	return n + 1
}

func main() {
	fmt.Println(safeDiv(10, 2))
	fmt.Println(safeDiv(1, 0))
	fmt.Println(counted())
	for i := 0; i < 3; i++ {
		func() {
			defer fmt.Print(i, " ")
		}()
	}
	fmt.Println()
	func() {
		defer func() { fmt.Println("inner recovered:", recover()) }()
		panic(errors.New("boom"))
	}()
	var m map[string]int
	func() {
		defer func() { fmt.Println(recover() != nil) }()
		m["x"] = 1
	}()
}
