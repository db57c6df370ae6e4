package compat

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// The native errors.As, errors.Is and errors.Unwrap cannot see the methods
// of program types (the interpreter hands native code a wrapper with only
// Error), so they miss program error types and the chains they wrap. The
// calls become interpreted equivalents: helpers declared after the
// imports, which walk the chain as the errors package does.

// errorsCall rewrites calls of errors.As, errors.Is and errors.Unwrap.
func (r *compatRewriter) errorsCall(c *ast.CallExpr, fn *types.Func) {
	switch fn.Name() {
	case "As":
		if len(c.Args) != 2 {
			return
		}
		ptr, ok := r.info.TypeOf(c.Args[1]).Underlying().(*types.Pointer)
		if !ok {
			return
		}
		t, ok := r.typeString(ptr.Elem())
		if !ok {
			return // a native target type the native errors.As handles
		}
		chain := r.errorChainHelper()
		match := "if " + r.identityTest("_x", ptr.Elem(), t) + " { " + r.runtimeShim("Take") + "(_x, _t); return true }; "
		switch {
		case isMethodInterface(ptr.Elem()):
			// Program values reach the interface through their own types:
			// through native code, the interpreter's assertion misses
			// their methods.
			match = "if _i, _ok := " + r.interfaceAssertion(ptr.Elem(), t, true, "_x") + "; _ok { *_t = _i; return true }; "
		case !r.needsIdentity(ptr.Elem()):
			assert := r.assertion("_x", types.Universe.Lookup("error").Type(), ptr.Elem(), t)
			match = "if _, _ok := " + assert + "; _ok { *_t = " + assert + "; return true }; "
		}
		// The program's types with an As method first, by their concrete
		// type: an interface assertion misses their methods once they went
		// through native code.
		var asMethods strings.Builder
		for _, mt := range r.errorMethodTypes("As", "func(any) bool") {
			asMethods.WriteString("if " + r.identityTest("_x", mt.typ, mt.src) + " && " + r.takeHelper(mt.typ, mt.src) + "(_x).As(_t) { return true }; ")
		}
		r.replace(c.Fun.Pos(), c.Fun.End(), "func(_e error, _t *"+t+") bool { for _, _x := range "+chain+
			"(_e) { "+match+asMethods.String()+
			"if _a, _ok := _x.("+r.runtimeShim("Aser")+"); _ok && _a.As(_t) { return true } }; return false }")
	case "Is":
		r.replace(c.Fun.Pos(), c.Fun.End(), r.helper("errorsIs", r.errorsIsDecl))
	case "Unwrap":
		r.replace(c.Fun.Pos(), c.Fun.End(), r.helper("errorsUnwrap", r.errorsUnwrapDecl))
	default:
		return
	}
	r.rewrite(c.Pos(), "errors."+fn.Name())
}

// identityTest writes the test that x holds a value of the type t
// (written tsrc), by the value's Go type.
func (r *compatRewriter) identityTest(x string, t types.Type, tsrc string) string {
	return r.isShim(t) + "(" + x + ", " + strconv.Quote(reflectName(t)) + ", *new(" + tsrc + "))"
}

// methodType is a type of the program, as a type and as source.
type methodType struct {
	typ types.Type
	src string
}

// errorMethodTypes returns the program's package-level types (T or *T,
// whichever has the method) with a method name of the given signature.
func (r *compatRewriter) errorMethodTypes(name, sig string) []methodType {
	var out []methodType
	scope := r.pkg.Scope()
	for _, n := range scope.Names() { // sorted
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if _, isIface := named.Underlying().(*types.Interface); isIface {
			continue
		}
		for _, t := range []types.Type{named, types.NewPointer(named)} {
			obj, _, _ := types.LookupFieldOrMethod(t, false, r.pkg, name)
			fn, ok := obj.(*types.Func)
			if !ok || signatureTypes(fn.Signature()) != sig {
				continue
			}
			if s, ok := r.typeString(t); ok {
				out = append(out, methodType{t, s})
			}
			break
		}
	}
	return out
}

// signatureTypes writes a function signature without parameter names, as
// "func(error) bool".
func signatureTypes(sig *types.Signature) string {
	var b strings.Builder
	b.WriteString("func(")
	for i := range sig.Params().Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(types.TypeString(sig.Params().At(i).Type(), nil))
	}
	b.WriteString(")")
	switch sig.Results().Len() {
	case 0:
	case 1:
		b.WriteString(" " + types.TypeString(sig.Results().At(0).Type(), nil))
	default:
		b.WriteString(" (")
		for i := range sig.Results().Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(types.TypeString(sig.Results().At(i).Type(), nil))
		}
		b.WriteString(")")
	}
	return b.String()
}

// errorChainHelper declares the function listing an error's chain, depth
// first as errors.Is and errors.As visit it.
func (r *compatRewriter) errorChainHelper() string {
	return r.helper("errorChain", func(name string) string {
		errType := types.Universe.Lookup("error").Type()
		var b strings.Builder
		b.WriteString("func " + name + "(_err error) []error { var _out []error; _stack := []error{_err}; " +
			"for len(_stack) > 0 { _e := _stack[len(_stack)-1]; _stack = _stack[:len(_stack)-1]; if _e == nil { continue }; _out = append(_out, _e); ")
		// Program types first, by their concrete type: an interface
		// assertion misses their methods once they went through native code.
		_ = errType
		for _, t := range r.errorMethodTypes("Unwrap", "func() error") {
			b.WriteString("if " + r.identityTest("_e", t.typ, t.src) + " { " + r.takeHelper(t.typ, t.src) + "(_e); _stack = append(_stack, " +
				r.takeHelper(t.typ, t.src) + "(_e).Unwrap()); continue }; ")
		}
		for _, t := range r.errorMethodTypes("Unwrap", "func() []error") {
			b.WriteString("if " + r.identityTest("_e", t.typ, t.src) + " { _u := " + r.takeHelper(t.typ, t.src) + "(_e).Unwrap(); " +
				"for _i := len(_u) - 1; _i >= 0; _i-- { _stack = append(_stack, _u[_i]) }; continue }; ")
		}
		b.WriteString("if _w, _ok := _e.(" + r.runtimeShim("Unwrapper") + "); _ok { _stack = append(_stack, _w.Unwrap()); continue }; " +
			"if _w, _ok := _e.(" + r.runtimeShim("MultiUnwrapper") + "); _ok { _u := _w.Unwrap(); " +
			"for _i := len(_u) - 1; _i >= 0; _i-- { _stack = append(_stack, _u[_i]) }; continue }; " +
			// Native errors show interpreted code no methods.
			"_u := " + r.errorsPkg() + "AirlockUnwrap(_e); for _i := len(_u) - 1; _i >= 0; _i-- { _stack = append(_stack, _u[_i]) } }; return _out }")
		return b.String()
	})
}

func (r *compatRewriter) errorsIsDecl(name string) string {
	chain := r.errorChainHelper()
	var b strings.Builder
	b.WriteString("func " + name + "(_err, _target error) bool { if _err == nil || _target == nil { return _err == _target }; " +
		"for _, _e := range " + chain + "(_err) { if " + r.errorsPkg() + "AirlockEqual(_e, _target) { return true }; ")
	for _, t := range r.errorMethodTypes("Is", "func(error) bool") {
		b.WriteString("if " + r.identityTest("_e", t.typ, t.src) + " && " + r.takeHelper(t.typ, t.src) + "(_e).Is(_target) { return true }; ")
	}
	b.WriteString("if _i, _ok := _e.(" + r.runtimeShim("Iser") + "); _ok && _i.Is(_target) { return true } }; return false }")
	return b.String()
}

func (r *compatRewriter) errorsUnwrapDecl(name string) string {
	var b strings.Builder
	b.WriteString("func " + name + "(_e error) error { ")
	for _, t := range r.errorMethodTypes("Unwrap", "func() error") {
		b.WriteString("if " + r.identityTest("_e", t.typ, t.src) + " { return " + r.takeHelper(t.typ, t.src) + "(_e).Unwrap() }; ")
	}
	b.WriteString("if _w, _ok := _e.(" + r.runtimeShim("Unwrapper") + "); _ok { return _w.Unwrap() }; " +
		"if _, _ok := _e.(" + r.runtimeShim("MultiUnwrapper") + "); _ok { return nil }; " +
		"if _u := " + r.errorsPkg() + "AirlockUnwrap(_e); len(_u) == 1 { return _u[0] }; return nil }")
	return b.String()
}

// errorsPkg returns how the file refers to the errors package, which it
// imports when it calls errors.As, errors.Is or errors.Unwrap.
func (r *compatRewriter) errorsPkg() string {
	name := r.imports["errors"]
	if name == "." {
		return ""
	}
	return name + "."
}

// asError passes the program error value a to native code as an error.
func (r *compatRewriter) asError(a ast.Expr, depth int) {
	// A struct value goes through a parameter of its own type, so the error
	// holds a copy (copyIn), not the place the value was made in.
	if t := r.info.TypeOf(a); t != nil && !types.IsInterface(t) {
		if named, ok := types.Unalias(t).(*types.Named); ok && named.Obj().Pkg() == r.pkg && named.Obj().Parent() == r.pkg.Scope() && named.TypeArgs().Len() == 0 {
			if _, isStruct := named.Underlying().(*types.Struct); isStruct {
				if ts, ok := r.typeString(t); ok {
					name := r.helperNamed("asError "+ts, "asError", func(name string) string {
						return "func " + name + "(_e " + ts + ") error { var _i error = _e; return _i }"
					})
					r.prefix(a.Pos(), name+"(", depth)
					r.suffix(a.End(), ")", depth)
					r.rewrite(a.Pos(), "program error passed to native code")
					return
				}
			}
		}
	}
	name := r.helper("asError", func(name string) string { return "func " + name + "(_e error) error { return _e }" })
	r.prefix(a.Pos(), name+"(", depth)
	r.suffix(a.End(), ")", depth)
	r.rewrite(a.Pos(), "program error passed to native code")
}

// errorArgs passes program error values given to error parameters of
// native functions as error: the interpreter fails to convert them
// (errors.Join(err1, myErr) panics).
func (r *compatRewriter) errorArgs(c *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	params := fn.Signature().Params()
	errType := types.Universe.Lookup("error").Type()
	for i, a := range c.Args {
		var pt types.Type
		switch {
		case fn.Signature().Variadic() && i >= params.Len()-1:
			if c.Ellipsis.IsValid() {
				return
			}
			pt = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			pt = params.At(i).Type()
		default:
			return
		}
		if types.Identical(pt, errType) && r.isProgramError(r.info.TypeOf(a)) {
			r.asError(a, len(stack))
		}
	}
}

// isProgramError reports whether t is a program type (or pointer to one),
// not an interface, that implements error.
func (r *compatRewriter) isProgramError(t types.Type) bool {
	if t == nil || isInterface(t) {
		return false
	}
	named := namedOf(t)
	if named == nil || named.Obj().Pkg() != r.pkg {
		return false
	}
	return types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}
