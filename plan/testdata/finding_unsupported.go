// Constructs the interpreter would run wrongly, refused before the run
// with what to write instead.
package main

import "fmt"

type T []T // want finding(unsupported "type T refers to itself")

type Tree map[string]*Tree // want finding(unsupported "type Tree refers to itself")

type Next func(int) Next // want finding(unsupported "refers to itself")

// Recursion through a struct runs.
type Node struct {
	Kids []Node
	Sub  map[string]*Node
}

type Handler interface{ Handle(string) }

type E struct{ code int }

func (e E) Error() string { return fmt.Sprint(e.code) }

type P struct{ n int }

func (P) m() {}

func main() {
	subs := map[Handler]bool{} // want finding(unsupported "maps keyed by an interface type with methods")
	_ = subs
	counts := map[error]int{}
	counts[E{1}]++ // want finding(unsupported "as the key of a map keyed by an interface")
	var err error = E{2}
	counts[err]++
	f := struct{ P }.m // want finding(unsupported "method expression on a struct type literal")
	_ = f
	x := 1
	switch x {
	default:
		fmt.Println("d")
		fallthrough // want finding(unsupported "fallthrough in a switch whose default clause is not the last")
	case 2:
		fmt.Println("2")
	}
	var a [2]int
	q := 0
	for a[func() int { // want finding(unsupported "assigning to an expression over several lines")
		q++
		return 0
	}()] = range [2]int{} {
	}
	fmt.Println(Node{}, q)
}

type Order struct { // want finding(unsupported "type Order holds a slice or map of functions that take or return Order itself")
	ID    string
	hooks []func(*Order)
}

type pair[K comparable, V any] struct { // want finding(unsupported "generic type pair has several type parameters")
	key  K
	next *pair[K, V] // (refused at the type)
}

func get[K comparable, V any](x any) K {
	return x.(*pair[K, V]).key // want finding(unsupported "a type assertion to \\*pair\\[K, V\\]")
}
