// Instances of generic types as type arguments of others.
package main

import "fmt"

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }
func (s *Stack[T]) Len() int { return len(s.items) }
func (s *Stack[T]) Top() T   { return s.items[len(s.items)-1] }

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func main() {
	var st Stack[Pair[string, int]]
	st.Push(Pair[string, int]{"a", 1})
	st.Push(Pair[string, int]{"b", 2})
	fmt.Println(st.Len(), st.Top())
	ps := Map[int, Pair[int, bool]]([]int{1, 2}, func(i int) Pair[int, bool] { return Pair[int, bool]{i, i%2 == 0} })
	fmt.Println(ps)
}
