package shims

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// encoding/json sees a program value by its reflect type too: it would
// flatten no embedded struct, encode unexported fields (as Xcount), and
// call no MarshalJSON, MarshalText, UnmarshalJSON or UnmarshalText of the
// program. The planner passes such values to encoding/json wrapped by ValueJSON
// (to encode) or TargetJSON (to decode into), with their static type; the wrappers
// are a json.Marshaler and a json.Unmarshaler that encode and decode as
// encoding/json does for the Go value. encoding/json itself still checks,
// compacts, escapes and indents what they produce, and values without
// program types inside go to it directly.

// jsonArg is a value to encode, of the static type r.
type jsonArg struct {
	x any
	r *ref
}

// ValueJSON wraps x, of the static type the reference ref describes, for
// encoding/json to encode.
func ValueJSON(x any, ref string) any { return &jsonArg{x: x, r: parseRef(ref)} }

// MarshalJSON encodes the value as encoding/json encodes the Go value,
// without escaping HTML: the caller (Marshal, an Encoder) escapes as it is
// set to.
func (a *jsonArg) MarshalJSON() ([]byte, error) {
	e := &encoder{}
	if err := e.encode(see(reflect.ValueOf(a.x), a.r), false, 0); err != nil {
		return nil, &wrapperError{err}
	}
	return e.buf, nil
}

// wrapperError carries an encoding error out through encoding/json, which
// reports an error of a Marshaler as its own; JSONError takes it out again.
type wrapperError struct{ err error }

func (e *wrapperError) Error() string { return e.err.Error() }
func (e *wrapperError) Unwrap() error { return e.err }

// JSONError returns the error encoding/json reports for a wrapped value as
// it would report it for the Go value.
func JSONError(err error) error {
	var me *json.MarshalerError
	if errors.As(err, &me) {
		var we *wrapperError
		if errors.As(me.Err, &we) {
			return we.err
		}
	}
	return err
}

// Marshal is json.Marshal of a wrapped value.
func Marshal(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	return b, JSONError(err)
}

// MarshalIndent is json.MarshalIndent of a wrapped value.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := json.MarshalIndent(v, prefix, indent)
	return b, JSONError(err)
}

// Encode is (*json.Encoder).Encode of a wrapped value.
func Encode(enc *json.Encoder, v any) error {
	return JSONError(enc.Encode(v))
}

// Errors as encoding/json words them, for program types whose names its
// own error types cannot carry (their Type is a reflect.Type).

// MarshalerError is an error returned by a program's MarshalJSON or
// MarshalText, as *json.MarshalerError words it.
type MarshalerError struct {
	Type   string
	Err    error
	Source string
}

func (e *MarshalerError) Error() string {
	return "json: error calling " + e.Source + " for type " + e.Type + ": " + e.Err.Error()
}

func (e *MarshalerError) Unwrap() error { return e.Err }

// UnsupportedTypeError words *json.UnsupportedTypeError.
type UnsupportedTypeError struct{ Type string }

func (e *UnsupportedTypeError) Error() string { return "json: unsupported type: " + e.Type }

// UnsupportedValueError words *json.UnsupportedValueError.
type UnsupportedValueError struct{ Str string }

func (e *UnsupportedValueError) Error() string { return "json: unsupported value: " + e.Str }

// encoder writes one value.
type encoder struct {
	buf []byte
}

// maxJSONDepth is where encoding/json starts to check for cycles; past it
// a pointer cycle is an error rather than endless recursion.
const maxJSONDepth = 1000

func (e *encoder) encode(w view, quoted bool, depth int) error {
	if depth > maxJSONDepth {
		return &UnsupportedValueError{Str: "encountered a cycle via " + typeName(w)}
	}
	v := w.v
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	if done, err := e.marshaler(w); done {
		return err
	}
	if quoted {
		switch v.Kind() {
		case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
			reflect.Float32, reflect.Float64, reflect.String:
			return e.scalar(w, quoted)
		}
	}
	if w.r.kind == '-' && w.prog == nil {
		return e.native(v)
	}
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.String:
		return e.scalar(w, quoted)
	case reflect.Interface:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.encode(seeDynamic(v), false, depth+1)
	case reflect.Pointer:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		return e.encode(elemView(w, v.Elem()), quoted, depth+1)
	case reflect.Struct:
		return e.structure(w, depth)
	case reflect.Map:
		return e.object(w, depth)
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		if v.Type().Elem().Kind() == reflect.Uint8 && !elemHasMarshaler(w) {
			b := make([]byte, v.Len())
			for i := range b {
				b[i] = byte(v.Index(i).Uint())
			}
			e.buf = append(e.buf, '"')
			e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
			e.buf = append(e.buf, '"')
			return nil
		}
		return e.array(w, depth)
	case reflect.Array:
		return e.array(w, depth)
	}
	return &UnsupportedTypeError{Type: typeName(w)}
}

// native encodes a value holding no program types: encoding/json does.
func (e *encoder) native(v reflect.Value) error {
	if !v.CanInterface() {
		v = copyOut(v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.Interface()); err != nil {
		return err
	}
	e.buf = append(e.buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
	return nil
}

// copyOut returns a value read through an unexported field as one native
// code may use: a copy.
func copyOut(v reflect.Value) reflect.Value {
	c := reflect.New(v.Type()).Elem()
	switch v.Kind() {
	case reflect.Bool:
		c.SetBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.SetInt(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		c.SetUint(v.Uint())
	case reflect.Float32, reflect.Float64:
		c.SetFloat(v.Float())
	case reflect.Complex64, reflect.Complex128:
		c.SetComplex(v.Complex())
	case reflect.String:
		c.SetString(v.String())
	default:
		if v.CanAddr() {
			return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
		}
		return v
	}
	return c
}

// elemView views the element of a pointer, slice, array or map.
func elemView(w view, e reflect.Value) view {
	p := printer{}
	return p.elem(w, e)
}

func elemHasMarshaler(w view) bool {
	r := w.r
	if r.kind == '#' {
		r = w.prog.underRef()
	}
	if r.kind != 's' || r.elem.kind != '#' {
		return false
	}
	t := r.elem.program()
	return t.methods["MarshalJSON"] != nil || t.methods["MarshalText"] != nil
}

// marshaler calls the program's MarshalJSON or MarshalText when the value
// has one, as encoding/json would: a value's methods with value receivers,
// a pointer's with either, and a pointer receiver's on an addressable
// value.
func (e *encoder) marshaler(w view) (bool, error) {
	t, isPtr := w.prog, false
	if w.r.kind == '*' && w.r.elem.kind == '#' {
		t, isPtr = w.r.elem.program(), true
	}
	if t == nil {
		if w.wrapped != nil {
			return e.wrappedMarshaler(w)
		}
		return false, nil
	}
	for _, name := range []string{"MarshalJSON", "MarshalText"} {
		m := t.methods[name]
		if m == nil || m.bytes == nil {
			continue
		}
		var recv any
		switch {
		case isPtr && w.v.IsNil():
			e.buf = append(e.buf, "null"...)
			return true, nil
		case isPtr && m.ptr:
			recv = w.v.Interface()
		case isPtr:
			recv = w.v.Elem().Interface()
		case m.ptr && w.v.CanAddr():
			recv = w.v.Addr().Interface()
		case m.ptr:
			continue
		default:
			recv = w.v.Interface()
		}
		out, err := callBytes(m.bytes, recv)
		if err != nil {
			return true, &MarshalerError{Type: t.nameFor(isPtr && m.ptr), Err: err, Source: name}
		}
		if name == "MarshalText" {
			e.buf = appendString(e.buf, string(out))
			return true, nil
		}
		var c bytes.Buffer
		if err := json.Compact(&c, out); err != nil {
			return true, &MarshalerError{Type: t.nameFor(isPtr && m.ptr), Err: err, Source: name}
		}
		e.buf = append(e.buf, c.Bytes()...)
		return true, nil
	}
	return false, nil
}

// wrappedMarshaler uses the methods the interpreter attached to a value it
// handed over in a wrapper.
func (e *encoder) wrappedMarshaler(w view) (bool, error) {
	for _, name := range []string{"MarshalJSON", "MarshalText"} {
		f, ok := w.wrapped[name]
		if !ok {
			continue
		}
		res := f.Call(nil)
		out, _ := res[0].Interface().([]byte)
		if err, _ := res[1].Interface().(error); err != nil {
			return true, &MarshalerError{Type: typeName(w), Err: err, Source: name}
		}
		if name == "MarshalText" {
			e.buf = appendString(e.buf, string(out))
			return true, nil
		}
		var c bytes.Buffer
		if err := json.Compact(&c, out); err != nil {
			return true, &MarshalerError{Type: typeName(w), Err: err, Source: name}
		}
		e.buf = append(e.buf, c.Bytes()...)
		return true, nil
	}
	return false, nil
}

func (t *progType) nameFor(ptr bool) string {
	if ptr {
		return "*" + t.Name
	}
	return t.Name
}

func callBytes(f func(any) ([]byte, error), recv any) (out []byte, err error) {
	return f(recv)
}

func (e *encoder) scalar(w view, quoted bool) error {
	v := w.v
	start := len(e.buf)
	switch v.Kind() {
	case reflect.Bool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		var b []byte
		var err error
		if v.Kind() == reflect.Float32 {
			b, err = json.Marshal(float32(v.Float()))
		} else {
			b, err = json.Marshal(v.Float())
		}
		if err != nil {
			return &UnsupportedValueError{Str: strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits())}
		}
		e.buf = append(e.buf, b...)
	case reflect.String:
		if quoted {
			inner := appendString(nil, v.String())
			e.buf = appendString(e.buf, string(inner))
			return nil
		}
		e.buf = appendString(e.buf, v.String())
		return nil
	}
	if quoted {
		text := string(e.buf[start:])
		e.buf = append(e.buf[:start], '"')
		e.buf = append(e.buf, text...)
		e.buf = append(e.buf, '"')
	}
	return nil
}

// appendString writes s as a JSON string the way encoding/json does, but
// without escaping HTML: the caller does that as it is set to.
func appendString(buf []byte, s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return append(buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
}

func (e *encoder) array(w view, depth int) error {
	v := w.v
	e.buf = append(e.buf, '[')
	for i := range v.Len() {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		if err := e.encode(elemView(w, v.Index(i)), false, depth+1); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, ']')
	return nil
}

func (e *encoder) object(w view, depth int) error {
	v := w.v
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	p := printer{}
	type entry struct {
		key string
		val reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	iter := v.MapRange()
	for iter.Next() {
		k := p.key(w, iter.Key())
		name, err := mapKeyString(k)
		if err != nil {
			return err
		}
		entries = append(entries, entry{name, iter.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	e.buf = append(e.buf, '{')
	for i, en := range entries {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendString(e.buf, en.key)
		e.buf = append(e.buf, ':')
		if err := e.encode(p.elem(w, en.val), false, depth+1); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

// mapKeyString is a map key as a JSON object's name: a string as it is, a
// TextMarshaler's text, an integer in decimal.
func mapKeyString(k view) (string, error) {
	v := k.v
	if v.Kind() == reflect.Interface {
		k = seeDynamic(v)
		v = k.v
	}
	if v.Kind() == reflect.String {
		if t := k.prog; t != nil {
			if m := t.methods["MarshalText"]; m != nil && !m.ptr {
				b, err := m.bytes(v.Interface())
				if err != nil {
					return "", &MarshalerError{Type: t.Name, Err: err, Source: "MarshalText"}
				}
				return string(b), nil
			}
		}
		return v.String(), nil
	}
	if t := k.prog; t != nil {
		if m := t.methods["MarshalText"]; m != nil && !m.ptr {
			b, err := m.bytes(v.Interface())
			if err != nil {
				return "", &MarshalerError{Type: t.Name, Err: err, Source: "MarshalText"}
			}
			return string(b), nil
		}
	}
	if v.CanInterface() {
		if tm, ok := v.Interface().(encoding.TextMarshaler); ok {
			if v.Kind() == reflect.Pointer && v.IsNil() {
				return "", nil
			}
			b, err := tm.MarshalText()
			return string(b), err
		}
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10), nil
	}
	return "", &UnsupportedTypeError{Type: "map[" + typeName(k) + "]"}
}

// jsonField is one field encoding/json encodes or decodes.
type jsonField struct {
	name      string
	tagged    bool
	index     []int
	ref       *ref
	omitEmpty bool
	omitZero  bool
	quoted    bool
	exported  bool
}

var structFieldsCache sync.Map // type key -> []jsonField

// structKey identifies a struct type for the cache.
func structKey(w view) string {
	if w.prog != nil {
		return "#" + strconv.Itoa(w.prog.ID)
	}
	return w.v.Type().String()
}

// fieldSource lists the declared fields of a struct type: from the
// program's description, or from reflect for a native struct.
type declField struct {
	name     string
	exported bool
	embedded bool
	tag      reflect.StructTag
	ref      *ref
}

func declaredFields(prog *progType, rt reflect.Type) []declField {
	var out []declField
	if prog != nil && prog.Kind == "struct" {
		for i := range prog.Fields {
			f := prog.field(i)
			out = append(out, declField{name: f.Name, exported: f.Exported, embedded: f.Embedded,
				tag: reflect.StructTag(f.Tag), ref: f.typ})
		}
		return out
	}
	for i := range rt.NumField() {
		sf := rt.Field(i)
		out = append(out, declField{name: sf.Name, exported: sf.IsExported(), embedded: sf.Anonymous,
			tag: sf.Tag, ref: refOfType(sf.Type)})
	}
	return out
}

// structFields lists the fields encoding/json sees in a struct type: its
// exported fields and those promoted from embedded structs, named by their
// tags, with the rules of encoding/json for names that collide.
func structFields(w view) []jsonField {
	key := structKey(w)
	if f, ok := structFieldsCache.Load(key); ok {
		return f.([]jsonField)
	}
	type level struct {
		prog  *progType
		rt    reflect.Type
		index []int
		key   string
	}
	var fields []jsonField
	next := []level{{prog: w.prog, rt: w.v.Type(), key: key}}
	visited := map[string]bool{}
	for len(next) > 0 {
		current := next
		next = nil
		count := map[string]int{}
		nextCount := map[string]int{}
		for _, l := range current {
			count[l.key]++
		}
		for _, l := range current {
			if visited[l.key] {
				continue
			}
			visited[l.key] = true
			for i, df := range declaredFields(l.prog, l.rt) {
				ft := df.ref
				var fprog *progType
				var frt reflect.Type
				if l.rt != nil && i < l.rt.NumField() {
					frt = l.rt.Field(i).Type
				}
				isStruct := false
				deref := ft
				if ft.kind == '*' {
					deref = ft.elem
					if frt != nil {
						frt = frt.Elem()
					}
				}
				if deref.kind == '#' {
					fprog = deref.program()
					isStruct = fprog.Kind == "struct"
				} else if frt != nil && frt.Kind() == reflect.Struct && (deref.kind == '-' || deref.kind == 'S') && ft.kind != '#' {
					isStruct = true
				}
				if df.embedded {
					if !df.exported && !isStruct {
						continue
					}
				} else if !df.exported {
					continue
				}
				tag := df.tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts, _ := strings.Cut(tag, ",")
				if !validTagName(name) {
					name = ""
				}
				index := append(append([]int(nil), l.index...), i)
				quoted := false
				if hasOpt(opts, "string") {
					k := kindOfRef(deref, frt)
					switch k {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				named := ft.kind == '#' || (ft.kind == '*' && deref.kind == '#' && false)
				_ = named
				if name != "" || !df.embedded || !isStruct {
					tagged := name != ""
					if name == "" {
						name = df.name
					}
					fields = append(fields, jsonField{name: name, tagged: tagged, index: index, ref: df.ref,
						omitEmpty: hasOpt(opts, "omitempty"), omitZero: hasOpt(opts, "omitzero"), quoted: quoted, exported: df.exported})
					if count[l.key] > 1 {
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}
				nk := deref.text
				if fprog != nil {
					nk = "#" + strconv.Itoa(fprog.ID)
				} else if frt != nil {
					nk = frt.String()
				}
				nextCount[nk]++
				if nextCount[nk] == 1 {
					next = append(next, level{prog: fprog, rt: frt, index: index, key: nk})
				}
			}
		}
		_ = nextCount
	}
	fields = dominantFields(fields)
	structFieldsCache.Store(key, fields)
	return fields
}

func kindOfRef(r *ref, rt reflect.Type) reflect.Kind {
	if r.kind == '#' {
		if k, ok := kindNames[r.program().Kind]; ok {
			return k
		}
	}
	if rt != nil {
		return rt.Kind()
	}
	return reflect.Invalid
}

var kindNames = map[string]reflect.Kind{
	"bool": reflect.Bool, "int": reflect.Int, "int8": reflect.Int8, "int16": reflect.Int16, "int32": reflect.Int32,
	"int64": reflect.Int64, "uint": reflect.Uint, "uint8": reflect.Uint8, "uint16": reflect.Uint16,
	"uint32": reflect.Uint32, "uint64": reflect.Uint64, "uintptr": reflect.Uintptr, "float32": reflect.Float32,
	"float64": reflect.Float64, "string": reflect.String,
}

func hasOpt(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

// validTagName is encoding/json's rule for a name in a tag.
func validTagName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// dominantFields applies encoding/json's rules to fields of one name: the
// shallowest wins; at the same depth a tagged one wins; otherwise none
// does. The result is in declaration order.
func dominantFields(fields []jsonField) []jsonField {
	slices.SortStableFunc(fields, func(a, b jsonField) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := len(a.index) - len(b.index); c != 0 {
			return c
		}
		if a.tagged != b.tagged {
			if a.tagged {
				return -1
			}
			return 1
		}
		return slices.Compare(a.index, b.index)
	})
	out := fields[:0:0]
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		i = j
		if len(group) == 1 {
			out = append(out, group[0])
			continue
		}
		if len(group[0].index) == len(group[1].index) && group[0].tagged == group[1].tagged {
			continue // annihilated
		}
		out = append(out, group[0])
	}
	slices.SortFunc(out, func(a, b jsonField) int { return slices.Compare(a.index, b.index) })
	return out
}

// fieldByIndex follows a field's index through embedded structs; ok is
// false when an embedded pointer on the way is nil.
func fieldByIndex(w view, f jsonField) (view, bool) {
	cur := w
	for n, i := range f.index {
		if n > 0 {
			if cur.v.Kind() == reflect.Pointer {
				if cur.v.IsNil() {
					return view{}, false
				}
				cur = elemView(cur, cur.v.Elem())
			}
		}
		fv := cur.v.Field(i)
		var r *ref
		if cur.prog != nil && cur.prog.Kind == "struct" {
			r = cur.prog.field(i).typ
		} else {
			r = refOfType(cur.v.Type().Field(i).Type)
		}
		cur = see(fv, r)
	}
	return cur, true
}

func (e *encoder) structure(w view, depth int) error {
	e.buf = append(e.buf, '{')
	first := true
	for _, f := range structFields(w) {
		fv, ok := fieldByIndex(w, f)
		if !ok {
			continue
		}
		if f.omitEmpty && emptyValue(fv.v) {
			continue
		}
		if f.omitZero && zeroValue(fv) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.buf = appendString(e.buf, f.name)
		e.buf = append(e.buf, ':')
		if err := e.encode(fv, f.quoted, depth+1); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

// emptyValue is encoding/json's test for omitempty.
func emptyValue(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// zeroValue is encoding/json's test for omitzero: an IsZero method, or
// the zero value.
func zeroValue(w view) bool {
	v := w.v
	if !v.IsValid() {
		return true
	}
	t, isPtr := w.prog, false
	if w.r.kind == '*' && w.r.elem.kind == '#' {
		t, isPtr = w.r.elem.program(), true
	}
	if t != nil {
		if m := t.methods["IsZero"]; m != nil && m.bool_ != nil {
			switch {
			case isPtr && v.IsNil():
				return true
			case isPtr && m.ptr:
				return m.bool_(v.Interface())
			case isPtr:
				return m.bool_(v.Elem().Interface())
			case m.ptr:
				c := reflect.New(v.Type())
				c.Elem().Set(v)
				return m.bool_(c.Interface())
			default:
				return m.bool_(v.Interface())
			}
		}
	}
	if v.Kind() == reflect.Interface && v.IsNil() {
		return true
	}
	if v.CanInterface() {
		if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
			if v.Kind() == reflect.Pointer && v.IsNil() {
				return true
			}
			return z.IsZero()
		}
	}
	return v.IsZero()
}

// ensure the imports are used where only some paths need them.
var _ = utf8.RuneError
var _ = fmt.Sprint
