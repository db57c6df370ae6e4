// The cmp package: Compare, Less, Or, and cmp.Ordered in program generics.
package main

import (
	"cmp"
	"fmt"
	"math"
)

func Clamp[T cmp.Ordered](v, lo, hi T) T {
	return min(max(v, lo), hi)
}

func Largest[T cmp.Ordered](xs ...T) T {
	best := xs[0]
	for _, x := range xs[1:] {
		if cmp.Less(best, x) {
			best = x
		}
	}
	return best
}

func main() {
	fmt.Println(cmp.Compare(1, 2), cmp.Compare("b", "a"), cmp.Compare(2.0, 2.0))
	fmt.Println(cmp.Less(1, 2), cmp.Less("b", "a"))
	nan := math.NaN()
	fmt.Println(cmp.Compare(nan, 1.0), cmp.Compare(nan, nan), cmp.Less(nan, 1.0))
	name := ""
	fmt.Println(cmp.Or(name, "default"), cmp.Or(0, 0, 3, 4))
	fmt.Println(Clamp(15, 0, 10), Clamp(-2.5, 0, 1), Clamp("m", "a", "k"))
	fmt.Println(Largest(3, 9, 4), Largest("x", "yy"))
}
