package shims

import (
	"fmt"
	"reflect"
)

// The interpreter cannot assert a native value (an error errors.Join made,
// a *strings.Reader) to an interface the program declares, named or
// written as a literal: interface{ Unwrap() []error } never matches. It
// can assert it to a native interface, and convert that to the program's.
// The planner rewrites such an assertion to go through the native
// interface below with the same methods, when there is one.

// Unwrapper is interface{ Unwrap() error }.
type Unwrapper interface{ Unwrap() error }

// MultiUnwrapper is interface{ Unwrap() []error }.
type MultiUnwrapper interface{ Unwrap() []error }

// Iser is interface{ Is(error) bool }.
type Iser interface{ Is(error) bool }

// Aser is interface{ As(any) bool }.
type Aser interface{ As(any) bool }

// Stringer is interface{ String() string }.
type Stringer interface{ String() string }

// GoStringer is interface{ GoString() string }.
type GoStringer interface{ GoString() string }

// Formatter is interface{ Format(fmt.State, rune) }.
type Formatter interface{ Format(fmt.State, rune) }

// Reader is interface{ Read([]byte) (int, error) }.
type Reader interface {
	Read([]byte) (int, error)
}

// Writer is interface{ Write([]byte) (int, error) }.
type Writer interface {
	Write([]byte) (int, error)
}

// Closer is interface{ Close() error }.
type Closer interface{ Close() error }

// StringWriter is interface{ WriteString(string) (int, error) }.
type StringWriter interface {
	WriteString(string) (int, error)
}

// Timeouter is interface{ Timeout() bool }.
type Timeouter interface{ Timeout() bool }

// Temporaryer is interface{ Temporary() bool }.
type Temporaryer interface{ Temporary() bool }

// Lener is interface{ Len() int }.
type Lener interface{ Len() int }

// JSONMarshaler is interface{ MarshalJSON() ([]byte, error) }.
type JSONMarshaler interface {
	MarshalJSON() ([]byte, error)
}

// TextMarshaler is interface{ MarshalText() ([]byte, error) }.
type TextMarshaler interface {
	MarshalText() ([]byte, error)
}

// Interfaces lists them by name.
var Interfaces = map[string]reflect.Type{}

func init() {
	for name, t := range map[string]reflect.Type{
		"Unwrapper":      reflect.TypeFor[Unwrapper](),
		"MultiUnwrapper": reflect.TypeFor[MultiUnwrapper](),
		"Iser":           reflect.TypeFor[Iser](),
		"Aser":           reflect.TypeFor[Aser](),
		"Stringer":       reflect.TypeFor[Stringer](),
		"GoStringer":     reflect.TypeFor[GoStringer](),
		"Formatter":      reflect.TypeFor[Formatter](),
		"Reader":         reflect.TypeFor[Reader](),
		"Writer":         reflect.TypeFor[Writer](),
		"Closer":         reflect.TypeFor[Closer](),
		"StringWriter":   reflect.TypeFor[StringWriter](),
		"Timeouter":      reflect.TypeFor[Timeouter](),
		"Temporaryer":    reflect.TypeFor[Temporaryer](),
		"Lener":          reflect.TypeFor[Lener](),
		"JSONMarshaler":  reflect.TypeFor[JSONMarshaler](),
		"TextMarshaler":  reflect.TypeFor[TextMarshaler](),
	} {
		Interfaces[name] = t
		Symbols[RuntimePath+"/"+RuntimePath][name] = reflect.Zero(reflect.PointerTo(t))
	}
	// The interpreter's wrappers, for program values it hands over as one
	// of them, as yaegi extract would write them.
	for name, w := range map[string]any{
		"_Unwrapper": (*_Unwrapper)(nil), "_MultiUnwrapper": (*_MultiUnwrapper)(nil), "_Iser": (*_Iser)(nil),
		"_Aser": (*_Aser)(nil), "_Stringer": (*_Stringer)(nil), "_GoStringer": (*_GoStringer)(nil),
		"_Formatter": (*_Formatter)(nil), "_Reader": (*_Reader)(nil), "_Writer": (*_Writer)(nil),
		"_Closer": (*_Closer)(nil), "_StringWriter": (*_StringWriter)(nil), "_Timeouter": (*_Timeouter)(nil),
		"_Temporaryer": (*_Temporaryer)(nil), "_Lener": (*_Lener)(nil), "_JSONMarshaler": (*_JSONMarshaler)(nil),
		"_TextMarshaler": (*_TextMarshaler)(nil),
	} {
		Symbols[RuntimePath+"/"+RuntimePath][name] = reflect.ValueOf(w)
	}
}

type _Unwrapper struct {
	IValue  any
	WUnwrap func() error
}

func (w _Unwrapper) Unwrap() error { return w.WUnwrap() }

type _MultiUnwrapper struct {
	IValue  any
	WUnwrap func() []error
}

func (w _MultiUnwrapper) Unwrap() []error { return w.WUnwrap() }

type _Iser struct {
	IValue any
	WIs    func(error) bool
}

func (w _Iser) Is(e error) bool { return w.WIs(e) }

type _Aser struct {
	IValue any
	WAs    func(any) bool
}

func (w _Aser) As(x any) bool { return w.WAs(x) }

type _Stringer struct {
	IValue  any
	WString func() string
}

func (w _Stringer) String() string { return w.WString() }

type _GoStringer struct {
	IValue    any
	WGoString func() string
}

func (w _GoStringer) GoString() string { return w.WGoString() }

type _Formatter struct {
	IValue  any
	WFormat func(fmt.State, rune)
}

func (w _Formatter) Format(s fmt.State, c rune) { w.WFormat(s, c) }

type _Reader struct {
	IValue any
	WRead  func([]byte) (int, error)
}

func (w _Reader) Read(p []byte) (int, error) { return w.WRead(p) }

type _Writer struct {
	IValue any
	WWrite func([]byte) (int, error)
}

func (w _Writer) Write(p []byte) (int, error) { return w.WWrite(p) }

type _Closer struct {
	IValue any
	WClose func() error
}

func (w _Closer) Close() error { return w.WClose() }

type _StringWriter struct {
	IValue       any
	WWriteString func(string) (int, error)
}

func (w _StringWriter) WriteString(s string) (int, error) { return w.WWriteString(s) }

type _Timeouter struct {
	IValue   any
	WTimeout func() bool
}

func (w _Timeouter) Timeout() bool { return w.WTimeout() }

type _Temporaryer struct {
	IValue     any
	WTemporary func() bool
}

func (w _Temporaryer) Temporary() bool { return w.WTemporary() }

type _Lener struct {
	IValue any
	WLen   func() int
}

func (w _Lener) Len() int { return w.WLen() }

type _JSONMarshaler struct {
	IValue       any
	WMarshalJSON func() ([]byte, error)
}

func (w _JSONMarshaler) MarshalJSON() ([]byte, error) { return w.WMarshalJSON() }

type _TextMarshaler struct {
	IValue       any
	WMarshalText func() ([]byte, error)
}

func (w _TextMarshaler) MarshalText() ([]byte, error) { return w.WMarshalText() }
