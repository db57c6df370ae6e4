// Goroutines running the same select statement at once each use their own
// channels and values.
package main

import (
	"fmt"
	"sort"
	"sync"
)

func worker(id int, in <-chan int, out chan<- string, done <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case v, ok := <-in:
			if !ok {
				return
			}
			select {
			case out <- fmt.Sprintf("w%d:%d", id, v*v):
			case <-done:
				return
			}
		case <-done:
			return
		}
	}
}

func main() {
	const workers, jobs = 8, 50
	out := make(chan string, workers*jobs)
	done := make(chan struct{})
	var wg sync.WaitGroup
	ins := make([]chan int, workers)
	for w := range workers {
		ins[w] = make(chan int)
		wg.Add(1)
		go worker(w, ins[w], out, done, &wg)
	}
	for j := range jobs {
		for w, in := range ins {
			in <- j*workers + w
		}
	}
	for _, in := range ins {
		close(in)
	}
	wg.Wait()
	close(done)
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	sort.Strings(got)
	wrong := 0
	for _, s := range got {
		var id, sq int
		fmt.Sscanf(s, "w%d:%d", &id, &sq)
		ok := false
		for j := range jobs {
			v := j*workers + id
			ok = ok || v*v == sq
		}
		if !ok {
			wrong++
		}
	}
	fmt.Println(len(got), wrong, got[0], got[len(got)-1])
}
