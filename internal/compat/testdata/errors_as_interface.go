// errors.As with interface targets, for errors of the program's types
// wrapped by fmt.Errorf.
package main

import (
	"errors"
	"fmt"
)

type TransientError struct{ Attempt int }

func (e *TransientError) Error() string   { return fmt.Sprint("transient ", e.Attempt) }
func (e *TransientError) Temporary() bool { return true }

type FatalError struct{ Code int }

func (e FatalError) Error() string { return fmt.Sprint("fatal ", e.Code) }

func main() {
	errs := []error{
		fmt.Errorf("fetch: %w", &TransientError{1}),
		fmt.Errorf("fetch: %w", FatalError{7}),
		errors.New("plain"),
	}
	for _, err := range errs {
		var temp interface{ Temporary() bool }
		var coded interface{ Error() string }
		isTemp := errors.As(err, &temp) && temp.Temporary()
		fmt.Println(err, isTemp, errors.As(err, &coded), coded)
	}
}
