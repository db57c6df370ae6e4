package shims

import (
	"reflect"

	"github.com/airlockhq/airlock/internal/symbols"
)

// The standard errors package, plus AirlockUnwrap and AirlockEqual. The compatibility
// rewrite replaces errors.As, errors.Is and errors.Unwrap with interpreted
// code that can see the methods of program types; native error values
// (fmt's wrapping, errors.Join) show it no methods, so it asks
// AirlockUnwrap for what they wrap, and compares with AirlockEqual. Programs cannot call it: the planner's
// declaration of errors does not have it.
func init() {
	errs := map[string]reflect.Value{}
	for name, v := range symbols.Symbols["errors/errors"] {
		errs[name] = v
	}
	errs["AirlockUnwrap"] = reflect.ValueOf(AirlockUnwrap)
	errs["AirlockEqual"] = reflect.ValueOf(AirlockEqual)
	Symbols["errors/errors"] = errs
}

// AirlockUnwrap returns the errors err wraps through an Unwrap method, in
// order: none, one, or those of an Unwrap() []error.
func AirlockUnwrap(err error) []error {
	switch e := err.(type) {
	case interface{ Unwrap() []error }:
		return e.Unwrap()
	case interface{ Unwrap() error }:
		if u := e.Unwrap(); u != nil {
			return []error{u}
		}
	}
	return nil
}

// AirlockEqual reports whether two errors are the same value, as errors.Is
// compares them: false for uncomparable types. A program error stored as
// a native error is the interpreter's wrapper around the value; the value
// is compared.
func AirlockEqual(a, b error) bool {
	x, y := programValue(a), programValue(b)
	if x == nil || y == nil {
		return x == y
	}
	if !reflect.TypeOf(x).Comparable() || reflect.TypeOf(x) != reflect.TypeOf(y) {
		return false
	}
	return x == y
}

// programValue returns the value inside the interpreter's wrapper of a
// program error (a struct of its package with the value in IValue), or v.
func programValue(v any) any {
	d := resolve(reflect.ValueOf(v))
	if !d.v.IsValid() || !d.v.CanInterface() {
		return nil
	}
	return d.v.Interface()
}
