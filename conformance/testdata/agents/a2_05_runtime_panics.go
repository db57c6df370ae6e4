package main

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
)

type Shape interface{ Area() float64 }
type Sq struct{ S float64 }

func (s Sq) Area() float64 { return s.S * s.S }

type Node struct {
	Val  int
	Next *Node
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			fmt.Printf("%-14s ok\n", name)
			return
		}
		var re runtime.Error
		if err, ok := r.(error); ok && errors.As(err, &re) {
			fmt.Printf("%-14s runtime error: %v\n", name, re)
			return
		}
		fmt.Printf("%-14s panic(%T): %v\n", name, r, r)
	}()
	f()
}

func main() {
	idx := 5
	try("index", func() {
		s := []int{1, 2, 3}
		fmt.Println(s[idx])
	})
	try("slice-bounds", func() {
		s := []int{1, 2, 3}
		lo := 2
		hi := 1
		fmt.Println(s[lo:hi])
	})
	try("nil-map", func() {
		var m map[string]int
		m["a"] = 1
	})
	try("nil-ptr", func() {
		var n *Node
		fmt.Println(n.Val)
	})
	try("div-zero", func() {
		a, b := 10, 0
		fmt.Println(a / b)
	})
	try("type-assert", func() {
		var x any = "hello"
		n := x.(int)
		fmt.Println(n)
	})
	try("iface-assert", func() {
		var x any = 42
		s := x.(Shape)
		fmt.Println(s)
	})
	try("nil-iface", func() {
		var s Shape
		fmt.Println(s.Area())
	})
	try("custom-err", func() {
		panic(fmt.Errorf("wrapped: %w", errors.New("inner")))
	})
	try("custom-str", func() {
		panic("plain string")
	})
	try("custom-int", func() {
		panic(42)
	})
	try("closed-chan", func() {
		c := make(chan int)
		close(c)
		close(c)
	})
	try("array-idx", func() {
		var a [4]int
		i := 4
		a[i%8] = 1
	})
	try("fine", func() {
		_ = Sq{2}.Area()
	})
	try("conversion", func() {
		s := make([]int, 2)
		_ = [3]int(s)
	})

	// panics inside goroutines recovered there
	var wg sync.WaitGroup
	var mu sync.Mutex
	results := []string{}
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					mu.Lock()
					results = append(results, fmt.Sprintf("worker %d recovered: %v", id, r))
					mu.Unlock()
				}
			}()
			data := []int{10, 20, 30}
			d := id - 2
			v := data[id] / d
			mu.Lock()
			results = append(results, fmt.Sprintf("worker %d result %d", id, v))
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}
	// re-panic pattern
	func() {
		defer func() {
			fmt.Println("outer recovered:", recover())
		}()
		func() {
			defer func() {
				if r := recover(); r != nil {
					panic(fmt.Sprintf("re-panic(%v)", r))
				}
			}()
			panic("first")
		}()
	}()
}
