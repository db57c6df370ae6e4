// Type aliases declared inside functions.
package main

import "fmt"

func main() {
	points := []struct{ X, Y int }{{1, 2}, {3, 4}}
	type pt = struct{ X, Y int }
	var p pt = points[1]
	q := pt{5, 6}
	fmt.Println(p, q, p == struct{ X, Y int }{3, 4})
	type Celsius = float64
	var c Celsius = 3.5
	type fn = func(int) int
	double := fn(func(i int) int { return i * 2 })
	fmt.Println(c*2, double(21))
}
