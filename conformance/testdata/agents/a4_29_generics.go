package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int32 | ~int64 | ~float32 | ~float64
}

type Score int
type Ratio float64

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Mean[T Number](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	return float64(Sum(xs)) / float64(len(xs))
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
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

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type Stack[T any] struct {
	items []T
}

var ErrEmpty = errors.New("empty stack")

func (s *Stack[T]) Push(v ...T) { s.items = append(s.items, v...) }
func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}
func (s Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Cache[K comparable, V any] struct {
	data  map[K]V
	order []K
	limit int
	hits  int
}

func NewCache[K comparable, V any](limit int) *Cache[K, V] {
	return &Cache[K, V]{data: map[K]V{}, limit: limit}
}

func (c *Cache[K, V]) Get(k K, load func(K) V) V {
	if v, ok := c.data[k]; ok {
		c.hits++
		return v
	}
	v := load(k)
	if len(c.order) == c.limit {
		oldest := c.order[0]
		c.order = c.order[1:]
		delete(c.data, oldest)
	}
	c.data[k] = v
	c.order = append(c.order, k)
	return v
}

func MaxBy[T any, K cmp.Ordered](xs []T, key func(T) K) (best T, ok bool) {
	for i, x := range xs {
		if i == 0 || key(x) > key(best) {
			best, ok = x, true
		}
	}
	return
}

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
}

func (t *Tree[T]) Insert(v T) *Tree[T] {
	if t == nil {
		return &Tree[T]{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree[T]) Walk(f func(T)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func main() {
	scores := []Score{88, 92, 75, 64, 99, 81}
	fmt.Printf("sum=%v (%T) mean=%.3f\n", Sum(scores), Sum(scores), Mean(scores))
	ratios := []Ratio{0.5, 0.25, 0.125}
	fmt.Printf("sum=%v (%T)\n", Sum(ratios), Sum(ratios))
	labels := Map(scores, func(s Score) string {
		switch {
		case s >= 90:
			return "A"
		case s >= 80:
			return "B"
		}
		return "C"
	})
	fmt.Println(labels, Filter(scores, func(s Score) bool { return s%2 == 1 }))
	fmt.Println(Reduce(scores, "", func(acc string, s Score) string { return acc + fmt.Sprint(s%10) }))
	words := strings.Fields("apple avocado banana blueberry cherry cranberry date")
	g := GroupBy(words, func(w string) byte { return w[0] })
	for _, k := range SortedKeys(g) {
		fmt.Printf("%c: %v\n", k, g[k])
	}
	byLen := GroupBy(words, func(w string) int { return len(w) })
	fmt.Println(SortedKeys(byLen), byLen[6])

	var st Stack[Pair[string, int]]
	st.Push(Pair[string, int]{"a", 1}, Pair[string, int]{"b", 2})
	st.Push(Pair[string, int]{"c", 3})
	for st.Len() > 0 {
		p, _ := st.Pop()
		fmt.Print(p, " ")
	}
	_, err := st.Pop()
	fmt.Println("|", err)

	loads := 0
	c := NewCache[int, string](2)
	for _, k := range []int{1, 2, 1, 3, 2, 1, 1} {
		c.Get(k, func(k int) string { loads++; return strings.Repeat("x", k) })
	}
	fmt.Println("cache loads:", loads, "hits:", c.hits, "keys:", c.order)
	best, ok := MaxBy(words, func(w string) int { return strings.Count(w, "r") })
	fmt.Println("most r's:", best, ok)
	_, ok = MaxBy([]string{}, func(w string) int { return len(w) })
	fmt.Println("empty ok:", ok)
	var root *Tree[string]
	for _, w := range []string{"m", "c", "x", "a", "e", "z", "m"} {
		root = root.Insert(w)
	}
	var walked []string
	root.Walk(func(s string) { walked = append(walked, s) })
	fmt.Println("tree:", walked)
	idx, found := slices.BinarySearch(walked, "e")
	fmt.Println(idx, found, slices.Index(walked, "z"), slices.Contains(walked, "q"))
	fmt.Printf("%v %+v %T\n", Pair[Score, []Ratio]{7, ratios}, Pair[string, bool]{"ok", true}, Pair[int, any]{})
}
