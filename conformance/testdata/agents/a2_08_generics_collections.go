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
	~int | ~int32 | ~int64 | ~float64
}

type Celsius float64
type Count int

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

type Stack[T any] struct{ items []T }

var ErrEmpty = errors.New("empty")

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
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

type Queue[T any] struct {
	head, tail []T
}

func (q *Queue[T]) Enqueue(v T) { q.tail = append(q.tail, v) }
func (q *Queue[T]) Dequeue() (T, bool) {
	if len(q.head) == 0 {
		for len(q.tail) > 0 {
			n := len(q.tail) - 1
			q.head = append(q.head, q.tail[n])
			q.tail = q.tail[:n]
		}
	}
	var zero T
	if len(q.head) == 0 {
		return zero, false
	}
	n := len(q.head) - 1
	v := q.head[n]
	q.head = q.head[:n]
	return v, true
}

type Set[T comparable] map[T]struct{}

func NewSet[T comparable](xs ...T) Set[T] {
	s := Set[T]{}
	for _, x := range xs {
		s[x] = struct{}{}
	}
	return s
}
func (s Set[T]) Has(x T) bool { _, ok := s[x]; return ok }
func (s Set[T]) Union(o Set[T]) Set[T] {
	r := Set[T]{}
	for k := range s {
		r[k] = struct{}{}
	}
	for k := range o {
		r[k] = struct{}{}
	}
	return r
}
func (s Set[T]) Intersect(o Set[T]) Set[T] {
	r := Set[T]{}
	for k := range s {
		if o.Has(k) {
			r[k] = struct{}{}
		}
	}
	return r
}

func SortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func GroupBy[T any, K comparable](xs []T, key func(T) K) map[K][]T {
	m := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		m[k] = append(m[k], x)
	}
	return m
}

func MaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, r := range rest {
		if r > m {
			m = r
		}
	}
	return m
}

type Stringish interface{ ~string }

func JoinAll[S Stringish](xs []S, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = string(x)
	}
	return strings.Join(parts, sep)
}

type Tag string

func main() {
	temps := []Celsius{21.5, 19.0, 23.25}
	fmt.Printf("%v %T\n", Sum(temps), Sum(temps))
	fmt.Println(Sum([]Count{1, 2, 3}), Sum([]int64{1 << 40, 1 << 40}))
	words := strings.Fields("the quick brown fox jumps over the lazy dog")
	lens := Map(words, func(s string) int { return len(s) })
	fmt.Println(lens)
	long := Filter(words, func(s string) bool { return len(s) > 3 })
	fmt.Println(long)
	total := Reduce(words, 0, func(a int, s string) int { return a + len(s) })
	fmt.Println("total letters", total)
	csv := Reduce(words, "", func(a string, s string) string {
		if a == "" {
			return s
		}
		return a + "," + s
	})
	fmt.Println(csv)

	var st Stack[Pair[string, int]]
	st.Push(Pair[string, int]{"a", 1})
	st.Push(Pair[string, int]{"b", 2})
	fmt.Println("stack len", st.Len())
	for {
		v, err := st.Pop()
		if err != nil {
			fmt.Println("pop:", err, errors.Is(err, ErrEmpty), v)
			break
		}
		fmt.Println("popped", v)
	}

	var q Queue[string]
	for _, w := range words[:4] {
		q.Enqueue(w)
	}
	v, _ := q.Dequeue()
	q.Enqueue("extra")
	fmt.Print("queue: ", v)
	for {
		v, ok := q.Dequeue()
		if !ok {
			break
		}
		fmt.Print(" ", v)
	}
	fmt.Println()

	a := NewSet(1, 2, 3, 4)
	b := NewSet(3, 4, 5)
	fmt.Println(SortedKeys(a.Union(b)), SortedKeys(a.Intersect(b)), a.Has(5))

	groups := GroupBy(words, func(s string) int { return len(s) })
	for _, k := range SortedKeys(groups) {
		fmt.Printf("%d: %v\n", k, groups[k])
	}
	fmt.Println(MaxOf(3, 9, 2), MaxOf("pear", "apple", "zoo"), MaxOf(2.5))
	fmt.Println(JoinAll([]Tag{"x", "y", "z"}, "|"))
	byFirst := GroupBy(words, func(s string) byte { return s[0] })
	ks := make([]byte, 0)
	for k := range byFirst {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	for _, k := range ks {
		fmt.Printf("%c=%d ", k, len(byFirst[k]))
	}
	fmt.Println()
}
