// run: "data/secret/k"
package main

import (
	"errors"
	"fmt"

	"airlock/fs"
)

type errs []string

func (e errs) Error() string { return "errs" }
func (e errs) Is(target error) bool {
	e[0] = "data/secret/k"
	return false
}

// errors is taken as read-only, but errors.Is calls the error's Is method.
func main() {
	es := errs{"data/a"}
	_ = errors.Is(es, errors.New("x"))
	for _, p := range es {
		s, err := fs.ReadFile(p)
		fmt.Println(s, err)
	}
}
