package main

import (
	"errors"
	"fmt"
)

type Tx struct {
	name string
	log  []string
}

func (t *Tx) Commit() error {
	t.log = append(t.log, "commit")
	if t.name == "bad" {
		return errors.New("commit failed")
	}
	return nil
}

func (t *Tx) Rollback() { t.log = append(t.log, "rollback") }

func process(t *Tx, steps int) (n int, err error) {
	defer func() {
		if err != nil {
			t.Rollback()
			err = fmt.Errorf("process %s: %w", t.name, err)
			return
		}
		err = t.Commit()
		if err != nil {
			n = -1
		}
	}()
	for i := 0; i < steps; i++ {
		if i == 3 {
			return i, errors.New("step 3 exploded")
		}
		n++
	}
	return n, nil
}

func deferOrder() {
	for i := 0; i < 4; i++ {
		defer fmt.Print("d", i, " ")
	}
	fmt.Print("body ")
}

func deferArgsEval() (result int) {
	x := 10
	defer fmt.Println("deferred sees x =", x)
	defer func() { fmt.Println("closure sees x =", x); result *= 2 }()
	x = 20
	return x + 1
}

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = 0
		}
	}()
	q = a / b
	return
}

func counter() (c int) {
	defer func() { c++ }()
	defer func() { c *= 10 }()
	c = 4
	return c
}

func loopDefers() []string {
	var out []string
	func() {
		for _, s := range []string{"x", "y", "z"} {
			defer func() { out = append(out, s) }()
		}
	}()
	return out
}

type resource struct{ id int }

func (r *resource) Close() { fmt.Println("close", r.id) }

func open(n int) {
	for i := 1; i <= n; i++ {
		r := &resource{i}
		defer r.Close()
	}
	fmt.Println("opened", n)
}

func main() {
	for _, tc := range []struct {
		name  string
		steps int
	}{{"ok", 2}, {"boom", 5}, {"bad", 1}} {
		t := &Tx{name: tc.name}
		n, err := process(t, tc.steps)
		fmt.Printf("%s: n=%d err=%v log=%v\n", tc.name, n, err, t.log)
	}
	deferOrder()
	fmt.Println()
	fmt.Println("result", deferArgsEval())
	fmt.Println(safeDiv(10, 3))
	fmt.Println(safeDiv(1, 0))
	fmt.Println("counter", counter())
	fmt.Println(loopDefers())
	open(3)
	func() {
		defer func() {
			r := recover()
			fmt.Printf("recovered %v (%T)\n", r, r)
		}()
		defer fmt.Println("runs before recover")
		var arr []int
		_ = arr[0]
	}()
	fmt.Println("done")
}
