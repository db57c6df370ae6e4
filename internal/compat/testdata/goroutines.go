// Goroutines, channels, select, a worker pool and a mutex.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

func worker(id int, jobs <-chan int, results chan<- [2]int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- [2]int{j, j * j}
	}
}

func main() {
	jobs := make(chan int, 10)
	results := make(chan [2]int, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for i := 1; i <= 6; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(results)
	var got [][2]int
	for r := range results {
		got = append(got, r)
	}
	sort.Slice(got, func(i, j int) bool { return got[i][0] < got[j][0] })
	fmt.Println(got)

	done := make(chan struct{})
	msgs := make(chan string)
	go func() {
		for _, m := range []string{"a", "b"} {
			msgs <- m
		}
		close(done)
	}()
	for {
		select {
		case m := <-msgs:
			fmt.Println("msg", m)
			continue
		case <-done:
		case <-time.After(2 * time.Second):
			fmt.Println("timeout")
		}
		break
	}
	var once sync.Once
	for range 3 {
		once.Do(func() { fmt.Println("once") })
	}
}
