package main

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Cents int64

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, pred func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if pred(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (T, bool) {
	var best T
	if len(xs) == 0 {
		return best, false
	}
	best = xs[0]
	for _, x := range xs[1:] {
		if key(x) > key(best) {
			best = x
		}
	}
	return best, true
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{v, err}
}

func (r Result[T]) OrElse(def T) T {
	if r.Err != nil {
		return def
	}
	return r.Val
}

type Pair[K cmp.Ordered, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=>%v", p.Key, p.Val) }

func SortedPairs[K cmp.Ordered, V any](m map[K]V) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, Pair[K, V]{k, m[k]})
	}
	return out
}

// iterators
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

func FilterSeq[T any](seq iter.Seq[T], pred func(T) bool) iter.Seq[T] {
	return func(yield func(T) bool) {
		for v := range seq {
			if pred(v) && !yield(v) {
				return
			}
		}
	}
}

func Enumerate[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

type Order struct {
	ID       int
	Customer string
	Total    Cents
	Region   string
}

func main() {
	orders := []Order{
		{1, "ana", 12050, "eu"}, {2, "bo", 5000, "us"}, {3, "ana", 999, "eu"},
		{4, "cy", 45000, "apac"}, {5, "bo", 2500, "us"}, {6, "dee", 7700, "eu"}, {7, "cy", 100, "apac"},
	}
	totals := Map(orders, func(o Order) Cents { return o.Total })
	fmt.Printf("sum=%d type=%T floatsum=%.2f intsum=%d\n", Sum(totals), Sum(totals), Sum([]float64{0.1, 0.2, 0.3}), Sum([]int{1, 2, 3}))
	big := Filter(orders, func(o Order) bool { return o.Total >= 5000 })
	fmt.Println("big ids:", Map(big, func(o Order) int { return o.ID }))
	byCust := Reduce(orders, map[string]Cents{}, func(m map[string]Cents, o Order) map[string]Cents { m[o.Customer] += o.Total; return m })
	fmt.Println("by customer:", SortedPairs(byCust))
	groups := GroupBy(orders, func(o Order) string { return o.Region })
	for _, r := range slices.Sorted(maps.Keys(groups)) {
		best, _ := MaxBy(groups[r], func(o Order) Cents { return o.Total })
		fmt.Printf("  %-5s n=%d best=#%d (%d)\n", r, len(groups[r]), best.ID, best.Total)
	}
	_, ok := MaxBy([]Order{}, func(o Order) int { return o.ID })
	fmt.Println("max of empty ok:", ok)

	r1 := Try(func() (int, error) { return strconv.Atoi("123") })
	r2 := Try(func() (int, error) { return strconv.Atoi("x") })
	r3 := Try(func() ([]string, error) { return nil, errors.New("nope") })
	fmt.Printf("%+v | %v | %d %d %v\n", r1, r2.Err, r1.OrElse(-1), r2.OrElse(-1), r3.OrElse([]string{"default"}))

	fmt.Print("fib:")
	for v := range Take(Fib(), 12) {
		fmt.Print(" ", v)
	}
	fmt.Println()
	evens := slices.Collect(Take(FilterSeq(Fib(), func(n int) bool { return n%2 == 0 }), 6))
	fmt.Println("even fibs:", evens)
	for i, o := range Enumerate(orders) {
		if i >= 3 {
			break
		}
		fmt.Printf("  [%d] %s\n", i, o.Customer)
	}
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()

	// slices helpers
	xs := []int{5, 3, 3, 9, 1, 1, 1, 7, 5}
	s := slices.Clone(xs)
	slices.Sort(s)
	fmt.Println(s, slices.Compact(slices.Clone(s)), slices.Index(xs, 9), slices.Contains(xs, 4))
	pos, found := slices.BinarySearch(s, 7)
	pos2, found2 := slices.BinarySearch(s, 4)
	fmt.Println(pos, found, pos2, found2, slices.Max(xs), slices.Min(xs))
	rev := slices.Clone(xs)
	slices.Reverse(rev)
	fmt.Println(rev, slices.Insert([]int{1, 2, 5}, 2, 3, 4), slices.Delete([]int{0, 1, 2, 3, 4}, 1, 3))
	for c := range slices.Chunk([]string{"a", "b", "c", "d", "e"}, 2) {
		fmt.Print(c, ";")
	}
	fmt.Println()
	m := map[string]int{"x": 3, "a": 1, "m": 2}
	fmt.Println(slices.Sorted(maps.Keys(m)), slices.Sorted(maps.Values(m)))
	for k, v := range maps.All(map[string]int{"only": 1}) {
		fmt.Println(k, v)
	}
	words := strings.Fields("the cat and the hat and the bat")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
	})
	fmt.Println(keys, slices.IndexFunc(keys, func(s string) bool { return strings.HasPrefix(s, "h") }))
	for i, w := range slices.Backward(keys[:3]) {
		fmt.Print(i, ":", w, " ")
	}
	fmt.Println()
	for part := range strings.SplitSeq("a,b,,c", ",") {
		fmt.Printf("%q ", part)
	}
	fmt.Println()
}
