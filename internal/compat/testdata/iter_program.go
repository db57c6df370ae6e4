// Program-defined iterators: iter.Seq and iter.Seq2 with break, continue and return.
package main

import (
	"fmt"
	"iter"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				fmt.Println("stopped at", i)
				return
			}
		}
	}
}

func Pairs(words []string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i, w := range words {
			if !yield(i, w) {
				return
			}
		}
	}
}

func firstLong(words []string) (int, string) {
	for i, w := range Pairs(words) {
		if len(w) > 3 {
			return i, w
		}
	}
	return -1, ""
}

func main() {
	for i := range Count(10) {
		if i%2 == 1 {
			continue
		}
		if i > 6 {
			break
		}
		fmt.Print(i, " ")
	}
	fmt.Println()
	fmt.Println(firstLong([]string{"a", "bb", "cccc", "dddd"}))
	fmt.Println(firstLong(nil))
	fmt.Println(slices.Collect(Count(3)))
	var seq iter.Seq[int] = Count(2)
	seq = iter.Seq[int](seq)
	for x := range seq {
		fmt.Println("x", x)
	}
	evens := func(yield func(int) bool) {
		for i := 0; ; i += 2 {
			if !yield(i) {
				return
			}
		}
	}
	for v := range evens {
		if v >= 6 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
}
