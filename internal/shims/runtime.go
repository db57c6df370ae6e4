package shims

import (
	"fmt"
	"reflect"
	"strconv"
	"time"
	"unicode/utf8"
)

// RuntimePath is the import path of the shims the compatibility rewrites
// may call from any program, whatever packages its policy allows: they
// only repair what the interpreter gets wrong and carry no authority.
// Programs cannot import it themselves (the planner does not offer it).
const RuntimePath = "airlockshim"

// Recovered returns the value recover() returned, as the program must see
// it. The interpreter panics with its own reflect.Value of the program's
// value, so recover() hands the program a reflect.Value: r.(string) and
// r.(error) fail, and a program error prints as its fields. The rewrite
// turns recover() into Recovered(recover()).
func Recovered(v any) any {
	rv, ok := v.(reflect.Value)
	if !ok {
		return recoveredValue(v)
	}
	if !rv.IsValid() || !rv.CanInterface() {
		return nil
	}
	if rv.Kind() == reflect.Interface && rv.IsNil() {
		return nil
	}
	return recoveredValue(rv.Interface())
}

// ErrorPanic stands for a value the program panics with. The interpreter
// would report a program value by its fields, since native code cannot
// reach the methods of a program type, and without a position; the
// rewrite panics with an ErrorPanic instead, which formats as Go's runtime
// formats the value and knows where the panic was called, and keeps the
// value itself in the program, where recover() finds it. It is not an
// error itself: the interpreter calls Error on every error panic it
// unwinds, and Error is program code.
type ErrorPanic struct {
	message   func() string
	typeName  string
	Line, Col int // the panic call's position in the program
}

// NewErrorPanic returns an ErrorPanic for a value of the type typeName
// (as Go writes it, "*main.parseError") whose text is message(), called
// only when the panic is reported, panicking at line and col.
func NewErrorPanic(message func() string, typeName string, line, col int) *ErrorPanic {
	return &ErrorPanic{message: message, typeName: typeName, Line: line, Col: col}
}

// PositionMark starts the line an ErrorPanic adds to its text when the Go
// runtime prints it, as it does when a panic ends the program from a
// goroutine: the parent reads the position from it.
const PositionMark = "\tairlock: panicked at "

// errorMethodWait bounds the Error method's run in String: the child
// gives a panic value's formatting a little longer, so the program's type
// is named when the method does not return.
const errorMethodWait = 300 * time.Millisecond

// String returns the text of the value the program panicked with, and a
// line with its position, as the Go runtime prints a panic.
func (p *ErrorPanic) String() string {
	if p.Line > 0 {
		return p.Text() + "\n" + PositionMark + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
	}
	return p.Text()
}

// Text returns the text of the value the program panicked with. Its Error
// or String method is program code: when it panics or does not return in
// time, Text says so instead.
func (p *ErrorPanic) Text() string {
	out := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				out <- p.typeName + " (its Error method panicked)"
			}
		}()
		out <- p.message()
	}()
	select {
	case s := <-out:
		return s
	case <-time.After(errorMethodWait):
		return p.typeName + " (its Error method did not return)"
	}
}

// Raise panics with p. The interpreter's own panic would wrap p in a
// reflect.Value, which the Go runtime prints as "<interface {} Value>"
// when the panic ends the program from a goroutine; panicking natively
// lets it print p's text.
func Raise(p *ErrorPanic) { panic(p) }

// Convert converts x to the type dst points to and stores it there: the
// rewrite of T(x) for a type parameter T, which the interpreter cannot
// compile when T is instantiated with a program type. The type checker has
// proved the conversion valid for every type T may be.
func Convert(x, dst any) {
	d := reflect.ValueOf(dst)
	if d.Kind() != reflect.Pointer || d.IsNil() {
		panic(fmt.Sprintf("shims.Convert: destination %T is not a pointer", dst))
	}
	elem := d.Elem()
	if x == nil {
		elem.SetZero()
		return
	}
	elem.Set(reflect.ValueOf(x).Convert(elem.Type()))
}

// ClearMap is clear(m) for a map: a loop of deletes leaves NaN keys behind,
// reflect's Clear removes them as clear does.
func ClearMap(m any) {
	if v := reflect.ValueOf(m); v.IsValid() && v.Kind() == reflect.Map {
		v.Clear()
	}
}

// StringRune decodes the rune of s at byte offset o, as a range loop over
// s does, and returns it with its width in bytes.
func StringRune(s string, o int) (rune, int) {
	return utf8.DecodeRuneInString(s[o:])
}
