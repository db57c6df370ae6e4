// Program-defined generic types: a stack, a pair, a set, and a constraint with ~.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"sort"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Set[T comparable] map[T]struct{}

func (s Set[T]) Add(v T)      { s[v] = struct{}{} }
func (s Set[T]) Has(v T) bool { _, ok := s[v]; return ok }

func Sum[T Number](xs []T) T {
	var total T
	for _, x := range xs {
		total += x
	}
	return total
}

type Meters float64

type SortedSet[T cmp.Ordered] struct{ m map[T]bool }

func NewSortedSet[T cmp.Ordered](xs ...T) *SortedSet[T] {
	s := &SortedSet[T]{m: map[T]bool{}}
	for _, x := range xs {
		s.m[x] = true
	}
	return s
}

func (s *SortedSet[T]) Items() []T { return slices.Sorted(maps.Keys(s.m)) }

func (s *SortedSet[T]) Max() T { return slices.Max(s.Items()) }

func main() {
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	v, ok := s.Pop()
	fmt.Println(v, ok, s.Len())
	ps := []Pair[string, int]{{"x", 2}, {"y", 1}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Val < ps[j].Val })
	fmt.Printf("%+v\n", ps)
	set := Set[int]{}
	set.Add(3)
	fmt.Println(set.Has(3), set.Has(4))
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]Meters{1.5, 2.25}))
	ss := NewSortedSet("pear", "apple", "fig", "apple")
	fmt.Println(ss.Items(), ss.Max(), NewSortedSet(3, 1, 2).Items())
}
