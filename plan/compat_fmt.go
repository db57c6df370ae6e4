package plan

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// The interpreter gives native code the values of a program type without
// their methods, except for a value passed to it directly. fmt then prints
// the elements of a []Celsius, the values of a map[string]Celsius or the
// fields of a struct holding a Celsius by their underlying value, not by
// their String method. For %v, %+v and %s without width or precision, an
// argument whose type holds such values becomes the call of an interpreted
// helper that formats it as fmt does (brackets, spaces, map[k:v] in sorted
// key order, {fields} or {Name:field}), calling the methods itself.

// fmtDirective is one verb of a format and what it applies to.
type fmtDirective struct {
	verb  rune
	plus  bool // the + flag
	plain bool // no flag but +, no width, no precision
}

// formatDirectives returns the directive consuming each argument of a
// format, or nil when the format picks arguments explicitly ([n]).
func formatDirectives(format string) []fmtDirective {
	var out []fmtDirective
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' {
			continue
		}
		i++
		d := fmtDirective{plain: true}
		for i < len(rs) && strings.ContainsRune("+-# 0", rs[i]) {
			if rs[i] == '+' {
				d.plus = true
			} else {
				d.plain = false
			}
			i++
		}
		for i < len(rs) && (rs[i] >= '0' && rs[i] <= '9' || rs[i] == '.' || rs[i] == '*') {
			if rs[i] == '*' {
				out = append(out, fmtDirective{verb: 'd'})
			}
			d.plain = false
			i++
		}
		if i >= len(rs) {
			break
		}
		switch rs[i] {
		case '%':
		case '[':
			return nil
		default:
			d.verb = rs[i]
			out = append(out, d)
		}
	}
	return out
}

// fmtContainer rewrites the argument a of a fmt call formatted with the
// directive d into a call of a helper formatting it, when its type holds
// values whose String or Error method fmt would call. It reports whether
// it did.
func (r *compatRewriter) fmtContainer(a ast.Expr, d fmtDirective, depth int) bool {
	if !d.plain || d.verb != 'v' && d.verb != 's' {
		return false
	}
	t := r.info.TypeOf(a)
	if t == nil || r.textMethod(t) != "" || !r.formattable(t, map[types.Type]bool{}) || !r.holdsTextMethod(t, map[types.Type]bool{}) {
		return false
	}
	verb := "%" + string(d.verb)
	if d.plus && d.verb == 'v' {
		verb = "%+v"
	}
	name, ok := r.fmtHelper(t, verb)
	if !ok {
		return false
	}
	r.prefix(a.Pos(), name+"(", depth)
	r.suffix(a.End(), ")", depth)
	r.rewrite(a.Pos(), "value holding values with a String method formatted by fmt")
	return true
}

// textMethod returns "Error" or "String" when fmt formats a value of type
// t by that method (Error first), and "Format" when t formats itself.
func (r *compatRewriter) textMethod(t types.Type) string {
	if named := namedOf(t); named == nil || named.Obj().Pkg() != r.pkg {
		return ""
	}
	for _, m := range []string{"Format", "Error", "String"} {
		obj, _, _ := types.LookupFieldOrMethod(t, false, r.pkg, m)
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if m == "Format" || signatureTypes(fn.Signature()) == "func() string" {
			return m
		}
	}
	return ""
}

// holdsTextMethod reports whether fmt would reach, inside a value of type
// t, a value formatted by its String or Error method.
func (r *compatRewriter) holdsTextMethod(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch r.textMethod(t) {
	case "Error", "String":
		return true
	case "Format":
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return r.holdsTextMethod(u.Elem(), seen)
	case *types.Array:
		return r.holdsTextMethod(u.Elem(), seen)
	case *types.Map:
		return r.holdsTextMethod(u.Key(), seen) || r.holdsTextMethod(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if u.Field(i).Exported() && r.holdsTextMethod(u.Field(i).Type(), seen) {
				return true
			}
		}
	}
	return false
}

// formattable reports whether the helper can format a value of type t as
// fmt does. It cannot when fmt would print an address (a pointer inside a
// container), a value whose dynamic type it does not know (an interface),
// a map whose keys it cannot order, a Format method, or methods of an
// unexported field, which fmt cannot call.
func (r *compatRewriter) formattable(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch r.textMethod(t) {
	case "Error", "String":
		return true
	case "Format":
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() != types.UnsafePointer
	case *types.Slice:
		return r.formattable(u.Elem(), seen)
	case *types.Array:
		return r.formattable(u.Elem(), seen)
	case *types.Map:
		k, ok := u.Key().Underlying().(*types.Basic)
		return ok && k.Info()&(types.IsOrdered|types.IsBoolean) != 0 && k.Info()&types.IsComplex == 0 &&
			r.formattable(u.Key(), seen) && r.formattable(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			f := u.Field(i)
			if !r.formattable(f.Type(), seen) || !f.Exported() && r.holdsTextMethod(f.Type(), map[types.Type]bool{}) && rawBasic(f.Type()) == nil {
				return false
			}
		}
		return true
	}
	return false
}

// fmtHelper declares the helper formatting a value of type t as fmt's verb
// does and returns its name.
func (r *compatRewriter) fmtHelper(t types.Type, verb string) (string, bool) {
	ts, ok := r.typeString(t)
	if !ok {
		return "", false
	}
	key := "fmt " + verb + " " + ts
	if name, ok := r.helpers[key]; ok {
		return name, true
	}
	// The name is taken first: a recursive type's helper calls itself.
	name := r.name("fmt")
	r.helpers[key] = name
	body, ok := r.fmtBody(t, verb)
	if !ok {
		delete(r.helpers, key)
		return "", false
	}
	r.decls = append(r.decls, "func "+name+"(_v "+ts+") string { "+body+" }")
	return name, true
}

// fmtValue returns an expression formatting the value x of type t.
func (r *compatRewriter) fmtValue(x string, t types.Type, verb string) (string, bool) {
	if m := r.textMethod(t); m == "Error" || m == "String" {
		return x + "." + m + "()", true
	}
	if !r.holdsTextMethod(t, map[types.Type]bool{}) {
		return r.fmtPkg() + "Sprintf(" + `"` + verb + `", ` + x + ")", true
	}
	name, ok := r.fmtHelper(t, verb)
	return name + "(" + x + ")", ok
}

// fmtBody writes the body of the helper formatting a value _v of type t.
func (r *compatRewriter) fmtBody(t types.Type, verb string) (string, bool) {
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array:
		var elem types.Type
		if s, ok := u.(*types.Slice); ok {
			elem = s.Elem()
		} else {
			elem = u.(*types.Array).Elem()
		}
		e, ok := r.fmtValue("_e", elem, verb)
		return `_s := "["; for _i, _e := range _v { if _i > 0 { _s += " " }; _s += ` + e + ` }; return _s + "]"`, ok
	case *types.Map:
		kt, ok := r.typeString(u.Key())
		if !ok {
			return "", false
		}
		k, kok := r.fmtValue("_k", u.Key(), verb)
		v, vok := r.fmtValue("_v[_k]", u.Elem(), verb)
		less := "_ks[_j] < _ks[_j-1]"
		switch b := u.Key().Underlying().(*types.Basic); {
		case b.Info()&types.IsBoolean != 0:
			less = "!_ks[_j] && _ks[_j-1]"
		case b.Info()&types.IsFloat != 0:
			// fmt orders NaN first.
			less = "(_ks[_j] < _ks[_j-1] || _ks[_j] != _ks[_j] && _ks[_j-1] == _ks[_j-1])"
		}
		return "_ks := make([]" + kt + ", 0, len(_v)); for _k := range _v { _ks = append(_ks, _k) }; " +
			"for _i := 1; _i < len(_ks); _i++ { for _j := _i; _j > 0 && " + less + "; _j-- { _ks[_j], _ks[_j-1] = _ks[_j-1], _ks[_j] } }; " +
			`_s := "map["; for _i, _k := range _ks { if _i > 0 { _s += " " }; _s += ` + k + ` + ":" + ` + v + ` }; return _s + "]"`, kok && vok
	case *types.Struct:
		var parts []string
		for i := range u.NumFields() {
			f := u.Field(i)
			v, ok := r.fmtValue("_v."+f.Name(), f.Type(), verb)
			if b := rawBasic(f.Type()); !f.Exported() && b != nil {
				// fmt cannot call the methods of an unexported field.
				v, ok = r.fmtPkg()+"Sprintf("+`"`+verb+`", `+b.Name()+"(_v."+f.Name()+"))", true
			}
			if !ok {
				return "", false
			}
			if verb == "%+v" {
				v = `"` + f.Name() + `:" + ` + v
			}
			parts = append(parts, v)
		}
		if len(parts) == 0 {
			return `return "{}"`, true
		}
		return `return "{" + ` + strings.Join(parts, ` + " " + `) + ` + "}"`, true
	}
	return "", false
}

// rawBasic returns the basic type under t when t is a named type with
// methods fmt would call on it, or nil.
func rawBasic(t types.Type) *types.Basic {
	if _, named := t.(*types.Named); !named {
		return nil
	}
	b, _ := t.Underlying().(*types.Basic)
	return b
}

// fmtPkg returns how the file refers to fmt, which it imports when it
// calls it.
func (r *compatRewriter) fmtPkg() string {
	name := r.imports["fmt"]
	if name == "." {
		return ""
	}
	return name + "."
}

// constantString returns the value of a constant string expression.
func (r *compatRewriter) constantString(e ast.Expr) (string, bool) {
	tv := r.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
