// Closures a function creates and then calls from its deferred calls.
package main

import (
	"errors"
	"fmt"
)

func cleanupTwice() {
	cleanup := func() { fmt.Println("cleanup") }
	report := func(stage string) { fmt.Println("report", stage) }
	defer cleanup()
	defer report("last")
	defer func() { report("in literal") }()
}

func steps() {
	for i := 0; i < 3; i++ {
		step := func() { fmt.Println("undo step", i) }
		defer step()
	}
}

func withError() (err error) {
	var wrap func(error) error
	wrap = func(e error) error { return fmt.Errorf("wrapped: %w", e) }
	defer func() {
		if err != nil {
			err = wrap(err)
		}
	}()
	return errors.New("failed")
}

func main() {
	cleanupTwice()
	steps()
	fmt.Println(withError())
}
