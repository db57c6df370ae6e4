// Variables defined by a select case's receive are new in each iteration:
// closures and pointers keep their own.
package main

import "fmt"

func main() {
	c := make(chan int, 1)
	var ps []*int
	var fs []func() int
	for i := 0; i < 3; i++ {
		c <- i
		select {
		case v := <-c:
			ps = append(ps, &v)
			fs = append(fs, func() int { return v * 10 })
		}
	}
	fmt.Println(*ps[0], *ps[1], *ps[2], ps[0] == ps[1], fs[0](), fs[2]())
	d := make(chan string, 1)
	d <- "x"
	close(d)
	for range 2 {
		select {
		case s, ok := <-d:
			fmt.Printf("%q %v\n", s, ok)
		}
	}
}
