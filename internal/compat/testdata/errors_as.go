// errors.As and errors.Is with program-defined error types and wrapped chains.
package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return "query " + e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type CodeError struct{ Code int }

func (e CodeError) Error() string { return "code " + strconv.Itoa(e.Code) }

func check(n int) error {
	if n < 0 {
		return CodeError{n}
	}
	return nil
}

func lookup(q string) error {
	if q == "" {
		return nil
	}
	return fmt.Errorf("lookup: %w", &QueryError{Query: q, Err: ErrNotFound})
}

func main() {
	err := lookup("users")
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("as:", qe.Query)
	}
	fmt.Println("is:", errors.Is(err, ErrNotFound))
	var cp *CodeError
	fmt.Println(errors.As(err, &cp))
	fmt.Println(check(-3))
	joined := errors.Join(errors.New("first"), &CodeError{404})
	if errors.As(joined, &cp) {
		fmt.Println("joined:", cp.Code)
	}
	fmt.Println(errors.Is(lookup(""), ErrNotFound))
	_, perr := strconv.Atoi("x1")
	var ne *strconv.NumError
	if errors.As(perr, &ne) {
		fmt.Println("num:", ne.Func, ne.Num)
	}
	var qe2 *QueryError
	fmt.Println(errors.As(fmt.Errorf("again: %w", err), &qe2), qe2 == qe)
	seven := &CodeError{7}
	direct := &QueryError{Query: "q", Err: seven}
	if errors.As(direct, &cp) {
		fmt.Println("direct:", cp.Code)
	}
	fmt.Println(errors.Unwrap(direct) != nil, errors.Is(direct, seven), errors.Is(fmt.Errorf("w: %w", direct), seven))
}
