// sync.Once, sync/atomic types, sync.Map and a mutex-protected map.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits atomic.Int64
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits.Add(1)
		}()
	}
	wg.Wait()
	fmt.Println(hits.Load())
	var n int32
	atomic.AddInt32(&n, 5)
	fmt.Println(atomic.LoadInt32(&n))
	var sm sync.Map
	sm.Store("a", 1)
	v, ok := sm.Load("a")
	fmt.Println(v, ok)
	counts := map[string]int{}
	var mu sync.Mutex
	for _, w := range []string{"x", "y", "x"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			counts[w]++
		}()
	}
	wg.Wait()
	fmt.Println(counts["x"], counts["y"])
}
