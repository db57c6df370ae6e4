// Go 1.22 per-iteration loop variables captured by closures and goroutines.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	var gs []func() string
	for _, s := range []string{"a", "b", "c"} {
		gs = append(gs, func() string { return s })
	}
	for _, g := range gs {
		fmt.Print(g(), " ")
	}
	fmt.Println()
	var mu sync.Mutex
	var wg sync.WaitGroup
	var seen []int
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, i)
			mu.Unlock()
		}()
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println(seen)
	m := map[string]int{"k": 1}
	var hs []func() string
	for k, v := range m {
		hs = append(hs, func() string { return fmt.Sprint(k, v) })
	}
	fmt.Println(hs[0]())
}
