// errors.Is with sentinels, custom Is methods, joins and program wrappers.
package main

import (
	"errors"
	"fmt"
	"io"
)

var ErrTimeout = errors.New("timeout")

type TempErr struct{ Op string }

func (e *TempErr) Error() string        { return e.Op + ": temporary" }
func (e *TempErr) Is(target error) bool { return target == ErrTimeout }

type Wrapped struct {
	Msg string
	Err error
}

func (w *Wrapped) Error() string { return w.Msg + ": " + w.Err.Error() }
func (w *Wrapped) Unwrap() error { return w.Err }

func main() {
	fmt.Println(errors.Is(&TempErr{"read"}, ErrTimeout))
	w := &Wrapped{"load", &TempErr{"dial"}}
	fmt.Println(errors.Is(w, ErrTimeout), errors.Is(w, io.EOF))
	j := errors.Join(io.EOF, fmt.Errorf("ctx: %w", ErrTimeout))
	fmt.Println(errors.Is(j, ErrTimeout), errors.Is(j, io.ErrUnexpectedEOF))
	deep := fmt.Errorf("top: %w", &Wrapped{"mid", io.EOF})
	fmt.Println(errors.Is(deep, io.EOF), deep)
	fmt.Println(errors.Unwrap(w) != nil, errors.Unwrap(errors.Unwrap(w)) == nil)
	fmt.Println(errors.Is(nil, io.EOF), errors.Is(nil, nil))
	var tp *TempErr
	fmt.Println(errors.As(deep, &tp), errors.As(w, &tp), tp.Op)
}
