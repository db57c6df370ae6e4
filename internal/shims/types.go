package shims

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// The interpreter builds the reflect type of a program type from its
// structure alone: a named type becomes its underlying type (main.Level is
// int), struct fields lose whether they were exported (count becomes
// Xcount) and whether they were embedded, and methods are not there. Native
// code that looks at values (fmt, encoding/json) cannot tell what Go would
// see.
//
// The planner describes every program type (its Go name, its fields and
// how they were declared, which methods it has) and registers the
// description when the program starts (Types), with interpreted closures
// that call its methods (the Method* functions). It marks every struct
// type of the program with a tag `airlock:"N"` on its first field, which
// makes its reflect type unique, and tells the native helpers the static
// type of every value it hands them as a type reference (see parseRef).
// Values whose static type is an interface are resolved from what the
// interpreter stores in them.

// TagKey is the struct tag key of the planner's marks.
const TagKey = "airlock"

// progType describes one program type, as the planner registered it.
type progType struct {
	ID   int    `json:"id"`
	Name string `json:"name"` // as %T prints it: main.Level, main.Pair[string,int]
	// Kind is the kind of the underlying type: struct, int, string,
	// slice, map, ...; Under is the underlying type as a reference.
	Kind   string      `json:"kind"`
	Under  string      `json:"under,omitempty"`
	Fields []progField `json:"fields,omitempty"`
	// The method sets of T and *T, by name.
	Methods    []string `json:"methods,omitempty"`
	PtrMethods []string `json:"ptrMethods,omitempty"`

	under   *ref
	methods map[string]*method // by name
}

// progField is one field of a program struct type, in declaration order.
type progField struct {
	Name     string `json:"name"`
	Exported bool   `json:"exported,omitempty"`
	Embedded bool   `json:"embedded,omitempty"`
	Tag      string `json:"tag,omitempty"`
	Type     string `json:"type"`

	typ *ref
}

// method is an interpreted method of a program type, as a closure taking
// the receiver. Ptr is set for a pointer receiver.
type method struct {
	ptr   bool
	str   func(any) string
	bytes func(any) ([]byte, error)
	from  func(any, []byte) error
	bool_ func(any) bool
	fmt   func(any, fmt.State, rune)
}

// registry holds the program's types. A child runs one program, so one
// registry per process is one per run.
var registry = struct {
	sync.RWMutex
	byID   map[int]*progType
	byName map[string]*progType
	byType map[reflect.Type]*progType // instances of generic struct types
	refs   map[string]*ref            // parsed references
}{byID: map[int]*progType{}, byName: map[string]*progType{}, byType: map[reflect.Type]*progType{}, refs: map[string]*ref{}}

// Types registers the program's types, described as JSON by the planner.
// It returns nothing useful; the planner calls it in a package-level
// variable's initializer so it runs before any of the program's code.
func Types(descriptions string) int {
	var types []*progType
	if err := json.Unmarshal([]byte(descriptions), &types); err != nil {
		panic("airlock: bad type descriptions: " + err.Error())
	}
	registry.Lock()
	defer registry.Unlock()
	for _, t := range types {
		t.methods = map[string]*method{}
		if early := registry.byID[t.ID]; early != nil {
			t.methods = early.methods // registered before the descriptions
			for rt, e := range registry.byType {
				if e == early {
					registry.byType[rt] = t
				}
			}
		}
		registry.byID[t.ID] = t
		registry.byName[t.Name] = t
	}
	return len(types)
}

func setMethod(id int, name string, m *method) int {
	registry.Lock()
	defer registry.Unlock()
	t := registry.byID[id]
	if t == nil {
		// The interpreter may initialise the registrations in any order.
		t = &progType{ID: id, methods: map[string]*method{}}
		registry.byID[id] = t
	}
	t.methods[name] = m
	return 0
}

// Instance registers the reflect type of an instance of a generic struct
// type, by its zero value: every instance carries the generic type's mark.
func Instance(id int, zero any) int {
	registry.Lock()
	defer registry.Unlock()
	t := registry.byID[id]
	if t == nil {
		t = &progType{ID: id, methods: map[string]*method{}}
		registry.byID[id] = t
	}
	rt := reflect.TypeOf(zero)
	if rt.Kind() == reflect.Slice {
		// The planner passes an empty []T: a T made at package level would
		// clash with the instances generic functions make of it.
		rt = rt.Elem()
	}
	registry.byType[rt] = t
	return 0
}

// MethodString registers a method returning a string (String, Error,
// GoString) of the program type id.
func MethodString(id int, name string, ptr bool, f func(any) string) int {
	return setMethod(id, name, &method{ptr: ptr, str: f})
}

// MethodBytes registers a method returning bytes and an error
// (MarshalJSON, MarshalText).
func MethodBytes(id int, name string, ptr bool, f func(any) ([]byte, error)) int {
	return setMethod(id, name, &method{ptr: ptr, bytes: f})
}

// MethodFromBytes registers a method taking bytes and returning an error
// (UnmarshalJSON, UnmarshalText).
func MethodFromBytes(id int, name string, ptr bool, f func(any, []byte) error) int {
	return setMethod(id, name, &method{ptr: ptr, from: f})
}

// MethodBool registers a method returning a bool (IsZero).
func MethodBool(id int, name string, ptr bool, f func(any) bool) int {
	return setMethod(id, name, &method{ptr: ptr, bool_: f})
}

// MethodFormat registers a Format method.
func MethodFormat(id int, ptr bool, f func(any, fmt.State, rune)) int {
	return setMethod(id, "Format", &method{ptr: ptr, fmt: f})
}

func typeByID(id int) *progType {
	registry.RLock()
	defer registry.RUnlock()
	return registry.byID[id]
}

func typeByName(name string) *progType {
	registry.RLock()
	defer registry.RUnlock()
	return registry.byName[name]
}

// ref is a static type as the planner writes it: what native code cannot
// learn from a reflect type. Kinds:
//
//	#N       the program type N
//	?        an interface: look at the dynamic value (?N:name names it,
//	         with the N bytes of its Go name)
//	-        a type holding no program type and no interface: reflect knows it
//	*X []X [N]X map[K]V chan X   composites of references
type ref struct {
	kind byte // '#', '?', '-', '*', 's' (slice), 'a' (array), 'm' (map), 'c' (chan)
	prog *progType
	id   int
	n    int // array length
	elem *ref
	key  *ref
	text string
	name string // for '?': the interface type's Go name, when not empty
}

var plainRef = &ref{kind: '-', text: "-"}
var dynRef = &ref{kind: '?', text: "?"}

// parseRef returns the reference written as s, parsing it once.
func parseRef(s string) *ref {
	registry.RLock()
	r, ok := registry.refs[s]
	registry.RUnlock()
	if ok {
		return r
	}
	r, rest := parseRefPrefix(s)
	if rest != "" {
		panic("airlock: bad type reference " + strconv.Quote(s))
	}
	registry.Lock()
	registry.refs[s] = r
	registry.Unlock()
	return r
}

func parseRefPrefix(s string) (*ref, string) {
	if s == "" {
		panic("airlock: empty type reference")
	}
	switch {
	case s[0] == '-':
		return plainRef, s[1:]
	case s[0] == '?':
		// ?N:name names the interface type: N bytes of name follow.
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 1 && i < len(s) && s[i] == ':' {
			n, _ := strconv.Atoi(s[1:i])
			if i+1+n <= len(s) {
				return &ref{kind: '?', text: s[:i+1+n], name: s[i+1 : i+1+n]}, s[i+1+n:]
			}
		}
		return dynRef, s[1:]
	case s[0] == '#':
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		id, _ := strconv.Atoi(s[1:i])
		return &ref{kind: '#', id: id, text: s[:i]}, s[i:]
	case s[0] == '*':
		e, rest := parseRefPrefix(s[1:])
		return &ref{kind: '*', elem: e, text: s[:len(s)-len(rest)]}, rest
	case strings.HasPrefix(s, "[]"):
		e, rest := parseRefPrefix(s[2:])
		return &ref{kind: 's', elem: e, text: s[:len(s)-len(rest)]}, rest
	case s[0] == '[':
		end := strings.IndexByte(s, ']')
		n, _ := strconv.Atoi(s[1:end])
		e, rest := parseRefPrefix(s[end+1:])
		return &ref{kind: 'a', n: n, elem: e, text: s[:len(s)-len(rest)]}, rest
	case strings.HasPrefix(s, "map["):
		k, rest := parseRefPrefix(s[4:])
		if rest == "" || rest[0] != ']' {
			panic("airlock: bad map reference " + strconv.Quote(s))
		}
		v, rest := parseRefPrefix(rest[1:])
		return &ref{kind: 'm', key: k, elem: v, text: s[:len(s)-len(rest)]}, rest
	case strings.HasPrefix(s, "chan "):
		e, rest := parseRefPrefix(s[5:])
		return &ref{kind: 'c', elem: e, text: s[:len(s)-len(rest)]}, rest
	}
	panic("airlock: bad type reference " + strconv.Quote(s))
}

// program returns the program type of a '#' reference, resolving it on
// first use (references may be parsed before the types are registered).
func (r *ref) program() *progType {
	if r.prog == nil {
		r.prog = typeByID(r.id)
		if r.prog == nil {
			panic("airlock: unknown program type " + strconv.Itoa(r.id))
		}
	}
	return r.prog
}

// fieldRef returns the reference of field i of a program struct type.
func (t *progType) field(i int) *progField {
	f := &t.Fields[i]
	if f.typ == nil {
		f.typ = parseRef(f.Type)
	}
	return f
}

// underRef is the underlying type of t as a reference.
func (t *progType) underRef() *ref {
	if t.under == nil {
		if t.Under == "" {
			t.under = plainRef
		} else {
			t.under = parseRef(t.Under)
		}
	}
	return t.under
}

// markOf returns the program type a struct reflect type is marked with.
func markOf(rt reflect.Type) *progType {
	if rt.Kind() != reflect.Struct || rt.NumField() == 0 {
		return nil
	}
	registry.RLock()
	t, ok := registry.byType[rt]
	registry.RUnlock()
	if ok {
		return t
	}
	tag, ok := rt.Field(0).Tag.Lookup(TagKey)
	if !ok {
		return nil
	}
	id, err := strconv.Atoi(tag)
	if err != nil {
		return nil
	}
	return typeByID(id)
}

// The interpreter's own representations of values in interfaces.

var (
	valueInterfaceName = "interp.valueInterface"
	reflectValueType   = reflect.TypeFor[reflect.Value]()
)

// dynamic is what an interface value holds, as far as native code can
// tell: the value, its program type when it has one, and the methods the
// interpreter attached to it when it wrapped it for native code.
type dynamic struct {
	v       reflect.Value
	prog    *progType
	wrapped map[string]reflect.Value // method name -> func value, from a wrapper
	// named is set when the value's Go type is known: a program type named
	// by the interpreter or marked, or a native type. A value of a program
	// type that is not a struct, handed over bare, looks like its
	// underlying type.
	named bool
}

// resolve looks through the interpreter's representations of a value held
// in an interface: its own valueInterface (which knows the program type by
// name), and the wrapper structs it builds to hand a value with methods to
// native code (IValue and one W<Method> func per method).
func resolve(v reflect.Value) dynamic {
	var d dynamic
	for range 8 {
		for v.IsValid() && v.Kind() == reflect.Interface {
			if v.IsNil() {
				return dynamic{v: reflect.Value{}}
			}
			v = v.Elem()
		}
		if !v.IsValid() {
			return d
		}
		rt := v.Type()
		switch {
		case rt.String() == valueInterfaceName && rt.Kind() == reflect.Struct:
			inner, name := openValueInterface(v)
			if d.prog == nil && name != "" {
				d.prog = typeByName(name)
				d.named = true
			}
			v = inner
			continue
		case isWrapper(rt):
			if d.wrapped == nil {
				d.wrapped = map[string]reflect.Value{}
			}
			for i := 1; i < rt.NumField(); i++ {
				if fv := v.Field(i); fv.Kind() == reflect.Func && !fv.IsNil() {
					d.wrapped[rt.Field(i).Name[1:]] = fv
				}
			}
			if iv := v.Field(0); iv.Kind() == reflect.Interface && !iv.IsNil() && iv.Elem().Kind() == reflect.Pointer && iv.Elem().IsNil() {
				// A nil pointer: AirlockSelf would dereference it.
				delete(d.wrapped, "AirlockSelf")
				delete(d.wrapped, "AirlockName")
				v = iv.Elem()
				continue
			}
			if self, ok := d.wrapped["AirlockSelf"]; ok {
				// The wrapper's IValue may be a field of the value, not the
				// value: the planner's AirlockSelf and AirlockName methods
				// hand over the value and its type's name. A pointer, which
				// the wrapper keeps, has the value's methods too.
				name := d.wrapped["AirlockName"].Call(nil)[0].String()
				delete(d.wrapped, "AirlockSelf")
				delete(d.wrapped, "AirlockName")
				sv := self.Call(nil)[0]
				for sv.Kind() == reflect.Interface && !sv.IsNil() {
					sv = sv.Elem()
				}
				iv := v.Field(0)
				for iv.Kind() == reflect.Interface && !iv.IsNil() {
					iv = iv.Elem()
				}
				if iv.Kind() == reflect.Pointer && sv.IsValid() && iv.Type().Elem() == sv.Type() {
					name = "*" + name
					v = iv
				} else {
					v = sv
				}
				if d.prog == nil && !strings.HasPrefix(name, "*") {
					d.prog = typeByName(name)
				}
				d.named = true
				continue
			}
			v = v.Field(0)
			continue
		}
		break
	}
	d.v = v
	if d.prog == nil && v.IsValid() {
		d.prog = markOf(v.Type())
	}
	if d.prog != nil && d.prog.Kind == "box" {
		// The planner's box of a value whose type is not a struct.
		d.v = v.Field(0)
		d.prog = d.prog.underRef().program()
	}
	if d.prog != nil {
		d.named = true
	}
	return d
}

// isWrapper reports whether rt is one of the interpreter's interface
// wrappers: a struct whose first field is IValue and whose other fields
// are the methods, named W<Method>.
func isWrapper(rt reflect.Type) bool {
	if rt.Kind() != reflect.Struct || rt.NumField() == 0 || rt.Field(0).Name != "IValue" {
		return false
	}
	for i := 1; i < rt.NumField(); i++ {
		f := rt.Field(i)
		if f.Type.Kind() != reflect.Func || !strings.HasPrefix(f.Name, "W") {
			return false
		}
	}
	return true
}

// openValueInterface reads the interpreter's valueInterface: the value it
// holds and the Go name of its type. The struct's fields are unexported
// (node *node; value reflect.Value), so they are read from a copy.
func openValueInterface(v reflect.Value) (reflect.Value, string) {
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	name := ""
	if node := c.Field(0); node.Kind() == reflect.Pointer && !node.IsNil() {
		if typ := node.Elem().FieldByName("typ"); typ.IsValid() && typ.Kind() == reflect.Pointer && !typ.IsNil() {
			if str := typ.Elem().FieldByName("str"); str.IsValid() && str.Kind() == reflect.String {
				name = str.String()
			}
		}
	}
	vf := c.Field(1)
	if vf.Type() != reflectValueType {
		return reflect.Value{}, name
	}
	inner := *(*reflect.Value)(unsafe.Pointer(vf.UnsafeAddr()))
	return inner, name
}

// TypeName returns the Go name of the dynamic type of x, as %T prints it:
// the program's name for a program type, "" for nil.
func TypeName(x any) string {
	w := seeDynamic(reflect.ValueOf(x))
	if !w.v.IsValid() {
		return ""
	}
	return typeName(w)
}

// Is reports whether the dynamic type of x is the type named name, of
// which zero is a value.
func Is(x any, name string, zero any) bool {
	return x != nil && TypeName(x) == name
}

// IsLike is Is for a type whose values the interpreter cannot tell from
// others' (a []Level is a []int to it): a bare value of the same reflect
// type matches, as the interpreter itself would match it.
func IsLike(x any, name string, zero any) bool {
	if x == nil {
		return false
	}
	d := resolve(reflect.ValueOf(x))
	if !d.v.IsValid() {
		return false
	}
	if TypeName(x) == name {
		return true
	}
	return !d.named && reflect.TypeOf(zero) == d.v.Type()
}

// Take stores the value x holds in the variable dst points to, whose type
// is the dynamic type of x (Is said so).
func Take(x any, dst any) {
	w := seeDynamic(reflect.ValueOf(x))
	d := reflect.ValueOf(dst).Elem()
	v := w.v
	if !v.Type().AssignableTo(d.Type()) && v.Type().ConvertibleTo(d.Type()) {
		v = v.Convert(d.Type())
	}
	d.Set(v)
}

// TypeAssertionError is the panic of a failed type assertion, worded as
// Go's runtime words it.
type TypeAssertionError struct{ msg string }

func (e *TypeAssertionError) Error() string { return e.msg }

// RuntimeError marks the panic as a runtime error, as Go's is.
func (e *TypeAssertionError) RuntimeError() {}

// AssertionFailed returns the panic of asserting x, held in an interface
// of the type named iface, to the type named want.
func AssertionFailed(x any, iface, want string) error {
	have := TypeName(x)
	if have == "" {
		return &TypeAssertionError{"interface conversion: " + iface + " is nil, not " + want}
	}
	return &TypeAssertionError{"interface conversion: " + iface + " is " + have + ", not " + want}
}

// IsProgramValue reports whether x holds a value of one of the program's
// declared types (or a pointer to one).
func IsProgramValue(x any) bool {
	return typeByName(strings.TrimPrefix(TypeName(x), "*")) != nil
}

// InterfaceAssertionFailed is the error of a failed assertion of x to the
// interface want, whose methods are listed, sorted, separated by commas: Go
// names the first method the dynamic type lacks.
func InterfaceAssertionFailed(x any, want, methods string) error {
	have := TypeName(x)
	if have == "" {
		return &TypeAssertionError{"interface conversion: interface is nil, not " + want}
	}
	var set []string
	if t := typeByName(strings.TrimPrefix(have, "*")); t != nil {
		set = t.Methods
		if strings.HasPrefix(have, "*") {
			set = t.PtrMethods
		}
	} else if v := resolve(reflect.ValueOf(x)).v; v.IsValid() {
		for i := range v.Type().NumMethod() {
			set = append(set, v.Type().Method(i).Name)
		}
	}
	for _, m := range strings.Split(methods, ",") {
		if m != "" && !slices.Contains(set, m) {
			return &TypeAssertionError{"interface conversion: " + have + " is not " + want + ": missing method " + m}
		}
	}
	return &TypeAssertionError{"interface conversion: " + have + " is not " + want}
}

// The interpreter hands a program value to native code as error or
// fmt.Stringer in a wrapper struct: IValue, and one func per method. For a
// struct it puts in IValue the value's last field rather than the value
// (it takes any struct for one of its own interface representations), so
// native code loses the value and its type. The planner gives each program
// type with methods an AirlockSelf method returning the value itself, and
// these wrappers, which the interpreter picks for types that have it
// (MapTypes lists them under the wrapper they extend), carry it.

// ErrorSelf wraps a program error value.
type ErrorSelf struct {
	IValue       any
	WAirlockName func() string
	WAirlockSelf func() any
	WError       func() string
}

func (w ErrorSelf) Error() string { return w.WError() }

// StringerSelf wraps a program fmt.Stringer value.
type StringerSelf struct {
	IValue       any
	WAirlockName func() string
	WAirlockSelf func() any
	WString      func() string
}

func (w StringerSelf) String() string { return w.WString() }

// ReaderSelf wraps a program io.Reader value.
type ReaderSelf struct {
	IValue       any
	WAirlockName func() string
	WAirlockSelf func() any
	WRead        func(p []byte) (int, error)
}

func (w ReaderSelf) Read(p []byte) (int, error) { return w.WRead(p) }

// WriterSelf wraps a program io.Writer value.
type WriterSelf struct {
	IValue       any
	WAirlockName func() string
	WAirlockSelf func() any
	WWrite       func(p []byte) (int, error)
}

func (w WriterSelf) Write(p []byte) (int, error) { return w.WWrite(p) }

// SelfWrappers returns the MapTypes entries that make the interpreter use
// the wrappers above. errorWrapper is its own wrapper of error (the
// symbol "_error" of the package "" it exports); the others are keyed by
// the wrappers of the symbol tables, which it uses as they are.
func SelfWrappers(errorWrapper reflect.Value, tables map[string]map[string]reflect.Value) map[reflect.Value][]reflect.Type {
	out := map[reflect.Value][]reflect.Type{}
	if errorWrapper.IsValid() {
		out[errorWrapper] = []reflect.Type{reflect.TypeFor[ErrorSelf]()}
	}
	for _, w := range []struct {
		table, name string
		typ         reflect.Type
	}{
		{"fmt/fmt", "_Stringer", reflect.TypeFor[StringerSelf]()},
		{"io/io", "_Reader", reflect.TypeFor[ReaderSelf]()},
		{"io/io", "_Writer", reflect.TypeFor[WriterSelf]()},
	} {
		if sym, ok := tables[w.table][w.name]; ok {
			out[sym] = []reflect.Type{w.typ}
		}
	}
	return out
}

// SameValue is the == of two interface values: the same dynamic type and equal
// values, looked at through the interpreter's representations, which ==
// cannot compare (its wrappers hold functions). Like ==, it panics when the
// type is not comparable.
func SameValue(a, b any) bool {
	x, y := seeDynamic(reflect.ValueOf(a)), seeDynamic(reflect.ValueOf(b))
	switch {
	case !x.v.IsValid() || !y.v.IsValid():
		return !x.v.IsValid() && !y.v.IsValid()
	case typeName(x) != typeName(y):
		return false
	case !x.v.Type().Comparable():
		panic(&RuntimeError{msg: "runtime error: comparing uncomparable type " + typeName(x)})
	case x.v.Type() != y.v.Type():
		return false
	}
	return equalValues(x.v, y.v)
}

// equalValues compares two values of one comparable type, field by field
// where a field holds an interface (which may hold a wrapper).
func equalValues(x, y reflect.Value) bool {
	switch x.Kind() {
	case reflect.Interface:
		return SameValue(valueOf(x), valueOf(y))
	case reflect.Struct:
		for i := range x.NumField() {
			if !equalValues(x.Field(i), y.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Array:
		for i := range x.Len() {
			if !equalValues(x.Index(i), y.Index(i)) {
				return false
			}
		}
		return true
	}
	if x.CanInterface() && y.CanInterface() {
		return x.Interface() == y.Interface()
	}
	return copyOut(x).Interface() == copyOut(y).Interface()
}

func valueOf(v reflect.Value) any {
	if v.IsNil() {
		return nil
	}
	if v.CanInterface() {
		return v.Interface()
	}
	return copyOut(v).Interface()
}

// RuntimeError is a run-time panic worded as Go's runtime words it, with
// the position of the operation when the planner knows it.
type RuntimeError struct {
	msg       string
	Line, Col int
}

func (e *RuntimeError) Error() string { return e.msg }

// RuntimeError marks the panic as a runtime error, as Go's is.
func (e *RuntimeError) RuntimeError() {}

// goType is the type of the runtime's own error with this message, as
// %T prints it.
func (e *RuntimeError) goType() string {
	msg := strings.TrimPrefix(e.msg, "runtime error: ")
	switch {
	case strings.HasPrefix(msg, "index out of range"), strings.HasPrefix(msg, "slice bounds out of range"),
		strings.HasPrefix(msg, "cannot convert slice with length"):
		return "runtime.boundsError"
	case msg == "assignment to entry in nil map", msg == "makechan: size out of range":
		return "runtime.plainError"
	case strings.HasPrefix(msg, "interface conversion: "):
		return "*runtime.TypeAssertionError"
	}
	return "runtime.errorString"
}
