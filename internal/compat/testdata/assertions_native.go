// Assertions of values that went through native code: a program interface
// held in a sync.Pool, a pointer to a program slice type through an
// io.Writer, and method expressions on interface literals.
package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
)

type stringBuilder interface {
	WriteString(string) (int, error)
	String() string
	Reset()
	Len() int
	Grow(int)
}

type T []byte

func (t *T) Write(p []byte) (int, error) { *t = append(*t, p...); return len(p), nil }

type S struct{ got string }

func (s *S) m1(x string) { s.got += x }

func use(w io.Writer) {
	a := w.(*T)
	fmt.Fprint(a, "test")
	fmt.Printf("%s\n", *a)
	if b, ok := w.(*T); ok {
		fmt.Println(len(*b))
	}
}

func main() {
	pool := sync.Pool{New: func() any {
		var sb stringBuilder = &strings.Builder{}
		return sb
	}}
	sb := pool.Get().(stringBuilder)
	sb.WriteString("hello")
	fmt.Println(sb.String(), sb.Len())
	x := T{}
	use(&x)
	f := interface{ m1(string) }.m1
	s := &S{}
	f(s, "b")
	interface{ m1(string) }.m1(s, "c")
	fmt.Println(s.got)
}
