package shims_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/airlockhq/airlock/internal/shims"
)

func TestRecovered(t *testing.T) {
	err := errors.New("boom")
	var nilErr error
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"nil", nil, nil},
		{"native value", err, err},
		{"reflect string", reflect.ValueOf("s"), "s"},
		{"reflect int", reflect.ValueOf(42), 42},
		{"reflect interface", reflect.ValueOf(&err).Elem(), err},
		{"reflect nil interface", reflect.ValueOf(&nilErr).Elem(), nil},
		{"invalid reflect value", reflect.Value{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shims.Recovered(tt.in); got != tt.want {
				t.Errorf("Recovered(%#v) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestConvert(t *testing.T) {
	var f float64
	shims.Convert(3, &f)
	var i int
	shims.Convert(2.9, &i)
	var s string
	shims.Convert([]byte("ab"), &s)
	var r []rune
	shims.Convert("hé", &r)
	z := 7
	shims.Convert(nil, &z)
	if f != 3 || i != 2 || s != "ab" || string(r) != "hé" || z != 0 {
		t.Errorf("got %v %v %q %q %v", f, i, s, string(r), z)
	}
	defer func() {
		if recover() == nil {
			t.Error("Convert into a non-pointer did not panic")
		}
	}()
	shims.Convert(1, 2)
}

func TestErrorPanicFormatsLazily(t *testing.T) {
	calls := 0
	p := shims.NewErrorPanic(func() string { calls++; return "text" }, "*main.parseError", 0, 0)
	if calls != 0 {
		t.Fatal("message computed before it was asked for")
	}
	if got := p.String(); got != "text" || calls != 1 {
		t.Errorf("String() = %q after %d calls", got, calls)
	}
	if _, isError := any(p).(error); isError {
		t.Error("ErrorPanic is an error: the interpreter would call the program's Error method on every panic it unwinds")
	}
}

func TestErrorPanicBadErrorMethod(t *testing.T) {
	panics := shims.NewErrorPanic(func() string { panic("in Error") }, "main.badError", 0, 0)
	if got, want := panics.String(), "main.badError (its Error method panicked)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	block := make(chan struct{})
	defer close(block)
	loops := shims.NewErrorPanic(func() string { <-block; return "" }, "*main.loopError", 0, 0)
	if got, want := loops.String(), "*main.loopError (its Error method did not return)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestRuntimeSymbols(t *testing.T) {
	syms := shims.Symbols[shims.RuntimePath+"/"+shims.RuntimePath]
	for _, name := range []string{"Convert", "ErrorPanic", "NewErrorPanic", "Raise", "Recovered"} {
		if _, ok := syms[name]; !ok {
			t.Errorf("%s.%s is not exported to the interpreter", shims.RuntimePath, name)
		}
	}
}
