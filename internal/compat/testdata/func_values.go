// Functions of the program used as values: returned, stored in variables,
// fields, maps, slices and channels, boxed in an interface, passed along.
package main

import (
	"fmt"
	"strings"
)

func read(path string) (string, error) { return "read " + path, nil }

func join(sep string, parts ...string) string { return strings.Join(parts, sep) }

func pick(name string) func(string) (string, error) {
	if strings.HasPrefix(name, "r") {
		return read
	}
	return nil
}

type holder struct {
	f func(string) (string, error)
}

func apply(f func(string) (string, error), s string) string {
	v, _ := f(s)
	return v
}

func main() {
	s, _ := pick("read")("a")
	fmt.Println(s, pick("x") == nil)
	var f func(string) (string, error) = read
	fmt.Println(f("b"))
	h := holder{f: read}
	fmt.Println(h.f("c"))
	m := map[string]func(string) (string, error){"r": read}
	fmt.Println(m["r"]("d"))
	fmt.Println(apply(read, "e"))
	ch := make(chan func(string) (string, error), 1)
	ch <- read
	fmt.Println((<-ch)("f"))
	var a any = read
	fmt.Println(a.(func(string) (string, error))("g"))
	fs := []func(string) (string, error){read}
	fmt.Println(fs[0]("h"))
	var j func(string, ...string) string = join
	fmt.Println(j("+", "x", "y"))
}
