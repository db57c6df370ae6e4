// fmt functions given a slice of values with ... format each value as Go
// does, also through a program's own logging helpers.
package main

import (
	"errors"
	"fmt"
)

var errMissing = errors.New("missing")

type Item struct {
	name string
	n    int
}

type Level int

func (l Level) String() string { return [...]string{"lo", "hi"}[l] }

func logf(format string, args ...any) {
	fmt.Printf("[app] "+format+"\n", args...)
}

func wrap(err error, args ...any) error {
	return fmt.Errorf("ctx %v: %w", append(args, err)...)
}

func main() {
	logf("item %v %+v level %v", Item{"a", 1}, &Item{"b", 2}, Level(1))
	as := []any{Item{"q", 3}, Level(0), 7}
	fmt.Println(as...)
	fmt.Print(as...)
	fmt.Println()
	fmt.Println(fmt.Sprint(as...), fmt.Sprintln(as...))
	e := wrap(errMissing, "x")
	fmt.Println(e, errors.Is(e, errMissing))
}
