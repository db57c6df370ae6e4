package shims

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// fmt formats a value by its reflect type: for a program value it would
// print main.Level as int, Xcount for a field count, an embedded struct's
// fields without its name, and call none of the program's methods. The
// planner hands fmt such values wrapped by ValueFmt with their static type; the
// wrapper formats them itself, exactly as fmt formats the Go value, and
// hands every value without program types inside back to fmt.

// fmtArg is an argument of a fmt call whose type holds program types or
// interfaces.
type fmtArg struct {
	x any
	r *ref
}

// ValueFmt wraps x, of the static type the reference ref describes, for
// fmt. (The names of the shims the rewrites call avoid the short names of
// type parameters, which the interpreter substitutes even in selectors.)
func ValueFmt(x any, ref string) any { return &fmtArg{x: x, r: parseRef(ref)} }

// ValuesFmt wraps the elements of a slice a fmt function gets as its
// variadic arguments (fmt.Printf(format, args...)) as ValueFmt does, each
// element of the static type ref. Native errors stay as they are, for %w.
func ValuesFmt(xs []any, ref string) []any {
	r := parseRef(ref)
	out := make([]any, len(xs))
	for i, x := range xs {
		if _, isErr := x.(error); isErr {
			out[i] = x
			continue
		}
		out[i] = &fmtArg{x: x, r: r}
	}
	return out
}

// Format formats the argument as fmt would format the Go value.
func (a *fmtArg) Format(s fmt.State, verb rune) {
	p := newPrinter(s, verb)
	p.printArg(reflect.ValueOf(a.x), a.r)
}

// printer formats one argument for one verb.
type printer struct {
	s         fmt.State
	verb      rune
	directive string // the verb with its flags, width and precision
	plusV     bool   // %+v
	sharpV    bool   // %#v
}

func newPrinter(s fmt.State, verb rune) *printer {
	p := &printer{s: s, verb: verb, directive: fmt.FormatString(s, verb)}
	if verb == 'v' {
		p.plusV = s.Flag('+')
		p.sharpV = s.Flag('#')
	}
	return p
}

func (p *printer) write(text string) { io.WriteString(p.s, text) }

// view is a value with what is known of its type.
type view struct {
	v       reflect.Value
	r       *ref                     // its static type, or what was learnt of it
	prog    *progType                // its program type, if it has one
	wrapped map[string]reflect.Value // methods the interpreter attached
}

// see resolves a value of static type r.
func see(v reflect.Value, r *ref) view {
	switch r.kind {
	case '#':
		t := r.program()
		if v.Kind() == reflect.Interface && t.Kind != "interface" {
			v = v.Elem()
		}
		if t.Kind == "interface" {
			return seeDynamic(v)
		}
		return view{v: v, r: r, prog: t}
	case '?':
		return seeDynamic(v)
	case '-':
		if v.Kind() == reflect.Interface {
			return seeDynamic(v)
		}
	}
	return view{v: v, r: r}
}

func seeDynamic(v reflect.Value) view {
	d := resolve(v)
	w := view{v: d.v, prog: d.prog, wrapped: d.wrapped}
	switch {
	case d.prog != nil:
		w.r = &ref{kind: '#', prog: d.prog, id: d.prog.ID}
	case d.v.IsValid():
		w.r = refOfType(d.v.Type())
	default:
		w.r = dynRef
	}
	return w
}

// refOfType describes a native type: composites keep references to what
// they hold when that is an interface or a marked program struct.
func refOfType(rt reflect.Type) *ref {
	registry.RLock()
	r, ok := typeRefs[rt]
	registry.RUnlock()
	if ok {
		return r
	}
	r = buildRefOfType(rt, map[reflect.Type]bool{})
	registry.Lock()
	typeRefs[rt] = r
	registry.Unlock()
	return r
}

var typeRefs = map[reflect.Type]*ref{}

func buildRefOfType(rt reflect.Type, seen map[reflect.Type]bool) *ref {
	if t := markOf(rt); t != nil {
		return &ref{kind: '#', prog: t, id: t.ID}
	}
	if seen[rt] {
		return plainRef
	}
	seen[rt] = true
	switch rt.Kind() {
	case reflect.Interface:
		return dynRef
	case reflect.Pointer:
		if e := buildRefOfType(rt.Elem(), seen); e != plainRef {
			return &ref{kind: '*', elem: e}
		}
	case reflect.Slice:
		if e := buildRefOfType(rt.Elem(), seen); e != plainRef {
			return &ref{kind: 's', elem: e}
		}
	case reflect.Array:
		if e := buildRefOfType(rt.Elem(), seen); e != plainRef {
			return &ref{kind: 'a', n: rt.Len(), elem: e}
		}
	case reflect.Map:
		k, e := buildRefOfType(rt.Key(), seen), buildRefOfType(rt.Elem(), seen)
		if k != plainRef || e != plainRef {
			return &ref{kind: 'm', key: k, elem: e}
		}
	case reflect.Chan:
		if e := buildRefOfType(rt.Elem(), seen); e != plainRef {
			return &ref{kind: 'c', elem: e}
		}
	case reflect.Struct:
		if rt.String() == valueInterfaceName || isWrapper(rt) {
			return dynRef
		}
		for i := range rt.NumField() {
			if buildRefOfType(rt.Field(i).Type, seen) != plainRef {
				return &ref{kind: 'S'} // a native struct holding program values: walk it
			}
		}
	}
	return plainRef
}

// typeName is the Go name of the view's type, as %T and %#v print it.
func typeName(w view) string {
	if w.prog != nil {
		return w.prog.Name
	}
	if !w.v.IsValid() {
		return "<nil>"
	}
	if w.v.Type() == reflect.TypeFor[*RuntimeError]() {
		return w.v.Interface().(*RuntimeError).goType()
	}
	if w.v.Type() == reflect.TypeFor[*TypeAssertionError]() {
		return "*runtime.TypeAssertionError"
	}
	return refTypeName(w.r, w.v.Type())
}

// refTypeName writes the type rt with the program names that r knows.
func refTypeName(r *ref, rt reflect.Type) string {
	switch r.kind {
	case '#':
		return r.program().Name
	case '*':
		return "*" + refTypeName(r.elem, rt.Elem())
	case 's':
		return "[]" + refTypeName(r.elem, rt.Elem())
	case 'a':
		return "[" + strconv.Itoa(rt.Len()) + "]" + refTypeName(r.elem, rt.Elem())
	case 'm':
		return "map[" + refTypeName(r.key, rt.Key()) + "]" + refTypeName(r.elem, rt.Elem())
	case 'c':
		return chanPrefix(rt) + refTypeName(r.elem, rt.Elem())
	}
	return nativeTypeName(rt)
}

// nativeTypeName is rt's name with marked struct types named as the program
// names them.
func nativeTypeName(rt reflect.Type) string {
	if t := markOf(rt); t != nil {
		return t.Name
	}
	switch rt.Kind() {
	case reflect.Pointer:
		if rt.Name() == "" {
			return "*" + nativeTypeName(rt.Elem())
		}
	case reflect.Slice:
		if rt.Name() == "" {
			return "[]" + nativeTypeName(rt.Elem())
		}
	case reflect.Array:
		if rt.Name() == "" {
			return "[" + strconv.Itoa(rt.Len()) + "]" + nativeTypeName(rt.Elem())
		}
	case reflect.Map:
		if rt.Name() == "" {
			return "map[" + nativeTypeName(rt.Key()) + "]" + nativeTypeName(rt.Elem())
		}
	}
	return rt.String()
}

func chanPrefix(rt reflect.Type) string {
	switch rt.ChanDir() {
	case reflect.RecvDir:
		return "<-chan "
	case reflect.SendDir:
		return "chan<- "
	}
	return "chan "
}

// printArg formats a top-level argument: fmt's printArg.
func (p *printer) printArg(v reflect.Value, r *ref) {
	w := see(v, r)
	if !w.v.IsValid() {
		switch p.verb {
		case 'T', 'v':
			p.write("<nil>")
		default:
			p.badVerb(w)
		}
		return
	}
	if p.handleMethods(w, true) {
		return
	}
	p.printValue(w, 0, true)
}

// handleMethods calls the methods fmt would call on the value: Format,
// GoString for %#v, Error or String for %v %s %x %X %q. canInterface is
// false for values fmt reaches through unexported fields, whose methods it
// cannot call.
func (p *printer) handleMethods(w view, canInterface bool) bool {
	if !canInterface {
		return false
	}
	if w.prog == nil && w.wrapped == nil && !(w.r.kind == '*' && w.r.elem.kind == '#') {
		return p.nativeMethods(w.v)
	}
	if f := p.methodFormat(w); f != nil {
		p.catch(w, "Format", func() { f(p.s, p.verb) })
		return true
	}
	if p.sharpV {
		if f := p.methodString(w, "GoString"); f != nil {
			p.catch(w, "GoString", func() { p.write(f()) })
			return true
		}
		return false
	}
	switch p.verb {
	case 'v', 's', 'x', 'X', 'q':
		for _, name := range []string{"Error", "String"} {
			if f := p.methodString(w, name); f != nil {
				p.catch(w, name, func() { p.fmtString(f()) })
				return true
			}
		}
	}
	return false
}

// nativeMethods lets fmt format a native value that has methods fmt calls.
func (p *printer) nativeMethods(v reflect.Value) bool {
	if !v.IsValid() || !v.CanInterface() {
		return false
	}
	switch v.Interface().(type) {
	case fmt.Formatter, fmt.GoStringer, error, fmt.Stringer:
		if _, isGo := v.Interface().(fmt.GoStringer); p.sharpV && !isGo {
			if _, isF := v.Interface().(fmt.Formatter); !isF {
				return false
			}
		}
		fmt.Fprintf(p.s, p.directive, v.Interface())
		return true
	}
	return false
}

// receiver returns the value a method of the program type is called on,
// and whether the method is in the value's method set: a value's methods
// with value receivers, a pointer's with either.
func receiver(w view, m *method) (any, bool) {
	v := w.v
	if w.r.kind == '*' {
		if m.ptr {
			return v.Interface(), true
		}
		if v.IsNil() {
			return nil, true // the call panics, as Go's would
		}
		return v.Elem().Interface(), true
	}
	if m.ptr {
		return nil, false
	}
	return v.Interface(), true
}

// methodString returns a call of the string method name of the value, or
// nil.
func (p *printer) methodString(w view, name string) func() string {
	wrapped := func() func() string {
		if f, ok := w.wrapped[name]; ok && f.Type().NumIn() == 0 && f.Type().NumOut() == 1 && f.Type().Out(0).Kind() == reflect.String {
			return func() string { return f.Call(nil)[0].String() }
		}
		return nil
	}
	t := w.prog
	if w.r.kind == '*' && w.r.elem.kind == '#' {
		t = w.r.elem.program()
	}
	if t == nil {
		return wrapped()
	}
	m := t.methods[name]
	if m == nil || m.str == nil {
		return wrapped()
	}
	recv, ok := receiver(w, m)
	if !ok {
		return nil
	}
	if recv == nil && w.v.Kind() == reflect.Pointer {
		return func() string { panic(nilReceiver{}) }
	}
	return func() string { return m.str(recv) }
}

// methodFormat returns a call of the value's Format method, or nil.
func (p *printer) methodFormat(w view) func(fmt.State, rune) {
	t := w.prog
	if w.r.kind == '*' && w.r.elem.kind == '#' {
		t = w.r.elem.program()
	}
	if t == nil {
		return nil
	}
	m := t.methods["Format"]
	if m == nil || m.fmt == nil {
		return nil
	}
	recv, ok := receiver(w, m)
	if !ok {
		return nil
	}
	return func(s fmt.State, verb rune) { m.fmt(recv, s, verb) }
}

type nilReceiver struct{}

// catch runs a method as fmt does: a panic prints as %!v(PANIC=String
// method: ...), and a nil pointer receiver as <nil>.
func (p *printer) catch(w view, name string, call func()) {
	defer func() {
		if err := recover(); err != nil {
			if v := w.v; v.Kind() == reflect.Pointer && v.IsNil() {
				p.write("<nil>")
				return
			}
			if _, ok := err.(nilReceiver); ok {
				p.write("<nil>")
				return
			}
			p.write("%!" + string(p.verb) + "(PANIC=" + name + " method: " + fmt.Sprint(Recovered(err)) + ")")
		}
	}()
	call()
}

// fmtString formats a method's string result with the verb.
func (p *printer) fmtString(s string) {
	fmt.Fprintf(p.s, p.directive, s)
}

// leaf hands a basic value to fmt with the directive.
func (p *printer) leaf(w view) {
	v := w.v
	if w.prog != nil && !p.validLeafVerb(v.Kind()) {
		p.badVerb(w)
		return
	}
	var x any
	switch v.Kind() {
	case reflect.Bool:
		x = v.Bool()
	case reflect.Int:
		x = int(v.Int())
	case reflect.Int8:
		x = int8(v.Int())
	case reflect.Int16:
		x = int16(v.Int())
	case reflect.Int32:
		x = int32(v.Int())
	case reflect.Int64:
		x = v.Int()
	case reflect.Uint:
		x = uint(v.Uint())
	case reflect.Uint8:
		x = uint8(v.Uint())
	case reflect.Uint16:
		x = uint16(v.Uint())
	case reflect.Uint32:
		x = uint32(v.Uint())
	case reflect.Uint64:
		x = v.Uint()
	case reflect.Uintptr:
		x = uintptr(v.Uint())
	case reflect.Float32:
		x = float32(v.Float())
	case reflect.Float64:
		x = v.Float()
	case reflect.Complex64:
		x = complex64(v.Complex())
	case reflect.Complex128:
		x = v.Complex()
	case reflect.String:
		x = v.String()
	}
	fmt.Fprintf(p.s, p.directive, x)
}

// validLeafVerb reports whether fmt accepts the verb for a basic kind.
func (p *printer) validLeafVerb(k reflect.Kind) bool {
	verbs := ""
	switch k {
	case reflect.Bool:
		verbs = "tv"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		verbs = "bcdoOqxXUv"
	case reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		verbs = "beEfFgGxXv"
	case reflect.String:
		verbs = "vsxXq"
	}
	for _, c := range verbs {
		if c == p.verb {
			return true
		}
	}
	return false
}

// badVerb writes fmt's complaint about a verb that does not fit the value.
func (p *printer) badVerb(w view) {
	p.write("%!" + string(p.verb) + "(")
	if !w.v.IsValid() {
		p.write("<nil>)")
		return
	}
	p.write(typeName(w) + "=")
	q := &printer{s: p.s, verb: 'v', directive: "%v"}
	q.printValue(w, 0, true)
	p.write(")")
}

// printValue formats a value that its methods did not: fmt's printValue.
func (p *printer) printValue(w view, depth int, canInterface bool) {
	if depth > 0 && w.v.IsValid() && p.handleMethods(w, canInterface) {
		return
	}
	v := w.v
	if !v.IsValid() {
		if depth == 0 {
			p.write("<invalid reflect.Value>")
		} else if p.verb == 'v' {
			p.write("<nil>")
		} else {
			p.badVerb(w)
		}
		return
	}
	if w.r.kind == '-' && w.prog == nil {
		p.plain(v, depth, canInterface)
		return
	}
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128, reflect.String:
		p.leaf(w)
	case reflect.Map:
		p.printMap(w, depth, canInterface)
	case reflect.Struct:
		p.printStruct(w, depth, canInterface)
	case reflect.Interface:
		e := seeDynamic(v)
		if !e.v.IsValid() {
			if p.sharpV {
				p.write(typeName(w) + "(nil)")
			} else {
				p.write("<nil>")
			}
			return
		}
		p.printValue(e, depth+1, canInterface)
	case reflect.Array, reflect.Slice:
		p.printList(w, depth, canInterface)
	case reflect.Pointer:
		if depth == 0 && v.UnsafePointer() != nil {
			switch v.Elem().Kind() {
			case reflect.Array, reflect.Slice, reflect.Struct, reflect.Map:
				p.write("&")
				p.printValue(p.elem(w, v.Elem()), depth+1, canInterface)
				return
			}
		}
		p.fmtPointer(w)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.fmtPointer(w)
	default:
		p.write("?" + v.Type().String() + "?")
	}
}

// elem views the element of a pointer, slice, array or map value.
func (p *printer) elem(w view, e reflect.Value) view { return see(e, elemRef(w, e)) }

// elemRef is the static type of the elements of w's value.
func elemRef(w view, e reflect.Value) *ref {
	r := plainRef
	switch w.r.kind {
	case '*', 's', 'a', 'c':
		r = w.r.elem
	case 'm':
		r = w.r.elem
	case '#':
		if u := w.prog.underRef(); u.elem != nil {
			r = u.elem
		}
	case 'S', '?':
		r = refOfType(e.Type())
	}
	return r
}

func (p *printer) key(w view, k reflect.Value) view { return see(k, keyRef(w, k)) }

// keyRef is the static type of the keys of w's map value.
func keyRef(w view, k reflect.Value) *ref {
	r := plainRef
	switch w.r.kind {
	case 'm':
		r = w.r.key
	case '#':
		if u := w.prog.underRef(); u.key != nil {
			r = u.key
		}
	case 'S', '?':
		r = refOfType(k.Type())
	}
	return r
}

// plain formats a value holding no program types. fmt itself does, except
// where its depth matters: below the top, a pointer prints as an address,
// and the methods of a value reached through an unexported field are not
// called.
func (p *printer) plain(v reflect.Value, depth int, canInterface bool) {
	if depth > 0 {
		switch v.Kind() {
		case reflect.Pointer:
			if canInterface && p.nativeMethods(v) {
				return
			}
			p.fmtPointer(view{v: v, r: plainRef})
			return
		}
		if !canInterface || !v.CanInterface() {
			p.raw(v, depth)
			return
		}
	}
	if !v.CanInterface() {
		p.raw(v, depth)
		return
	}
	fmt.Fprintf(p.s, p.directive, v.Interface())
}

// raw formats a native value without calling its methods.
func (p *printer) raw(v reflect.Value, depth int) {
	w := view{v: v, r: &ref{kind: 'S'}}
	switch v.Kind() {
	case reflect.Struct:
		p.printStruct(w, depth, false)
	case reflect.Map:
		p.printMap(w, depth, false)
	case reflect.Array, reflect.Slice:
		p.printList(w, depth, false)
	case reflect.Interface:
		p.printValue(view{v: v, r: dynRef}, depth, false)
	case reflect.Pointer, reflect.Chan, reflect.Func, reflect.UnsafePointer:
		p.fmtPointer(view{v: v, r: plainRef})
	default:
		p.leaf(view{v: v, r: plainRef})
	}
}

func (p *printer) printStruct(w view, depth int, canInterface bool) {
	v := w.v
	if p.sharpV {
		p.write(typeName(w))
	}
	p.write("{")
	n := v.NumField()
	if w.prog != nil && w.prog.Kind == "struct" {
		n = len(w.prog.Fields) // a marked struct without fields has a blank one
	}
	for i := range n {
		if i > 0 {
			if p.sharpV {
				p.write(", ")
			} else {
				p.write(" ")
			}
		}
		var name string
		var exported bool
		var r *ref
		if w.prog != nil && w.prog.Kind == "struct" && i < len(w.prog.Fields) {
			f := w.prog.field(i)
			name, exported, r = f.Name, f.Exported, f.typ
		} else {
			sf := v.Type().Field(i)
			name, exported = sf.Name, sf.IsExported()
			r = refOfType(sf.Type)
		}
		if p.plusV || p.sharpV {
			p.write(name + ":")
		}
		fv := v.Field(i)
		ci := canInterface && exported
		if p.nilInterface(fv, r) {
			continue
		}
		if fv.Kind() == reflect.Interface {
			p.printValue(seeDynamic(fv), depth+1, ci)
			continue
		}
		p.printValue(see(fv, r), depth+1, ci)
	}
	p.write("}")
}

func (p *printer) printMap(w view, depth int, canInterface bool) {
	v := w.v
	if p.sharpV {
		p.write(typeName(w))
		if v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
	} else {
		p.write("map[")
	}
	keys := v.MapKeys()
	views := make([]view, len(keys))
	for i, k := range keys {
		views[i] = p.key(w, k)
	}
	order := sortKeys(views)
	for n, i := range order {
		if n > 0 {
			if p.sharpV {
				p.write(", ")
			} else {
				p.write(" ")
			}
		}
		p.printValue(views[i], depth+1, canInterface)
		p.write(":")
		mv := v.MapIndex(keys[i])
		if !p.nilInterface(mv, elemRef(w, mv)) {
			p.printValue(p.elem(w, mv), depth+1, canInterface)
		}
	}
	if p.sharpV {
		p.write("}")
	} else {
		p.write("]")
	}
}

func (p *printer) printList(w view, depth int, canInterface bool) {
	v := w.v
	if v.Type().Elem().Kind() == reflect.Uint8 {
		switch p.verb {
		case 's', 'q', 'x', 'X':
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			fmt.Fprintf(p.s, p.directive, b)
			return
		}
	}
	if p.sharpV {
		p.write(typeName(w))
		if v.Kind() == reflect.Slice && v.IsNil() {
			p.write("(nil)")
			return
		}
		p.write("{")
		for i := range v.Len() {
			if i > 0 {
				p.write(", ")
			}
			if !p.nilInterface(v.Index(i), elemRef(w, v.Index(i))) {
				p.printValue(p.elem(w, v.Index(i)), depth+1, canInterface)
			}
		}
		p.write("}")
		return
	}
	p.write("[")
	for i := range v.Len() {
		if i > 0 {
			p.write(" ")
		}
		if !p.nilInterface(v.Index(i), elemRef(w, v.Index(i))) {
			p.printValue(p.elem(w, v.Index(i)), depth+1, canInterface)
		}
	}
	p.write("]")
}

// nilInterface prints a nil interface value held in a field, element or
// map value, as fmt does: "<nil>", or for %#v the interface's type and
// "(nil)". It reports whether the value was one.
func (p *printer) nilInterface(v reflect.Value, r *ref) bool {
	isNil := false
	switch {
	case v.Kind() == reflect.Interface:
		isNil = v.IsNil()
	case v.Kind() == reflect.Struct && v.Type().String() == valueInterfaceName:
		inner, _ := openValueInterface(v)
		isNil = !inner.IsValid()
	}
	if !isNil {
		return false
	}
	if p.sharpV {
		name := r.name
		if name == "" {
			name = v.Type().String()
		}
		p.write(name + "(nil)")
		return true
	}
	if p.verb == 'v' {
		p.write("<nil>")
	} else {
		p.write("%!" + string(p.verb) + "(<nil>)")
	}
	return true
}

// fmtPointer formats a pointer, channel, function or unsafe pointer as fmt
// does for the verb.
func (p *printer) fmtPointer(w view) {
	v := w.v
	var u uintptr
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Map, reflect.Pointer, reflect.Slice, reflect.UnsafePointer:
		u = uintptr(v.UnsafePointer())
	default:
		p.badVerb(w)
		return
	}
	switch p.verb {
	case 'v':
		if p.sharpV {
			p.write("(" + typeName(w) + ")(")
			if u == 0 {
				p.write("nil")
			} else {
				p.write("0x" + strconv.FormatUint(uint64(u), 16))
			}
			p.write(")")
			return
		}
		if u == 0 {
			p.write("<nil>")
			return
		}
		fmt.Fprintf(p.s, "%"+flagsOf(p.s)+"p", v.Interface())
	case 'p':
		fmt.Fprintf(p.s, p.directive, v.Interface())
	case 'b', 'o', 'd', 'x', 'X':
		fmt.Fprintf(p.s, p.directive, uint64(u))
	default:
		p.badVerb(w)
	}
}

// flagsOf writes the width flags of s again, for a pointer printed by %v
// as by %p.
func flagsOf(s fmt.State) string {
	out := ""
	if s.Flag('-') {
		out += "-"
	}
	if w, ok := s.Width(); ok {
		out += strconv.Itoa(w)
	}
	return out
}

// The calls of the planner's rewrites. Each formats like its fmt
// counterpart; arguments wrapped by ValueFmt format as their Go values, and %T of
// a wrapped argument prints its program type.

// Sprintf is fmt.Sprintf.
func Sprintf(format string, a ...any) string {
	format, a = prepare(format, a, false)
	return fmt.Sprintf(format, a...)
}

// Printf is fmt.Printf.
func Printf(format string, a ...any) (int, error) {
	format, a = prepare(format, a, false)
	return fmt.Fprintf(Output, format, a...)
}

// Fprintf is fmt.Fprintf.
func Fprintf(w io.Writer, format string, a ...any) (int, error) {
	format, a = prepare(format, a, false)
	return fmt.Fprintf(w, format, a...)
}

// Appendf is fmt.Appendf.
func Appendf(b []byte, format string, a ...any) []byte {
	format, a = prepare(format, a, false)
	return fmt.Appendf(b, format, a...)
}

// Errorf is fmt.Errorf.
func Errorf(format string, a ...any) error {
	format, a = prepare(format, a, true)
	return fmt.Errorf(format, a...)
}

// Sprint is fmt.Sprint: spaces go between operands when neither is a
// string, by the Go value's kind.
func Sprint(a ...any) string {
	out := make([]byte, 0, 64)
	prevString := false
	for i, x := range a {
		isString := argKind(x) == reflect.String
		if i > 0 && !isString && !prevString {
			out = append(out, ' ')
		}
		out = fmt.Append(out, x)
		prevString = isString
	}
	return string(out)
}

// Print is fmt.Print.
func Print(a ...any) (int, error) { return io.WriteString(Output, Sprint(a...)) }

// Fprint is fmt.Fprint.
func Fprint(w io.Writer, a ...any) (int, error) { return io.WriteString(w, Sprint(a...)) }

// Append is fmt.Append.
func Append(b []byte, a ...any) []byte { return append(b, Sprint(a...)...) }

// argKind is the kind of the Go value of a fmt argument.
func argKind(x any) reflect.Kind {
	if a, ok := x.(*fmtArg); ok {
		w := see(reflect.ValueOf(a.x), a.r)
		if !w.v.IsValid() {
			return reflect.Invalid
		}
		return w.v.Kind()
	}
	if x == nil {
		return reflect.Invalid
	}
	return reflect.TypeOf(x).Kind()
}

// prepare rewrites a format's %T of wrapped arguments into %s of the Go
// type's name, and hands %p and (for Errorf) %w the value itself. An
// argument used by both one of those and another verb keeps the wrapper.
func prepare(format string, a []any, errorf bool) (string, []any) {
	uses := verbUses(format, len(a))
	var out []byte
	var args []any
	last := 0
	for _, u := range uses {
		arg, ok := a[u.arg].(*fmtArg)
		if !ok {
			continue
		}
		only := true
		for _, o := range uses {
			if o.arg == u.arg && o.verb != u.verb {
				only = false
			}
		}
		if !only {
			continue
		}
		if args == nil {
			args = append([]any(nil), a...)
		}
		switch u.verb {
		case 'T':
			out = append(out, format[last:u.at]...)
			out = append(out, 's')
			last = u.at + 1
			args[u.arg] = typeName(see(reflect.ValueOf(arg.x), arg.r))
		case 'p':
			w := see(reflect.ValueOf(arg.x), arg.r)
			if w.v.IsValid() && w.v.CanInterface() {
				args[u.arg] = w.v.Interface()
			}
		case 'w':
			if errorf {
				args[u.arg] = arg.x
			}
		}
	}
	if args == nil {
		return format, a
	}
	out = append(out, format[last:]...)
	return string(out), args
}

// verbUse is a verb of a format, at byte offset at, consuming argument arg.
type verbUse struct {
	at   int
	verb rune
	arg  int
}

// verbUses lists which argument each verb of a format consumes, as fmt
// reads the format: flags, an explicit [n] index, * width and precision
// (which consume an argument each), and %% (which consumes none).
func verbUses(format string, nargs int) []verbUse {
	var uses []verbUse
	argNum := 0
	end := len(format)
	for i := 0; i < end; {
		for i < end && format[i] != '%' {
			i++
		}
		if i >= end {
			break
		}
		i++
		for i < end && (format[i] == '#' || format[i] == '0' || format[i] == '+' || format[i] == '-' || format[i] == ' ') {
			i++
		}
		afterIndex := false
		argNum, i, afterIndex = argNumber(argNum, format, i, nargs)
		if i < end && format[i] == '*' {
			i++
			argNum++
			afterIndex = false
		} else {
			for i < end && format[i] >= '0' && format[i] <= '9' {
				i++
			}
		}
		if i+1 <= end && i < end && format[i] == '.' {
			i++
			argNum, i, afterIndex = argNumber(argNum, format, i, nargs)
			if i < end && format[i] == '*' {
				i++
				argNum++
				afterIndex = false
			} else {
				for i < end && format[i] >= '0' && format[i] <= '9' {
					i++
				}
			}
		}
		if !afterIndex {
			argNum, i, _ = argNumber(argNum, format, i, nargs)
		}
		if i >= end {
			break
		}
		verb, size := utf8.DecodeRuneInString(format[i:])
		at := i
		i += size
		if verb == '%' {
			continue
		}
		if argNum < nargs {
			uses = append(uses, verbUse{at: at, verb: verb, arg: argNum})
		}
		argNum++
	}
	return uses
}

// argNumber reads an explicit argument index [n] at i.
func argNumber(argNum int, format string, i, nargs int) (int, int, bool) {
	if i >= len(format) || format[i] != '[' {
		return argNum, i, false
	}
	for j := i + 1; j < len(format); j++ {
		if format[j] == ']' {
			n, err := strconv.Atoi(format[i+1 : j])
			if err != nil || n < 1 || n > nargs {
				return argNum, j + 1, true
			}
			return n - 1, j + 1, true
		}
	}
	return argNum, i + 1, false
}
