// Printing program-defined error values, and %w wrapping of them.
package main

import (
	"errors"
	"fmt"
)

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "missing " + e.Key }

type Both struct{}

func (Both) Error() string  { return "as error" }
func (Both) String() string { return "as stringer" }

func find(k string) (int, *NotFound) { return 0, &NotFound{k} }

func main() {
	nf := &NotFound{"a"}
	fmt.Println(nf)
	fmt.Printf("%v|%s\n", nf, nf)
	fmt.Println(Both{})
	_, err := find("b")
	fmt.Println("err:", err)
	wrapped := fmt.Errorf("load: %w", nf)
	fmt.Println(wrapped)
	var target *NotFound
	fmt.Println(errors.As(wrapped, &target), target.Key)
	s := fmt.Sprintf("%v", &NotFound{"c"})
	fmt.Println(s)
}
