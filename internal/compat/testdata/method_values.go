// Method values and method expressions.
package main

import (
	"fmt"
	"strings"
)

type Counter struct{ n int }

func (c *Counter) Inc()          { c.n++ }
func (c *Counter) Add(k int) int { c.n += k; return c.n }
func (c Counter) Get() int       { return c.n }

func apply(f func()) { f(); f() }

func main() {
	c := &Counter{}
	inc := c.Inc
	inc()
	apply(c.Inc)
	fmt.Println(c.n)
	add := (*Counter).Add
	fmt.Println(add(c, 10))
	get := Counter.Get
	fmt.Println(get(*c))
	up := strings.ToUpper
	fmt.Println(up("x"))
	r := strings.NewReplacer("a", "b")
	rep := r.Replace
	fmt.Println(rep("aaa"))
}
