// break and continue inside select cases, and labeled loops around them.
package main

import "fmt"

func main() {
	ch := make(chan int, 10)
	for i := range 6 {
		ch <- i
	}
	close(ch)
	sum, skipped := 0, 0
loop:
	for {
		select {
		case v, ok := <-ch:
			if !ok {
				break loop
			}
			if v%2 == 1 {
				skipped++
				continue
			}
			if v == 4 {
				break
			}
			sum += v
		}
		fmt.Println("after select, sum", sum)
	}
	fmt.Println(sum, skipped)
	done := make(chan bool, 1)
	done <- true
	for i := 0; i < 3; i++ {
		select {
		case <-done:
			fmt.Println("done at", i)
			continue
		default:
			if i == 2 {
				break
			}
			fmt.Println("default", i)
		}
		fmt.Println("end of", i)
	}
}
