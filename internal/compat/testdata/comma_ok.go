// Comma-ok assertions and map lookups that fail give the zero value, also
// in loops, in if headers and with the result discarded.
package main

import "fmt"

type P struct{ X int }

func main() {
	more()
	lookups()
	m := map[string]P{"a": {1}}
	for _, k := range []string{"a", "b"} {
		v := m[k]
		fmt.Print(v, " ")
		if w, ok := m[k]; ok {
			fmt.Print("found ", w)
		} else {
			fmt.Print("missing ", w)
		}
		var x any = k
		if n, ok := x.(int); !ok {
			fmt.Print(" notint ", n)
		}
		fmt.Print("; ")
	}
	fmt.Println()
	counts := map[string]int{}
	for _, w := range []string{"a", "b", "a"} {
		c, _ := counts[w]
		counts[w] = c + 1
	}
	fmt.Println(counts)
}
func more() {
	vals := []any{"a", 1, "b", nil, 2.5}
	for _, x := range vals {
		s, ok := x.(string)
		fmt.Printf("%q %v ", s, ok)
	}
	fmt.Println()
	m := map[string]any{"a": "x"}
	for _, k := range []string{"a", "b"} {
		v, _ := m[k].(string)
		fmt.Printf("%q ", v)
	}
	fmt.Println()
	var s string
	var ok bool
	for _, x := range vals {
		s, ok = x.(string)
		fmt.Printf("%q %v ", s, ok)
	}
	fmt.Println()
}
func lookups() {
	m := map[string]int{"a": 1}
	for _, k := range []string{"a", "b"} {
		v, ok := m[k]
		fmt.Print(v, ok, " ")
	}
	ms := map[string][]int{"a": {1}}
	for _, k := range []string{"a", "b"} {
		v, ok := ms[k]
		fmt.Print(v, ok, " ")
	}
	c := make(chan int, 1)
	c <- 5
	close(c)
	for range 2 {
		v, ok := <-c
		fmt.Print(v, ok, " ")
	}
	fmt.Println()
}
