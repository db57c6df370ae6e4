package main

import (
	"fmt"
	"strings"
)

type node[K comparable, V any] struct {
	key        K
	val        V
	prev, next *node[K, V]
}

type LRU[K comparable, V any] struct {
	cap        int
	items      map[K]*node[K, V]
	head, tail *node[K, V] // sentinels
	hits, miss int
	onEvict    func(K, V)
}

func NewLRU[K comparable, V any](capacity int, onEvict func(K, V)) *LRU[K, V] {
	l := &LRU[K, V]{cap: capacity, items: make(map[K]*node[K, V]), onEvict: onEvict}
	l.head = &node[K, V]{}
	l.tail = &node[K, V]{}
	l.head.next = l.tail
	l.tail.prev = l.head
	return l
}

func (l *LRU[K, V]) unlink(n *node[K, V]) {
	n.prev.next = n.next
	n.next.prev = n.prev
}

func (l *LRU[K, V]) pushFront(n *node[K, V]) {
	n.next = l.head.next
	n.prev = l.head
	l.head.next.prev = n
	l.head.next = n
}

func (l *LRU[K, V]) Get(k K) (V, bool) {
	if n, ok := l.items[k]; ok {
		l.hits++
		l.unlink(n)
		l.pushFront(n)
		return n.val, true
	}
	l.miss++
	var zero V
	return zero, false
}

func (l *LRU[K, V]) Put(k K, v V) {
	if n, ok := l.items[k]; ok {
		n.val = v
		l.unlink(n)
		l.pushFront(n)
		return
	}
	if len(l.items) >= l.cap {
		old := l.tail.prev
		l.unlink(old)
		delete(l.items, old.key)
		if l.onEvict != nil {
			l.onEvict(old.key, old.val)
		}
	}
	n := &node[K, V]{key: k, val: v}
	l.items[k] = n
	l.pushFront(n)
}

func (l *LRU[K, V]) Keys() []K {
	var ks []K
	for n := l.head.next; n != l.tail; n = n.next {
		ks = append(ks, n.key)
	}
	return ks
}

func (l *LRU[K, V]) String() string {
	parts := []string{}
	for n := l.head.next; n != l.tail; n = n.next {
		parts = append(parts, fmt.Sprintf("%v:%v", n.key, n.val))
	}
	return "[" + strings.Join(parts, " ") + "]"
}

type List[T any] struct {
	Val  T
	Next *List[T]
}

func FromSlice[T any](xs []T) *List[T] {
	var head *List[T]
	for i := len(xs) - 1; i >= 0; i-- {
		head = &List[T]{xs[i], head}
	}
	return head
}

func (l *List[T]) Len() int {
	if l == nil {
		return 0
	}
	return 1 + l.Next.Len()
}

func Reverse[T any](l *List[T]) *List[T] {
	var prev *List[T]
	for l != nil {
		l, l.Next, prev = l.Next, prev, l
	}
	return prev
}

func (l *List[T]) String() string {
	var sb strings.Builder
	for n := l; n != nil; n = n.Next {
		if n != l {
			sb.WriteString(" -> ")
		}
		fmt.Fprint(&sb, n.Val)
	}
	return sb.String()
}

func main() {
	var evicted []string
	cache := NewLRU[string, int](3, func(k string, v int) {
		evicted = append(evicted, fmt.Sprintf("%s=%d", k, v))
	})
	ops := []string{"put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put a 10", "put e 5", "get d", "get a", "get e"}
	for _, op := range ops {
		f := strings.Fields(op)
		switch f[0] {
		case "put":
			var v int
			fmt.Sscan(f[2], &v)
			cache.Put(f[1], v)
			fmt.Printf("%-9s %v\n", op, cache)
		case "get":
			v, ok := cache.Get(f[1])
			fmt.Printf("%-9s -> %d %t %v\n", op, v, ok, cache.Keys())
		}
	}
	fmt.Println("evicted:", evicted)
	fmt.Printf("hits=%d misses=%d ratio=%.2f\n", cache.hits, cache.miss, float64(cache.hits)/float64(cache.hits+cache.miss))

	ic := NewLRU[int, []string](2, nil)
	ic.Put(1, []string{"x"})
	ic.Put(2, nil)
	v, _ := ic.Get(1)
	v[0] = "mutated"
	ic.Put(3, []string{"y", "z"})
	fmt.Println(ic, ic.Keys())

	l := FromSlice([]int{1, 2, 3, 4, 5})
	fmt.Println(l, "len", l.Len())
	l = Reverse(l)
	fmt.Println(l)
	var empty *List[string]
	fmt.Println(empty.Len(), Reverse(empty) == nil)
	words := FromSlice(strings.Fields("linked lists are recursive"))
	fmt.Printf("%v | %d\n", words, words.Len())
}
