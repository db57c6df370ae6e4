package shims

import (
	"bytes"
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// jsonTarget is a value to decode into: a pointer of the static type r,
// with the settings of the Decoder that decodes it.
type jsonTarget struct {
	p         any
	r         *ref
	useNumber bool
	disallow  bool
}

// TargetJSON wraps p, a pointer of the static type the reference ref
// describes, for encoding/json to decode into.
func TargetJSON(p any, ref string) any { return &jsonTarget{p: p, r: parseRef(ref)} }

// Decode is (*json.Decoder).Decode into a value of the static type ref,
// with the decoder's settings (UseNumber, DisallowUnknownFields).
func Decode(dec *json.Decoder, p any, ref string) error {
	t := &jsonTarget{p: p, r: parseRef(ref)}
	if d := reflect.ValueOf(dec).Elem().FieldByName("d"); d.IsValid() {
		if f := d.FieldByName("useNumber"); f.IsValid() && f.Kind() == reflect.Bool {
			t.useNumber = f.Bool()
		}
		if f := d.FieldByName("disallowUnknownFields"); f.IsValid() && f.Kind() == reflect.Bool {
			t.disallow = f.Bool()
		}
	}
	return dec.Decode(t)
}

// UnmarshalTypeError words *json.UnmarshalTypeError for a program type,
// whose name a reflect.Type cannot carry.
type UnmarshalTypeError struct {
	Value  string
	Type   string
	Offset int64
	Struct string
	Field  string

	rtype reflect.Type
}

// As lets errors.As find a *json.UnmarshalTypeError, with the same
// fields; its Type is the interpreter's reflect type.
func (e *UnmarshalTypeError) As(target any) bool {
	p, ok := target.(**json.UnmarshalTypeError)
	if !ok {
		return false
	}
	*p = &json.UnmarshalTypeError{Value: e.Value, Type: e.rtype, Offset: e.Offset, Struct: e.Struct, Field: e.Field}
	return true
}

func (e *UnmarshalTypeError) Error() string {
	if e.Struct != "" || e.Field != "" {
		return "json: cannot unmarshal " + e.Value + " into Go struct field " + e.Struct + "." + e.Field + " of type " + e.Type
	}
	return "json: cannot unmarshal " + e.Value + " into Go value of type " + e.Type
}

// UnmarshalJSON decodes data into the target as encoding/json decodes into
// the Go value. encoding/json has checked that data is valid JSON.
func (t *jsonTarget) UnmarshalJSON(data []byte) error {
	w := see(reflect.ValueOf(t.p), t.r)
	if !w.v.IsValid() || w.v.Kind() != reflect.Pointer || w.v.IsNil() {
		switch {
		case !w.v.IsValid():
			return fmt.Errorf("json: Unmarshal(nil)")
		case w.v.Kind() != reflect.Pointer:
			return fmt.Errorf("json: Unmarshal(non-pointer %s)", typeName(w))
		}
		return fmt.Errorf("json: Unmarshal(nil %s)", typeName(w))
	}
	n, _, err := parseJSON(data, 0)
	if err != nil {
		return err
	}
	d := &decoder{useNumber: t.useNumber, disallow: t.disallow}
	if err := d.value(n, settable(w.v.Elem(), elemRef(w, w.v.Elem()))); err != nil {
		return err
	}
	return d.saved
}

// settable views a value to decode into: an interface as the interface
// (not what it holds), which decoding may set.
func settable(v reflect.Value, r *ref) view {
	if v.Kind() == reflect.Interface {
		return view{v: v, r: dynRef}
	}
	switch r.kind {
	case '#':
		return view{v: v, r: r, prog: r.program()}
	case '?':
		return view{v: v, r: refOfType(v.Type()), prog: markOf(v.Type())}
	}
	if t := markOf(v.Type()); t != nil {
		return view{v: v, r: &ref{kind: '#', prog: t, id: t.ID}, prog: t}
	}
	return view{v: v, r: r}
}

func settableElem(w view, e reflect.Value) view { return settable(e, elemRef(w, e)) }

// jnode is a parsed JSON value with its text.
type jnode struct {
	kind  byte // n t f 0 s a o
	raw   []byte
	str   string   // a string's value
	items []*jnode // an array's elements, an object's values
	keys  []string // an object's keys
	off   int64
}

func parseJSON(data []byte, off int) (*jnode, int, error) {
	i := skipSpace(data, off)
	if i >= len(data) {
		return nil, i, fmt.Errorf("json: unexpected end of JSON input")
	}
	n := &jnode{off: int64(i)}
	start := i
	switch c := data[i]; {
	case c == 'n':
		n.kind, i = 'n', i+4
	case c == 't':
		n.kind, i = 't', i+4
	case c == 'f':
		n.kind, i = 'f', i+5
	case c == '"':
		j := i + 1
		for j < len(data) && data[j] != '"' {
			if data[j] == '\\' {
				j++
			}
			j++
		}
		j++
		n.kind = 's'
		if err := json.Unmarshal(data[i:j], &n.str); err != nil {
			return nil, j, err
		}
		i = j
	case c == '[':
		n.kind = 'a'
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == ']' {
			i++
			break
		}
		for {
			item, next, err := parseJSON(data, i)
			if err != nil {
				return nil, next, err
			}
			n.items = append(n.items, item)
			i = skipSpace(data, next)
			if i < len(data) && data[i] == ',' {
				i++
				continue
			}
			i++ // ]
			break
		}
	case c == '{':
		n.kind = 'o'
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == '}' {
			i++
			break
		}
		for {
			key, next, err := parseJSON(data, i)
			if err != nil {
				return nil, next, err
			}
			i = skipSpace(data, next) + 1 // :
			val, next, err := parseJSON(data, i)
			if err != nil {
				return nil, next, err
			}
			n.keys = append(n.keys, key.str)
			n.items = append(n.items, val)
			i = skipSpace(data, next)
			if i < len(data) && data[i] == ',' {
				i++
				continue
			}
			i++ // }
			break
		}
	default:
		n.kind = '0'
		j := i
		for j < len(data) && strings.IndexByte("+-0123456789.eE", data[j]) >= 0 {
			j++
		}
		i = j
	}
	if i > len(data) {
		i = len(data)
	}
	n.raw = data[start:i]
	return n, i, nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// decoder decodes parsed values into program values. Type errors are
// saved and decoding goes on, as in encoding/json; the first is returned.
type decoder struct {
	useNumber bool
	disallow  bool
	saved     error
	structN   string   // the innermost struct's name, for errors
	fields    []string // the path of field names, for errors
	inStruct  bool
}

func (d *decoder) save(err error) {
	if d.saved == nil {
		d.saved = err
	}
}

func (n *jnode) what() string {
	switch n.kind {
	case 's':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "bool"
	case 'a':
		return "array"
	case 'o':
		return "object"
	}
	return "null"
}

func (d *decoder) typeError(value string, w view, off int64) {
	e := &UnmarshalTypeError{Value: value, Type: typeName(w), Offset: off}
	if w.v.IsValid() {
		e.rtype = w.v.Type()
	}
	if d.inStruct {
		e.Struct = d.structN
		e.Field = strings.Join(d.fields, ".")
	}
	d.save(e)
}

// value decodes n into the settable value w.
func (d *decoder) value(n *jnode, w view) error {
	v := w.v
	// A pointer's target, allocated as needed; null stops at the last
	// pointer, which it sets to nil.
	if done, err := d.unmarshaler(n, w); done {
		return err
	}
	if w.r.kind == '-' && w.prog == nil && v.Kind() != reflect.Interface {
		return d.native(n, v)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if n.kind == 'n' {
			v.SetZero()
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(n, settableElem(w, v.Elem()))
	case reflect.Interface:
		if n.kind == 'n' {
			v.SetZero()
			return nil
		}
		if !v.IsNil() {
			if e := v.Elem(); e.Kind() == reflect.Pointer && !e.IsNil() {
				return d.value(n, settable(e, refOfType(e.Type())))
			}
		}
		if v.NumMethod() > 0 {
			d.typeError(n.what(), w, n.off)
			return nil
		}
		var x any
		dec := json.NewDecoder(bytes.NewReader(n.raw))
		if d.useNumber {
			dec.UseNumber()
		}
		if err := dec.Decode(&x); err != nil {
			return err
		}
		if x == nil {
			v.SetZero()
		} else {
			v.Set(reflect.ValueOf(x))
		}
		return nil
	}
	switch n.kind {
	case 'n':
		switch v.Kind() {
		case reflect.Map, reflect.Slice:
			v.SetZero()
		}
		return nil
	case 'o':
		switch v.Kind() {
		case reflect.Struct:
			return d.object(n, w)
		case reflect.Map:
			return d.mapping(n, w)
		}
	case 'a':
		switch v.Kind() {
		case reflect.Slice, reflect.Array:
			return d.array(n, w)
		}
	case 's':
		switch v.Kind() {
		case reflect.String:
			v.SetString(n.str)
			return nil
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				b, err := base64.StdEncoding.DecodeString(n.str)
				if err != nil {
					d.save(err)
					return nil
				}
				v.SetBytes(b)
				return nil
			}
		}
	case 't', 'f':
		if v.Kind() == reflect.Bool {
			v.SetBool(n.kind == 't')
			return nil
		}
	case '0':
		return d.number(n, w)
	}
	d.typeError(n.what(), w, n.off)
	return nil
}

func (d *decoder) number(n *jnode, w view) error {
	v := w.v
	lit := string(n.raw)
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := strconv.ParseInt(lit, 10, 64)
		if err != nil || v.OverflowInt(i) {
			d.typeError("number "+lit, w, n.off)
			return nil
		}
		v.SetInt(i)
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		u, err := strconv.ParseUint(lit, 10, 64)
		if err != nil || v.OverflowUint(u) {
			d.typeError("number "+lit, w, n.off)
			return nil
		}
		v.SetUint(u)
		return nil
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(lit, v.Type().Bits())
		if err != nil || v.OverflowFloat(f) {
			d.typeError("number "+lit, w, n.off)
			return nil
		}
		v.SetFloat(f)
		return nil
	}
	d.typeError("number", w, n.off)
	return nil
}

// native decodes into a value holding no program types: encoding/json
// does, and its type errors get the path from the enclosing values.
func (d *decoder) native(n *jnode, v reflect.Value) error {
	if !v.CanAddr() {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(n.raw))
	if d.useNumber {
		dec.UseNumber()
	}
	if d.disallow {
		dec.DisallowUnknownFields()
	}
	target := reflect.NewAt(v.Type(), v.Addr().UnsafePointer())
	err := dec.Decode(target.Interface())
	if err == nil {
		return nil
	}
	if te, ok := err.(*json.UnmarshalTypeError); ok {
		if d.inStruct {
			if te.Struct == "" {
				te.Struct = d.structN
			}
			if len(d.fields) > 0 {
				if te.Field != "" {
					te.Field = strings.Join(d.fields, ".") + "." + te.Field
				} else {
					te.Field = strings.Join(d.fields, ".")
				}
			}
		}
		d.save(te)
		return nil
	}
	if strings.HasPrefix(err.Error(), "json: unknown field") {
		d.save(err)
		return nil
	}
	d.save(err)
	return nil
}

// unmarshaler calls the program's UnmarshalJSON, or for a string its
// UnmarshalText, on the value (through its address for pointer
// receivers), as encoding/json would.
func (d *decoder) unmarshaler(n *jnode, w view) (bool, error) {
	v := w.v
	t := w.prog
	target := v
	if t == nil && w.r.kind == '*' && w.r.elem.kind == '#' {
		if n.kind == 'n' {
			return false, nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		t = w.r.elem.program()
		target = v.Elem()
	}
	if t == nil {
		return d.nativeUnmarshaler(n, w)
	}
	call := func(m *method) (bool, error) {
		var recv any
		if m.ptr {
			if !target.CanAddr() {
				return false, nil
			}
			recv = target.Addr().Interface()
		} else {
			recv = target.Interface()
		}
		return true, d.withContext(m.from(recv, n.raw))
	}
	if m := t.methods["UnmarshalJSON"]; m != nil && m.from != nil {
		if done, err := call(m); done {
			return true, err
		}
	}
	if m := t.methods["UnmarshalText"]; m != nil && m.from != nil {
		switch n.kind {
		case 'n':
			return false, nil
		case 's':
			var recv any
			if m.ptr {
				if !target.CanAddr() {
					return false, nil
				}
				recv = target.Addr().Interface()
			} else {
				recv = target.Interface()
			}
			return true, m.from(recv, []byte(n.str))
		default:
			d.typeError(n.what(), view{v: target, r: &ref{kind: '#', prog: t}, prog: t}, n.off)
			return true, nil
		}
	}
	return false, nil
}

// withContext gives a type error a program's UnmarshalJSON returns the
// struct and field it was decoding, as encoding/json does with the error
// that ends a decode.
func (d *decoder) withContext(err error) error {
	if err == nil || !d.inStruct {
		return err
	}
	x := programValue(err)
	switch te := x.(type) {
	case *json.UnmarshalTypeError:
		te.Struct = d.structN
		te.Field = strings.Join(append(d.fields[:len(d.fields):len(d.fields)], nonEmpty(te.Field)...), ".")
	case *UnmarshalTypeError:
		te.Struct = d.structN
		te.Field = strings.Join(append(d.fields[:len(d.fields):len(d.fields)], nonEmpty(te.Field)...), ".")
	}
	return err
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// nativeUnmarshaler handles native types with their own decoding below a
// program value: encoding/json does.
func (d *decoder) nativeUnmarshaler(n *jnode, w view) (bool, error) {
	v := w.v
	if !v.CanAddr() || w.r.kind == '-' {
		return false, nil
	}
	switch v.Addr().Interface().(type) {
	case json.Unmarshaler, encoding.TextUnmarshaler:
		return true, d.native(n, v)
	}
	return false, nil
}

func (d *decoder) object(n *jnode, w view) error {
	v := w.v
	fields := structFields(w)
	saveN, saveF, saveIn := d.structN, d.fields, d.inStruct
	defer func() { d.structN, d.fields, d.inStruct = saveN, saveF, saveIn }()
	for k, key := range n.keys {
		var f *jsonField
		for i := range fields {
			if fields[i].name == key {
				f = &fields[i]
				break
			}
		}
		if f == nil {
			for i := range fields {
				if strings.EqualFold(fields[i].name, key) {
					f = &fields[i]
					break
				}
			}
		}
		if f == nil {
			if d.disallow {
				d.save(fmt.Errorf("json: unknown field %q", key))
			}
			continue
		}
		fv, ok := d.fieldForSet(w, *f)
		if !ok {
			continue
		}
		d.structN = bareName(w)
		d.inStruct = true
		d.fields = append(saveF[:len(saveF):len(saveF)], f.name)
		item := n.items[k]
		if f.quoted {
			if err := d.quoted(item, fv); err != nil {
				return err
			}
			continue
		}
		if err := d.value(item, fv); err != nil {
			return err
		}
	}
	_ = v
	return nil
}

// quoted decodes a field with the ",string" option: a JSON string holding
// the literal.
func (d *decoder) quoted(n *jnode, w view) error {
	switch n.kind {
	case 'n':
		return nil
	case 's':
		inner, _, err := parseJSON([]byte(n.str), 0)
		if err == nil && inner.kind != 'a' && inner.kind != 'o' {
			if w.v.Kind() == reflect.String && inner.kind == 's' {
				w.v.SetString(inner.str)
				return nil
			}
			if inner.kind == 'n' {
				return nil
			}
			return d.value(inner, w)
		}
	}
	if n.kind == 's' {
		d.save(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal %q into %s", n.str, typeName(w)))
	} else {
		d.save(fmt.Errorf("json: invalid use of ,string struct tag, trying to unmarshal unquoted value into %s", typeName(w)))
	}
	return nil
}

// bareName is a struct type's name as encoding/json's errors give it:
// without its package, empty for a struct type literal.
func bareName(w view) string {
	if w.prog != nil {
		if _, err := strconv.Atoi(w.prog.Name); err == nil || strings.HasPrefix(w.prog.Name, "struct") {
			return ""
		}
		name := w.prog.Name
		if i := strings.LastIndexByte(strings.SplitN(name, "[", 2)[0], '.'); i >= 0 {
			name = name[i+1:]
		}
		return name
	}
	return w.v.Type().Name()
}

// fieldForSet follows a field's index for decoding, allocating nil
// embedded pointers on the way.
func (d *decoder) fieldForSet(w view, f jsonField) (view, bool) {
	cur := w
	for n, i := range f.index {
		if n > 0 && cur.v.Kind() == reflect.Pointer {
			if cur.v.IsNil() {
				if !cur.v.CanSet() {
					d.save(fmt.Errorf("json: cannot set embedded pointer to unexported struct: %s", typeName(elemView(cur, reflect.New(cur.v.Type().Elem()).Elem()))))
					return view{}, false
				}
				cur.v.Set(reflect.New(cur.v.Type().Elem()))
			}
			cur = settableElem(cur, cur.v.Elem())
		}
		var r *ref
		if cur.prog != nil && cur.prog.Kind == "struct" {
			r = cur.prog.field(i).typ
		} else {
			r = refOfType(cur.v.Type().Field(i).Type)
		}
		fv := cur.v.Field(i)
		if !fv.CanSet() && fv.CanAddr() {
			fv = reflect.NewAt(fv.Type(), fv.Addr().UnsafePointer()).Elem()
		}
		cur = settable(fv, r)
	}
	return cur, true
}

func (d *decoder) mapping(n *jnode, w view) error {
	v := w.v
	if v.IsNil() {
		v.Set(reflect.MakeMapWithSize(v.Type(), len(n.keys)))
	}
	kt := v.Type().Key()
	for i, key := range n.keys {
		kv := reflect.New(kt).Elem()
		kw := settable(kv, keyRef(w, kv))
		switch {
		case d.textKey(kw, key):
		case kt.Kind() == reflect.String:
			kv.SetString(key)
		case kt.Kind() >= reflect.Int && kt.Kind() <= reflect.Int64:
			x, err := strconv.ParseInt(key, 10, 64)
			if err != nil || kv.OverflowInt(x) {
				d.typeError("number "+key, kw, n.items[i].off)
				continue
			}
			kv.SetInt(x)
		case kt.Kind() >= reflect.Uint && kt.Kind() <= reflect.Uintptr:
			x, err := strconv.ParseUint(key, 10, 64)
			if err != nil || kv.OverflowUint(x) {
				d.typeError("number "+key, kw, n.items[i].off)
				continue
			}
			kv.SetUint(x)
		default:
			d.typeError("object", w, n.off)
			return nil
		}
		ev := reflect.New(v.Type().Elem()).Elem()
		if err := d.value(n.items[i], settableElem(w, ev)); err != nil {
			return err
		}
		v.SetMapIndex(kv, ev)
	}
	return nil
}

// textKey decodes a map key through the key type's UnmarshalText.
func (d *decoder) textKey(kw view, key string) bool {
	if t := kw.prog; t != nil {
		if m := t.methods["UnmarshalText"]; m != nil && m.from != nil && m.ptr {
			if err := m.from(kw.v.Addr().Interface(), []byte(key)); err != nil {
				d.save(err)
			}
			return true
		}
		return false
	}
	if kw.v.CanAddr() {
		if tu, ok := kw.v.Addr().Interface().(encoding.TextUnmarshaler); ok && kw.v.Kind() != reflect.String {
			if err := tu.UnmarshalText([]byte(key)); err != nil {
				d.save(err)
			}
			return true
		}
	}
	return false
}

func (d *decoder) array(n *jnode, w view) error {
	v := w.v
	for i, item := range n.items {
		if v.Kind() == reflect.Slice {
			if i >= v.Cap() {
				v.Grow(1)
			}
			if i >= v.Len() {
				v.SetLen(i + 1)
			}
		}
		if i < v.Len() {
			if err := d.value(item, settableElem(w, v.Index(i))); err != nil {
				return err
			}
		}
	}
	i := len(n.items)
	if i < v.Len() {
		if v.Kind() == reflect.Array {
			for ; i < v.Len(); i++ {
				v.Index(i).SetZero()
			}
		} else {
			v.SetLen(i)
		}
	}
	if len(n.items) == 0 && v.Kind() == reflect.Slice && v.IsNil() {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0))
	}
	return nil
}
