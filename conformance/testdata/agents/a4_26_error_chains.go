package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
)

var (
	ErrNotFound   = errors.New("not found")
	ErrPermission = errors.New("permission denied")
	ErrTimeout    = errors.New("timeout")
)

type QueryError struct {
	Query string
	Code  int
	Err   error
}

func (e *QueryError) Error() string {
	return fmt.Sprintf("query %q failed (code %d): %v", e.Query, e.Code, e.Err)
}
func (e *QueryError) Unwrap() error { return e.Err }

type RetryableError struct {
	Attempts int
	Last     error
}

func (e RetryableError) Error() string {
	return "gave up after " + strconv.Itoa(e.Attempts) + " attempts: " + e.Last.Error()
}
func (e RetryableError) Unwrap() error { return e.Last }

type ValidationErrors []error

func (v ValidationErrors) Error() string { return fmt.Sprintf("%d validation errors", len(v)) }
func (v ValidationErrors) Unwrap() []error {
	return v
}

type codeErr int

func (c codeErr) Error() string { return "code " + strconv.Itoa(int(c)) }
func (c codeErr) Is(target error) bool {
	t, ok := target.(codeErr)
	return ok && (t == 0 || t == c) // codeErr(0) matches any code
}

func lookup(user string) error {
	switch user {
	case "ghost":
		return &QueryError{"SELECT * FROM users WHERE name=?", 404, ErrNotFound}
	case "mallory":
		return fmt.Errorf("lookup %s: %w", user, &QueryError{"SELECT secret", 403, ErrPermission})
	case "slow":
		return RetryableError{3, fmt.Errorf("dial db: %w", ErrTimeout)}
	case "bad":
		return fmt.Errorf("validate: %w", ValidationErrors{
			errors.New("name too short"),
			fmt.Errorf("age: %w", strconv.ErrRange),
			codeErr(422),
		})
	case "both":
		return fmt.Errorf("multi: %w and %w", ErrNotFound, fs.ErrNotExist)
	case "joined":
		return errors.Join(ErrTimeout, nil, codeErr(503))
	}
	return nil
}

func classify(err error) string {
	var qe *QueryError
	var re RetryableError
	var ve ValidationErrors
	var ne *strconv.NumError
	s := ""
	if errors.As(err, &qe) {
		s += fmt.Sprintf(" [query code=%d]", qe.Code)
	}
	if errors.As(err, &re) {
		s += fmt.Sprintf(" [retry attempts=%d]", re.Attempts)
	}
	if errors.As(err, &ve) {
		s += fmt.Sprintf(" [validation n=%d]", len(ve))
	}
	if errors.As(err, &ne) {
		s += " [numerr " + ne.Func + "]"
	}
	for _, t := range []error{ErrNotFound, ErrPermission, ErrTimeout, fs.ErrNotExist, strconv.ErrRange, codeErr(0), codeErr(503)} {
		if errors.Is(err, t) {
			s += " is(" + t.Error() + ")"
		}
	}
	return s
}

func main() {
	for _, u := range []string{"alice", "ghost", "mallory", "slow", "bad", "both", "joined"} {
		err := lookup(u)
		if err == nil {
			fmt.Printf("%-8s ok\n", u)
			continue
		}
		fmt.Printf("%-8s %v\n         %s\n", u, err, classify(err))
	}
	_, err := strconv.Atoi("12x")
	wrapped := fmt.Errorf("parse config line %d: %w", 7, err)
	fmt.Println(wrapped, "|", classify(wrapped))
	fmt.Println("unwrap chain:")
	var e error = fmt.Errorf("L1: %w", fmt.Errorf("L2: %w", &QueryError{"q", 1, ErrTimeout}))
	for depth := 0; e != nil; depth++ {
		fmt.Printf("  %d %T\n", depth, e)
		e = errors.Unwrap(e)
	}
	j := errors.Join(errors.New("first"), errors.New("second"))
	fmt.Printf("joined: %q unwrap-single=%v\n", j.Error(), errors.Unwrap(j))
	fmt.Println("join of nils is nil:", errors.Join(nil, nil) == nil)
	fmt.Println("%v of nil error:", fmt.Sprintf("%v", error(nil)))
	var qe *QueryError
	var iface error = qe
	fmt.Println("typed nil != nil:", iface != nil)
}
