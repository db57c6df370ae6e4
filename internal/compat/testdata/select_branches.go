// break and continue in select cases, also out of statements nested in a
// case, and labelled selects.
package main

import "fmt"

func main() {
	ch := make(chan int, 10)
	for i := range 6 {
		ch <- i
	}
	close(ch)
	seen := 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			switch {
			case v%2 == 0:
				continue
			}
			if v == 5 {
				break
			}
			seen += v
		}
	}
	fmt.Println(seen)
	d := make(chan string, 1)
	d <- "x"
sel:
	select {
	case s := <-d:
		for range 3 {
			if s == "x" {
				break sel
			}
		}
		fmt.Println("not reached")
	default:
		fmt.Println("default")
	}
	select {
	default:
		fmt.Println("empty")
	case <-d:
	}
}
