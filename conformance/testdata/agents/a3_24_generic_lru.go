package main

import (
	"container/list"
	"fmt"
	"strings"
)

type entry[K comparable, V any] struct {
	key K
	val V
}

type LRU[K comparable, V any] struct {
	cap     int
	ll      *list.List
	items   map[K]*list.Element
	OnEvict func(K, V)
	hits    int
	misses  int
}

func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	return &LRU[K, V]{cap: capacity, ll: list.New(), items: make(map[K]*list.Element)}
}

func (c *LRU[K, V]) Get(k K) (V, bool) {
	if el, ok := c.items[k]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		return el.Value.(*entry[K, V]).val, true
	}
	c.misses++
	var zero V
	return zero, false
}

func (c *LRU[K, V]) Put(k K, v V) {
	if el, ok := c.items[k]; ok {
		el.Value.(*entry[K, V]).val = v
		c.ll.MoveToFront(el)
		return
	}
	el := c.ll.PushFront(&entry[K, V]{k, v})
	c.items[k] = el
	if c.ll.Len() > c.cap {
		last := c.ll.Back()
		e := c.ll.Remove(last).(*entry[K, V])
		delete(c.items, e.key)
		if c.OnEvict != nil {
			c.OnEvict(e.key, e.val)
		}
	}
}

func (c *LRU[K, V]) Keys() []K {
	out := make([]K, 0, c.ll.Len())
	for el := c.ll.Front(); el != nil; el = el.Next() {
		out = append(out, el.Value.(*entry[K, V]).key)
	}
	return out
}

func (c *LRU[K, V]) String() string {
	var parts []string
	for el := c.ll.Front(); el != nil; el = el.Next() {
		e := el.Value.(*entry[K, V])
		parts = append(parts, fmt.Sprintf("%v=%v", e.key, e.val))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

type point struct{ X, Y int }

func main() {
	var evicted []string
	c := NewLRU[string, int](3)
	c.OnEvict = func(k string, v int) { evicted = append(evicted, fmt.Sprintf("%s:%d", k, v)) }
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	fmt.Println("initial:", c)
	if v, ok := c.Get("a"); ok {
		fmt.Println("get a =", v)
	}
	c.Put("d", 4)
	fmt.Println("after d:", c, "keys:", c.Keys())
	_, ok := c.Get("b")
	fmt.Println("b present:", ok)
	c.Put("c", 30)
	c.Put("e", 5)
	c.Put("f", 6)
	fmt.Println("final:", c)
	fmt.Println("evicted:", evicted)
	fmt.Printf("hits=%d misses=%d\n", c.hits, c.misses)

	// memoize an expensive function with a struct key
	calls := 0
	pc := NewLRU[point, float64](4)
	dist := func(p point) float64 {
		if v, ok := pc.Get(p); ok {
			return v
		}
		calls++
		v := float64(p.X*p.X + p.Y*p.Y)
		pc.Put(p, v)
		return v
	}
	seq := []point{{1, 2}, {3, 4}, {1, 2}, {5, 5}, {6, 1}, {7, 7}, {3, 4}, {1, 2}, {7, 7}}
	total := 0.0
	for _, p := range seq {
		total += dist(p)
	}
	fmt.Printf("total=%.0f computed=%d of %d lookups, cache=%v\n", total, calls, len(seq), pc)
	fmt.Printf("%T %T\n", pc, c.ll.Front().Value)

	// cache of slices keyed by int, with zero-value behavior
	sc := NewLRU[int, []string](2)
	sc.Put(1, []string{"x"})
	v, ok := sc.Get(2)
	fmt.Println(v == nil, ok, len(v))
	got, _ := sc.Get(1)
	got = append(got, "y")
	sc.Put(1, got)
	fmt.Println(sc)
}
