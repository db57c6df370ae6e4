package shims

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// Run-time errors as Go reports them. The interpreter runs a program's
// indexing, slicing and dereferencing through reflect, so a program that
// goes out of range panics with reflect's words ("reflect: slice index out
// of range") and recovers a string rather than a runtime.Error. The shims
// translate those panics into Go's run-time errors. Where the planner can
// check an operation first (an index it cannot prove in range, an integer
// division by a variable, a write to a map that may be nil), the check
// panics itself, with Go's full message and the operation's position.

// RuntimeErrorOf returns the run-time error Go would have raised where the
// interpreter panicked with v, or nil when v is not one of the
// interpreter's (or reflect's) own panics.
func RuntimeErrorOf(v any) *RuntimeError {
	var msg string
	switch x := v.(type) {
	case *RuntimeError:
		return x
	case string:
		msg = x
	case error:
		if isRuntimeError(x) {
			if msg := x.Error(); strings.Contains(msg, "hash of unhashable type") {
				return &RuntimeError{msg: "runtime error: " + programTypeNames(strings.TrimPrefix(msg, "runtime error: "))}
			}
			return &RuntimeError{msg: x.Error()}
		}
		msg = x.Error()
	default:
		return nil
	}
	switch {
	case strings.HasPrefix(msg, "reflect: ") && strings.Contains(msg, "index out of range"),
		strings.HasPrefix(msg, "reflect.Value.Index: "):
		return &RuntimeError{msg: "runtime error: index out of range"}
	case strings.HasPrefix(msg, "reflect.Value.Slice") && strings.Contains(msg, "out of bounds"):
		return &RuntimeError{msg: "runtime error: slice bounds out of range"}
	case strings.HasPrefix(msg, "reflect: call of ") && strings.HasSuffix(msg, " on zero Value"),
		strings.HasPrefix(msg, "reflect: ") && strings.Contains(msg, "nil pointer"),
		msg == "reflect: Call using zero Value argument": // *p of a nil p passed on
		return &RuntimeError{msg: "runtime error: invalid memory address or nil pointer dereference"}
	case strings.HasPrefix(msg, "hash of unhashable type"):
		return &RuntimeError{msg: "runtime error: " + programTypeNames(msg)}
	case msg == "reflect.MakeSlice: negative cap", msg == "reflect.MakeSlice: len > cap":
		return &RuntimeError{msg: "runtime error: makeslice: cap out of range"}
	case msg == "reflect.MakeChan: negative buffer size":
		return &RuntimeError{msg: "makechan: size out of range"}
	case msg == "reflect: slice length out of range in SetLen", msg == "reflect.MakeSlice: negative len":
		return &RuntimeError{msg: "runtime error: makeslice: len out of range"}
	case strings.HasPrefix(msg, "reflect: cannot convert slice with length "):
		// reflect: ... to pointer to array with length N / to array with length N
		rest := strings.TrimPrefix(msg, "reflect: cannot convert slice with length ")
		switch {
		case strings.Contains(rest, " to array or pointer to array "):
		case strings.Contains(rest, " to pointer to array with length "):
			rest = strings.Replace(rest, " to pointer to array with length ", " to array or pointer to array with length ", 1)
		default:
			rest = strings.Replace(rest, " to array with length ", " to array or pointer to array with length ", 1)
		}
		return &RuntimeError{msg: "runtime error: cannot convert slice with length " + rest}
	}
	if m := positioned.FindStringSubmatch(msg); m != nil {
		// The interpreter's own run-time errors start with a position.
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		return &RuntimeError{msg: m[3], Line: line, Col: col}
	}
	return nil
}

// positioned matches the interpreter's own run-time errors, which it
// writes with the position first: "12:3: interface conversion: ...".
var positioned = regexp.MustCompile(`^(\d+):(\d+): (interface conversion: .*)$`)

// programTypeNames writes the program's struct types in a run-time error
// of the Go runtime (hash of unhashable type ...) by their names.
func programTypeNames(msg string) string {
	return TypeNames(strings.Replace(msg, "hash of unhashable type: ", "hash of unhashable type ", 1))
}

// TypeNames writes each struct type of the program in text that reflect
// wrote (an error of text/template, of the runtime) by the program's name
// for it: the interpreter's struct types carry the program's mark on their
// fields. Other text is left as it is.
func TypeNames(text string) string {
	if !strings.Contains(text, TagKey+`:\"`) {
		return text
	}
	var b strings.Builder
	for {
		i := strings.Index(text, "struct {")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		end, id := markedStructAt(text[i:])
		if end < 0 {
			b.WriteString(text[:i+len("struct {")])
			text = text[i+len("struct {"):]
			continue
		}
		b.WriteString(text[:i])
		if t := typeByID(id); t != nil {
			b.WriteString(t.Name)
		} else {
			b.WriteString(text[i : i+end])
		}
		text = text[i+end:]
	}
}

// markedStructAt reads the struct type that s starts with ("struct {"
// ... "}"), returning its length and the id its mark gives, with end -1
// when it has no mark of its own.
func markedStructAt(s string) (end, id int) {
	mark := TagKey + `:\"`
	depth, id := 0, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				if id < 0 {
					return -1, 0
				}
				return i + 1, id
			}
		default:
			if depth == 1 && id < 0 && strings.HasPrefix(s[i:], mark) {
				j := i + len(mark)
				k := j
				for k < len(s) && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				id, _ = strconv.Atoi(s[j:k])
				i = k - 1
			}
		}
	}
	return -1, 0
}

// TemplateError returns err, an error of text/template or html/template,
// with the program's struct types named as the program names them.
func TemplateError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if named := TypeNames(msg); named != msg {
		return &namedError{msg: named, err: err}
	}
	return err
}

// namedError is an error whose text names the program's types; it wraps
// the original.
type namedError struct {
	msg string
	err error
}

func (e *namedError) Error() string { return e.msg }
func (e *namedError) Unwrap() error { return e.err }

// isRuntimeError reports whether err is one of the Go runtime's own
// errors (a divide by zero, a nil map write in the interpreter's code).
func isRuntimeError(err error) bool {
	_, ok := err.(interface{ RuntimeError() })
	return ok
}

// maxAlloc is the most the Go runtime allocates at once on linux/amd64.
const maxAlloc = 1 << 48

// MakeLen returns n, the length of make([]T, n, c) with elements of size
// bytes, when Go would make the slice, and otherwise panics as Go does.
func MakeLen(n, c, size int64) int64 {
	tooBig := func(k int64) bool { return k < 0 || size > 0 && uint64(k) > maxAlloc/uint64(size) }
	if tooBig(c) || n > c || n < 0 {
		if tooBig(n) {
			panic(&RuntimeError{msg: "runtime error: makeslice: len out of range"})
		}
		panic(&RuntimeError{msg: "runtime error: makeslice: cap out of range"})
	}
	return n
}

// MakeLen1 is MakeLen for make([]T, n).
func MakeLen1(n, size int64) int64 { return MakeLen(n, n, size) }

// Bound returns i when it indexes a sequence of length n, and otherwise
// panics as Go does at line and col: the planner puts it around the index
// of an expression it cannot prove in range.
func Bound(i, n, line, col int) int {
	if uint(i) >= uint(n) {
		panic(&RuntimeError{msg: "runtime error: index out of range [" + strconv.Itoa(i) + "] with length " + strconv.Itoa(n), Line: line, Col: col})
	}
	return i
}

// BoundPanic panics as Go does for the index i of a sequence of length n
// at line and col: the planner calls it where its own check fails.
func BoundPanic(i, n, line, col int) {
	panic(&RuntimeError{msg: "runtime error: index out of range [" + strconv.Itoa(i) + "] with length " + strconv.Itoa(n), Line: line, Col: col})
}

// SliceBound returns lo when x[lo:hi] is within max (the capacity of a
// slice, the length of a string or array; hiGiven is false for x[lo:],
// whose hi is the length), and otherwise panics as Go does at line and
// col.
func SliceBound(lo, hi, max int, hiGiven, lengthWord bool, line, col int) int {
	word := " with capacity "
	if lengthWord {
		word = " with length "
	}
	var msg string
	switch {
	case hiGiven && hi < 0:
		msg = "[:" + strconv.Itoa(hi) + "]"
	case hiGiven && hi > max:
		msg = "[:" + strconv.Itoa(hi) + "]" + word + strconv.Itoa(max)
	case !hiGiven && (lo < 0 || lo > hi):
		msg = "[" + strconv.Itoa(lo) + ":" + strconv.Itoa(hi) + "]"
	case lo < 0:
		msg = "[" + strconv.Itoa(lo) + ":]"
	case lo > hi:
		msg = "[" + strconv.Itoa(lo) + ":" + strconv.Itoa(hi) + "]"
	default:
		return lo
	}
	panic(&RuntimeError{msg: "runtime error: slice bounds out of range " + msg, Line: line, Col: col})
}

// NonZero returns d when it may divide, and otherwise panics as Go does
// at line and col.
func NonZero(d int64, line, col int) int64 {
	if d == 0 {
		panic(&RuntimeError{msg: "runtime error: integer divide by zero", Line: line, Col: col})
	}
	return d
}

// TypedNil is the panic of a nil pointer of type ptr converted to the
// interface iface, which the interpreter would turn into a nil interface
// where Go keeps an interface holding a nil pointer.
func TypedNil(ptr, iface string, line, col int) error {
	return &RuntimeError{msg: "a nil " + ptr + " converted to " + iface + ": Go makes an " + iface +
		" that is not nil, which the interpreter cannot; return or assign nil itself where no " + ptr + " is meant",
		Line: line, Col: col}
}

// RangeContinued is the panic of a range-over-func iterator that calls
// the loop body again after it returned false, as Go words it.
func RangeContinued() error {
	return &RuntimeError{msg: "runtime error: range function continued iteration after function for loop body returned false"}
}

// RangeExhausted is the panic of a range-over-func iterator that calls the
// loop body after the whole loop has ended, as Go words it.
func RangeExhausted() error {
	return &RuntimeError{msg: "runtime error: range function continued iteration after whole loop exit"}
}

// DividePanic panics as Go does for an integer division by zero at line
// and col: the planner calls it where its own check fails.
func DividePanic(line, col int) {
	panic(&RuntimeError{msg: "runtime error: integer divide by zero", Line: line, Col: col})
}

// MapWrite panics as Go does at line and col when a program writes to a
// nil map.
func MapWrite(isNil bool, line, col int) {
	if isNil {
		panic(&RuntimeError{msg: "assignment to entry in nil map", Line: line, Col: col})
	}
}

// DescribePanic writes the value a program panicked with as Go's runtime
// does when the panic ends the program: an error's Error text, a
// Stringer's String, a value of a basic type as it prints, and a value of
// a named program type as main.T(v).
func DescribePanic(v any) string {
	if re := RuntimeErrorOf(v); re != nil {
		return re.msg
	}
	switch x := v.(type) {
	case nil:
		return "nil"
	case *ErrorPanic:
		return x.Text()
	}
	d := resolve(reflect.ValueOf(v))
	if !d.v.IsValid() {
		return "nil"
	}
	w := view{v: d.v, prog: d.prog, wrapped: d.wrapped}
	if d.prog != nil {
		w.r = &ref{kind: '#', prog: d.prog, id: d.prog.ID}
	} else {
		w.r = refOfType(d.v.Type())
	}
	p := printer{verb: 'v'}
	if f := p.methodString(w, "Error"); f != nil {
		return callText(f, typeName(w), "Error")
	}
	if f := p.methodString(w, "String"); f != nil {
		return callText(f, typeName(w), "String")
	}
	if d.v.CanInterface() {
		switch x := d.v.Interface().(type) {
		case error:
			return x.Error()
		case fmt.Stringer:
			return x.String()
		}
	}
	named := d.prog != nil || d.v.Type().Name() != "" && d.v.Type().PkgPath() != ""
	switch d.v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		text := fmt.Sprint(copyOut(d.v).Interface())
		if named {
			return typeName(w) + "(" + text + ")"
		}
		return text
	case reflect.String:
		if named {
			return typeName(w) + `("` + d.v.String() + `")`
		}
		return d.v.String()
	}
	// Go prints the type and an address, which differs from run to run.
	return "(" + typeName(w) + ") " + fmt.Sprintf("%p", addressOf(d.v))
}

func addressOf(v reflect.Value) any {
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan:
		return v.Interface()
	}
	return new(int)
}

// callText calls a method that returns the panic's text, bounded: it is
// program code.
func callText(f func() string, typ, method string) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = typ + " (its " + method + " method panicked)"
		}
	}()
	return f()
}

// recoveredValue is what recover() hands the program for a panic value:
// a run-time error where the interpreter panicked in Go's stead.
func recoveredValue(v any) any {
	if err, ok := v.(error); ok && isRuntimeError(err) {
		if msg := err.Error(); strings.Contains(msg, "hash of unhashable type") {
			return &RuntimeError{msg: "runtime error: " + programTypeNames(strings.TrimPrefix(msg, "runtime error: "))}
		}
		return v
	}
	if re := RuntimeErrorOf(v); re != nil {
		return re
	}
	return v
}

// PanicText writes v, of the static type ref, as Go's runtime does when a
// panic with it ends the program.
func PanicText(v any, ref string) string {
	w := see(reflect.ValueOf(v), parseRef(ref))
	if w.prog == nil && w.r.kind != '#' {
		return DescribePanic(v)
	}
	if !w.v.IsValid() {
		return "nil"
	}
	p := printer{verb: 'v'}
	if f := p.methodString(w, "Error"); f != nil {
		return callText(f, typeName(w), "Error")
	}
	if f := p.methodString(w, "String"); f != nil {
		return callText(f, typeName(w), "String")
	}
	switch w.v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return typeName(w) + "(" + fmt.Sprint(copyOut(w.v).Interface()) + ")"
	case reflect.String:
		return typeName(w) + `("` + w.v.String() + `")`
	}
	return "(" + typeName(w) + ") " + fmt.Sprintf("%p", addressOf(w.v))
}

// PanicPosition returns the position of the panic the program ended with,
// when the planner put it on the panic value: 0, 0 otherwise.
func PanicPosition(v any) (line, col int) {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		v = rv.Interface()
	}
	switch x := v.(type) {
	case *ErrorPanic:
		return x.Line, x.Col
	case *RuntimeError:
		return x.Line, x.Col
	}
	return 0, 0
}

// GoPanicHook reports a panic that ended a goroutine and ends the program;
// the child sets it. By default the panic goes on.
var GoPanicHook = func(v any) { panic(v) }

// GoPanic is deferred by every goroutine the program starts, with what
// recover() returned there: a panic ends the program as it does from
// main, with Go's message and position.
func GoPanic(v any) {
	if v != nil {
		GoPanicHook(v)
	}
}
