package main

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
)

func Fib() iter.Seq[int] {
	return func(yield func(int) bool) {
		a, b := 0, 1
		for {
			if !yield(a) {
				return
			}
			a, b = b, a+b
		}
	}
}

func Take[T any](seq iter.Seq[T], n int) iter.Seq[T] {
	return func(yield func(T) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range seq {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func Where[T any](seq iter.Seq[T], pred func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if pred(v) && !yield(v) {
				return
			}
		}
	}
}

func Enumerate[T any](seq iter.Seq[T]) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		i := 0
		for v := range seq {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func Lines(s string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 1
		for len(s) > 0 {
			line, rest, _ := strings.Cut(s, "\n")
			if !yield(n, line) {
				return
			}
			s = rest
			n++
		}
	}
}

type Playlist struct {
	songs []string
}

func (p *Playlist) Shuffled(seed int) iter.Seq[string] {
	return func(yield func(string) bool) {
		n := len(p.songs)
		for i := range n {
			if !yield(p.songs[(i*seed+3)%n]) {
				return
			}
		}
	}
}

func main() {
	fmt.Println("fib:", slices.Collect(Take(Fib(), 12)))
	evens := Where(Fib(), func(n int) bool { return n%2 == 0 })
	fmt.Println("even fib:", slices.Collect(Take(evens, 8)))
	for i, v := range Enumerate(Take(Where(Fib(), func(n int) bool { return n > 100 }), 3)) {
		fmt.Printf("  big[%d]=%d\n", i, v)
	}
	text := "alpha\nbeta\n\ngamma\ndelta"
	for n, l := range Lines(text) {
		if l == "" {
			fmt.Println("  blank line at", n, "- stopping")
			break
		}
		fmt.Printf("  %d:%s\n", n, l)
	}
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	var zero int
	for range zero {
		fmt.Println("never")
	}
	ages := map[string]int{"kim": 41, "lee": 29, "park": 35, "choi": 29}
	for _, k := range slices.Sorted(maps.Keys(ages)) {
		fmt.Printf("%s:%d ", k, ages[k])
	}
	fmt.Println()
	vals := slices.Sorted(maps.Values(ages))
	fmt.Println("ages sorted:", vals, "compact:", slices.Compact(slices.Clone(vals)))
	for i, v := range slices.Backward([]string{"a", "b", "c"}) {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	next, stop := iter.Pull(Take(Fib(), 5))
	for {
		v, ok := next()
		if !ok {
			break
		}
		fmt.Print("pulled ", v, "; ")
	}
	stop()
	fmt.Println()
	next2, stop2 := iter.Pull2(maps.All(map[string]int{"only": 1}))
	k, v, ok := next2()
	fmt.Println("pull2:", k, v, ok)
	stop2()
	_, _, ok = next2()
	fmt.Println("after stop:", ok)
	p := &Playlist{[]string{"intro", "verse", "chorus", "bridge", "outro"}}
	fmt.Println("shuffled:", slices.Collect(p.Shuffled(2)))
	chunks := slices.Collect(slices.Chunk([]int{1, 2, 3, 4, 5, 6, 7}, 3))
	fmt.Println("chunks:", chunks)
	inverted := maps.Collect(func(yield func(int, string) bool) {
		for k, v := range ages {
			if !yield(v, k) {
				return
			}
		}
	})
	fmt.Println("inverted keys:", slices.Sorted(maps.Keys(inverted)), len(inverted))
	upper := slices.Collect(func(yield func(string) bool) {
		for _, w := range strings.Fields("go is fun") {
			if !yield(strings.ToUpper(w)) {
				return
			}
		}
	})
	fmt.Println(upper, slices.Index(upper, "IS"))
	var sb strings.Builder
	for i, r := range "añb" {
		fmt.Fprintf(&sb, "%d:%c ", i, r)
	}
	fmt.Println(sb.String())
	for w := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("[%s]", w)
	}
	fmt.Println()
	for f := range strings.FieldsSeq("  x  y z ") {
		fmt.Printf("<%s>", f)
	}
	fmt.Println()
}
