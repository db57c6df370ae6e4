// The min and max builtins: ints, floats, strings, constants, NaN and side effects.
package main

import (
	"fmt"
	"math"
)

const limit = max(10, 20, 15)

type Celsius float64

func next(c *int) int { *c++; return *c }

func main() {
	a, b := 7, 3
	fmt.Println(min(a, b), max(a, b), min(a, b, 1), max(a, 2*b))
	fmt.Println(min(2.5, 1.5), max(1.0, 2))
	fmt.Println(min("pear", "apple", "zoo"), max("pear", "apple"))
	fmt.Println(limit, min(limit, 5))
	x := 3.5
	fmt.Println(max(x, 4), min(x, 1))
	nan := math.NaN()
	fmt.Println(min(nan, 1.0), max(2.0, nan), min(1.0, nan))
	fmt.Println(math.Signbit(min(0.0, math.Copysign(0, -1))), math.Signbit(max(math.Copysign(0, -1), 0.0)))
	t := Celsius(21.5)
	fmt.Printf("%.1f %v\n", max(t, 25), min(t, 25)+1)
	calls := 0
	fmt.Println(max(next(&calls), next(&calls), next(&calls)), calls)
	var total int64
	for _, v := range []int64{5, -2, 9} {
		total = max(total, v)
	}
	fmt.Println(total)
}
