// new(expr) points to a new variable holding the value.
package main

import "fmt"

type Config struct {
	Timeout *int
	Name    *string
}

func main() {
	x := 42
	p := new(123)
	q := new(x)
	x = 7
	c := Config{Timeout: new(30), Name: new("svc")}
	var ps []*int
	for i := range 3 {
		ps = append(ps, new(i*2))
	}
	fmt.Println(*p, *q, *c.Timeout, *c.Name, *ps[0], *ps[2], ps[0] != ps[1])
}
