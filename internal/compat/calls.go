package compat

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"github.com/airlockhq/airlock/internal/library"
)

// shimPkgs are the generic standard packages run by internal/shims.
var shimPkgs = map[string]bool{"slices": true, "maps": true, "cmp": true}

// orderedSet is cmp.Ordered written out: the interpreter has no cmp.Ordered.
const orderedSet = "interface{ ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string }"

// call applies the rules of calls: builtins, shims, errors and fmt.
func (r *compatRewriter) call(c *ast.CallExpr, stack []ast.Node) bool {
	base := ast.Unparen(c.Fun)
	switch ix := base.(type) {
	case *ast.IndexExpr:
		base = ix.X
	case *ast.IndexListExpr:
		base = ix.X
	}
	switch obj := r.objectOf(base).(type) {
	case *types.Builtin:
		switch obj.Name() {
		case "min", "max":
			return r.minMax(c, obj.Name())
		case "clear":
			r.clear(c)
		case "recover":
			r.recoverCall(c, stack)
		case "panic":
			r.panicCall(c, stack)
		case "print", "println":
			r.printCall(c, obj.Name())
		case "len":
			r.arrayPointerLen(c)
		case "new":
			r.newValue(c, stack)
		case "make":
			r.makeCheck(c, stack)
			r.makeDirectedChan(c, stack)
		case "Sizeof", "Alignof", "Offsetof", "Add", "Slice", "SliceData", "String", "StringData":
			if obj.Pkg() != nil && obj.Pkg().Path() == "unsafe" {
				return r.unsafeCall(c, obj.Name())
			}
		}
	case *types.TypeName:
		if _, ok := obj.Type().(*types.TypeParam); ok && ast.Unparen(c.Fun) == base {
			r.typeParamConversion(c, obj, stack)
		}
	case *types.Func:
		if obj.Pkg() == nil {
			break
		}
		switch path := obj.Pkg().Path(); {
		case shimPkgs[path]:
			if !r.inPlainRange(c, stack) {
				r.shimCall(c, obj, base, stack)
			}
		case path == "errors" && (obj.Name() == "As" || obj.Name() == "Is" || obj.Name() == "Unwrap"):
			r.errorsCall(c, obj)
		case path == "fmt":
			if !r.fmtCall(c, obj, stack) {
				r.errorArgs(c, obj, stack)
			}
		case path == "log":
			r.logCall(c, obj, stack)
		case path == "io" && (obj.Name() == "Copy" || obj.Name() == "CopyBuffer"):
			r.ioCopy(c, obj, stack)
		case path == "encoding/json":
			r.jsonCall(c, obj, stack)
		case path == library.RuntimePath && obj.Name() == "Result":
			r.resultCall(c, stack)
		case obj.Pkg() != r.pkg:
			r.errorArgs(c, obj, stack)
		}
	}
	if se, ok := base.(*ast.SelectorExpr); ok {
		if sel, ok := r.info.Selections[se]; ok && sel.Kind() == types.MethodVal {
			if fn, ok := sel.Obj().(*types.Func); ok && fn.Pkg() != nil {
				switch fn.Pkg().Path() {
				case "log":
					r.logCall(c, fn, stack)
				case "encoding/json":
					r.jsonCall(c, fn, stack)
				case "text/template", "html/template":
					r.templateCall(c, fn)
				}
			}
		}
	}
	return true
}

// unsafeCall writes unsafe.Sizeof, Alignof and Offsetof, which Go
// evaluates when it compiles, as the constants they are for linux/amd64;
// the other functions of unsafe are refused. It reports whether the call's
// subtree is left to the other rules.
func (r *compatRewriter) unsafeCall(c *ast.CallExpr, name string) bool {
	tv := r.info.Types[c]
	switch name {
	case "Sizeof", "Alignof", "Offsetof":
		if tv.Value == nil {
			break // of a type with a type parameter: not a constant
		}
		r.cover(c.Pos(), c.End(), "uintptr("+tv.Value.ExactString()+")")
		r.rewrite(c.Pos(), "unsafe."+name+" as a constant")
		return false
	}
	r.unsupported(c.Pos(), "unsafe."+name+" is not available in the sandbox: programs get only unsafe.Sizeof, Alignof and Offsetof",
		"work with typed values; encoding/binary converts between values and bytes")
	return true
}

// makeCheck checks the length and capacity of make([]T, n, c) as Go
// does, where one is not a constant: the interpreter's make panics with
// reflect's words or the allocator's ("runtime: allocation size out of
// range") where Go says "makeslice: len out of range" or "cap out of
// range". The capacity is written twice, so it must be free of effects.
func (r *compatRewriter) makeCheck(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) < 2 || len(c.Args) > 3 {
		return
	}
	s, ok := r.info.TypeOf(c.Args[0]).Underlying().(*types.Slice)
	if !ok {
		return
	}
	n, capArg := c.Args[1], c.Args[len(c.Args)-1]
	if r.info.Types[n].Value != nil && r.info.Types[capArg].Value != nil {
		return // checked by the compiler
	}
	if len(c.Args) == 3 && !r.pure(capArg) {
		return
	}
	size, ok := sizeOf(s.Elem())
	if !ok {
		return
	}
	depth := len(stack) + 1
	if len(c.Args) == 2 {
		r.checkAround(n.Pos(), n.End(), r.runtimeShim("MakeLen1")+"(int64(", "), "+strconv.FormatInt(size, 10)+")", depth)
		return
	}
	r.checkAround(n.Pos(), n.End(), r.runtimeShim("MakeLen")+"(int64(", "), int64("+r.text(capArg)+"), "+strconv.FormatInt(size, 10)+")", depth)
}

// templateCall refuses a template executed on values of the program's
// types whose methods the program's templates name ({{.Total}}): the
// interpreter's values have no methods native code can call, so the
// template would fail where Go calls the method. Templates built from text
// the program computes are not seen.
func (r *compatRewriter) templateCall(c *ast.CallExpr, fn *types.Func) {
	var data ast.Expr
	switch fn.Name() {
	case "Execute":
		if len(c.Args) == 2 {
			data = c.Args[1]
		}
	case "ExecuteTemplate":
		if len(c.Args) == 3 {
			data = c.Args[2]
		}
	}
	if data == nil {
		return
	}
	// Its errors name the program's struct types as reflect writes them.
	r.prefix(c.Pos(), r.runtimeShim("TemplateError")+"(", 0)
	r.suffix(c.End(), ")", 0)
	methods := map[string]string{} // method name -> a type that has it
	r.templateMethods(r.info.TypeOf(data), methods, map[types.Type]bool{})
	if len(methods) == 0 {
		return
	}
	for _, name := range r.templateNames() {
		if t, ok := methods[name]; ok {
			r.unsupported(c.Pos(), "a template that calls method "+name+" of the program's type "+t+" is not supported: the interpreter's values have no methods the template package can call",
				"put the method's result in a field or a map the template reads, or pass it as a template function (Funcs)")
			return
		}
	}
}

// templateMethods collects the methods of the program's types that t
// holds; an interface may hold any of them.
func (r *compatRewriter) templateMethods(t types.Type, out map[string]string, seen map[types.Type]bool) {
	if t == nil || seen[t] {
		return
	}
	seen[t] = true
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if u.Obj().Pkg() == r.pkg && !types.IsInterface(u) {
			for _, name := range methodNames(types.NewPointer(u)) {
				out[name] = u.Obj().Name()
			}
		}
		r.templateMethods(u.Underlying(), out, seen)
	case *types.Interface:
		for _, name := range r.pkg.Scope().Names() {
			if tn, ok := r.pkg.Scope().Lookup(name).(*types.TypeName); ok {
				r.templateMethods(tn.Type(), out, seen)
			}
		}
	case *types.Pointer:
		r.templateMethods(u.Elem(), out, seen)
	case *types.Slice:
		r.templateMethods(u.Elem(), out, seen)
	case *types.Array:
		r.templateMethods(u.Elem(), out, seen)
	case *types.Map:
		r.templateMethods(u.Elem(), out, seen)
	case *types.Struct:
		for f := range u.Fields() {
			r.templateMethods(f.Type(), out, seen)
		}
	}
}

// templateAction finds the names a template's actions select: .Total in
// {{.Total}} or {{$l.Total | money}}.
var (
	templateAction = regexp.MustCompile(`\{\{.*?\}\}`)
	templateName   = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_]*)`)
)

// templateNames lists the names selected in the actions of the program's
// string literals.
func (r *compatRewriter) templateNames() []string {
	var names []string
	ast.Inspect(r.file, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		text, err := strconv.Unquote(lit.Value)
		if err != nil {
			return true
		}
		for _, action := range templateAction.FindAllString(text, -1) {
			for _, m := range templateName.FindAllStringSubmatch(action, -1) {
				names = append(names, m[1])
			}
		}
		return true
	})
	return names
}

// makeDirectedChan rewrites make of a send-only or receive-only channel
// type, which the interpreter cannot make, as a conversion of a channel
// made both ways: make(chan<- T, n) is (chan<- T)(make(chan T, n)).
func (r *compatRewriter) makeDirectedChan(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) == 0 {
		return
	}
	ch, ok := r.info.TypeOf(c.Args[0]).(*types.Chan)
	if !ok || ch.Dir() == types.SendRecv {
		return
	}
	ts, ok1 := r.typeString(ch)
	es, ok2 := r.typeString(ch.Elem())
	if !ok1 || !ok2 {
		return
	}
	r.prefix(c.Pos(), "("+ts+")(", len(stack)+1)
	r.replace(c.Args[0].Pos(), c.Args[0].End(), "chan "+es)
	r.suffix(c.End(), ")", len(stack)+1)
	r.rewrite(c.Pos(), "make of a one-way channel")
}

// sizeOf is the size of values of t, when t has one: not when it is or
// holds a type parameter.
func sizeOf(t types.Type) (size int64, ok bool) {
	defer func() {
		if recover() != nil {
			size, ok = 0, false
		}
	}()
	return library.Sizes.Sizeof(t), true
}

// newValue rewrites new(expr), a pointer to a new variable holding expr's
// value (Go 1.26), which the interpreter reads as new of expr's type and
// so points to a zero value:
//
//	new(f(x))     func(_v T) *T { return &_v }(f(x))
func (r *compatRewriter) newValue(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) != 1 {
		return
	}
	if tv, ok := r.info.Types[c.Args[0]]; !ok || tv.IsType() {
		return
	}
	p, ok := r.info.TypeOf(c).(*types.Pointer)
	if !ok {
		return
	}
	ts, ok := r.typeString(p.Elem())
	if !ok {
		r.unsupported(c.Pos(), "new of a value of this type is not supported",
			"declare a variable holding the value and take its address")
		return
	}
	r.replace(c.Fun.Pos(), c.Lparen+1, "func(_v "+ts+") *"+ts+" { return &_v }(")
	r.rewrite(c.Pos(), "new of a value")
}

// inPlainRange reports whether c is the iterator call of a range loop
// rangeFunc turns into a plain range loop over c's argument.
func (r *compatRewriter) inPlainRange(c *ast.CallExpr, stack []ast.Node) bool {
	rs, ok := parent(stack).(*ast.RangeStmt)
	if !ok || ast.Unparen(rs.X) != c || len(c.Args) == 0 {
		return false
	}
	fn, ok := r.objectOf(c.Fun).(*types.Func)
	if !ok {
		return false
	}
	name := fn.Pkg().Path() + "." + fn.Name()
	return rangeAsIs[name] || rangeValues[name]
}

// minMax rewrites min and max: a constant call to the argument it
// selects, any other call to a function literal that evaluates each
// argument once, with Go's rules for NaN and signed zeros.
func (r *compatRewriter) minMax(c *ast.CallExpr, name string) bool {
	tv := r.info.Types[c]
	if tv.Value != nil {
		for _, a := range c.Args {
			av := r.info.Types[a]
			if av.Value == nil || !constant.Compare(av.Value, token.EQL, tv.Value) {
				continue
			}
			text := r.text(a)
			switch {
			case !r.isUntyped(tv):
				t, ok := r.typeString(tv.Type)
				if !ok {
					return true
				}
				text = "(" + t + ")(" + text + ")"
			case tv.Value.Kind() != av.Value.Kind():
				// An untyped call's kind is the largest of its arguments'.
				switch tv.Value.Kind() {
				case constant.Float:
					text = "(" + text + " + 0.0)"
				case constant.Complex:
					text = "(" + text + " + 0i)"
				}
			}
			r.replace(c.Pos(), c.End(), text)
			r.rewrite(c.Pos(), name+" builtin")
			return false
		}
		return true
	}
	t, ok := r.typeString(tv.Type)
	if !ok {
		r.unsupported(c.Pos(), name+" of "+tv.Type.String()+" is not supported",
			"compare the values with < and > instead")
		return true
	}
	op := "<"
	if name == "max" {
		op = ">"
	}
	float, param := false, false
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		float = u.Info()&types.IsFloat != 0
	case *types.Interface:
		param = true
	}
	var params []string
	var b strings.Builder
	b.WriteString("_m := _a0; ")
	for i := range c.Args {
		a := "_a" + strconv.Itoa(i)
		params = append(params, a)
		if i == 0 {
			continue
		}
		cond := a + " " + op + " _m"
		switch {
		case float:
			// NaN wins; -0 is less than +0: min takes a -0, max leaves one.
			negZero := a
			if name == "max" {
				negZero = "_m"
			}
			cond += " || " + a + " != " + a + " || " + a + " == 0 && _m == 0 && 1/" + negZero + " < 0"
		case param:
			cond += " || " + a + " != " + a
		}
		b.WriteString("if " + cond + " { _m = " + a + " }; ")
	}
	b.WriteString("return _m")
	r.replace(c.Fun.Pos(), c.Fun.End(), "func("+strings.Join(params, ", ")+" "+t+") "+t+" { "+b.String()+" }")
	r.rewrite(c.Pos(), name+" builtin")
	return true
}

// clear rewrites clear(x) to a function literal deleting every key of a
// map or zeroing every element of a slice.
func (r *compatRewriter) clear(c *ast.CallExpr) {
	if len(c.Args) != 1 {
		return
	}
	t := r.info.TypeOf(c.Args[0])
	ts, ok := r.typeString(t)
	var lit string
	switch u := t.Underlying().(type) {
	case *types.Map:
		// A loop of deletes cannot remove NaN keys; the shim clears with
		// reflect, as clear does.
		r.replace(c.Fun.Pos(), c.Fun.End(), r.runtimeShim("ClearMap"))
		r.rewrite(c.Pos(), "clear builtin")
		return
	case *types.Slice:
		es, eok := r.typeString(u.Elem())
		ok = ok && eok
		lit = "func(_s " + ts + ") { var _z " + es + "; for _i := range _s { _s[_i] = _z } }"
	default:
		ok = false
	}
	if !ok {
		r.unsupported(c.Pos(), "clear of "+t.String()+" is not supported",
			"delete the keys in a loop (for k := range m { delete(m, k) }) or assign a new map or slice")
		return
	}
	r.replace(c.Fun.Pos(), c.Fun.End(), lit)
	r.rewrite(c.Pos(), "clear builtin")
}

// shimCall adapts a call of slices, maps or cmp to its shim, whose
// parameters and results are any: untyped arguments get the instantiated
// parameter type, variadic arguments are passed as one slice, and a
// result whose type involves a type parameter is asserted to the
// instantiated type.
func (r *compatRewriter) shimCall(c *ast.CallExpr, fn *types.Func, base ast.Expr, stack []ast.Node) {
	inst, ok := r.instance(base)
	if !ok {
		return
	}
	depth := len(stack)
	generic := fn.Signature()
	params, iparams := generic.Params(), inst.Params()
	fixed := params.Len()
	if generic.Variadic() {
		fixed--
	}
	for i, a := range c.Args {
		if i >= fixed {
			break
		}
		// Constants and nil reach an any parameter with their default
		// type, not the parameter's.
		if tv := r.info.Types[a]; !mentionsTypeParam(params.At(i).Type()) || tv.Value == nil && !tv.IsNil() {
			continue
		}
		t, ok := r.typeString(iparams.At(i).Type())
		if !ok {
			r.unsupportedShim(c, fn)
			return
		}
		r.prefix(a.Pos(), "("+t+")(", depth)
		r.suffix(a.End(), ")", depth)
	}
	if generic.Variadic() {
		t, ok := r.typeString(iparams.At(fixed).Type())
		if !ok {
			r.unsupportedShim(c, fn)
			return
		}
		switch {
		case c.Ellipsis.IsValid():
			r.replace(c.Ellipsis, c.Ellipsis+token.Pos(len("...")), "")
		case len(c.Args) <= fixed:
			sep := ", "
			if len(c.Args) == 0 || r.trailingComma(c) {
				sep = " "
			}
			r.prefix(c.Rparen, sep+"("+t+")(nil)", depth)
		default:
			r.prefix(c.Args[fixed].Pos(), t+"{", depth)
			r.suffix(c.Args[len(c.Args)-1].End(), "}", depth)
		}
	}
	if generic.Results().Len() == 1 && mentionsTypeParam(generic.Results().At(0).Type()) {
		if _, stmt := parent(stack).(*ast.ExprStmt); !stmt {
			if !r.assertResult(c, inst.Results().At(0).Type(), depth) {
				r.unsupportedShim(c, fn)
				return
			}
		}
	}
	r.rewrite(c.Pos(), fn.Pkg().Path()+"."+fn.Name())
}

// assertResult asserts the any result of the shim call e to t.
func (r *compatRewriter) assertResult(e ast.Expr, t types.Type, depth int) bool {
	ts, ok := r.typeString(t)
	if !ok {
		return false
	}
	if isInterface(t) {
		// A nil interface result fails a plain assertion.
		r.prefix(e.Pos(), "func(_v any) "+ts+" { _t, _ := _v.("+ts+"); return _t }(", depth)
		r.suffix(e.End(), ")", depth)
		return true
	}
	r.suffix(e.End(), ".("+ts+")", depth)
	return true
}

func (r *compatRewriter) unsupportedShim(c *ast.CallExpr, fn *types.Func) {
	r.unsupported(c.Pos(), fn.Pkg().Path()+"."+fn.Name()+" with these argument types is not supported",
		"use types the program declares or imports, or write the loop by hand")
}

// trailingComma reports whether the argument list of c ends with a comma.
func (r *compatRewriter) trailingComma(c *ast.CallExpr) bool {
	s := strings.TrimRight(string(r.src[r.off(c.Lparen):r.off(c.Rparen)]), " \t\r\n")
	return strings.HasSuffix(s, ",")
}

// instance returns the instantiated signature of the generic function e
// names.
func (r *compatRewriter) instance(e ast.Expr) (*types.Signature, bool) {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil, false
	}
	inst, ok := r.info.Instances[id]
	if !ok {
		return nil, false
	}
	sig, ok := inst.Type.(*types.Signature)
	return sig, ok
}

// shimValue handles a shim function used other than by calling it (full
// is base, or base with explicit type arguments). Passed straight to
// another shim, it stays a native function; anywhere else it becomes a
// function literal of the instantiated type calling the shim.
func (r *compatRewriter) shimValue(full, base ast.Expr, fn *types.Func, stack []ast.Node) {
	p := parent(stack)
	if c, ok := p.(*ast.CallExpr); ok {
		callee, _ := r.objectOf(c.Fun).(*types.Func)
		if ast.Unparen(c.Fun) == full || callee != nil && callee.Pkg() != nil && shimPkgs[callee.Pkg().Path()] {
			if full != base { // the interpreter cannot instantiate a native function
				r.replace(base.End(), full.End(), "")
			}
			return
		}
	}
	sig, ok := r.info.TypeOf(full).(*types.Signature)
	if !ok {
		return
	}
	var params, args []string
	for i := range sig.Params().Len() {
		t, ok := r.typeString(sig.Params().At(i).Type())
		if !ok {
			r.unsupported(full.Pos(), fn.Pkg().Path()+"."+fn.Name()+" as a value is not supported", "call it in a function literal")
			return
		}
		a := "_a" + strconv.Itoa(i)
		params = append(params, a+" "+t)
		args = append(args, a)
	}
	call := r.text(base) + "(" + strings.Join(args, ", ") + ")"
	results := ""
	body := call
	if sig.Results().Len() == 1 {
		rt := sig.Results().At(0).Type()
		results, _ = r.typeString(rt)
		if mentionsTypeParam(fn.Signature().Results().At(0).Type()) {
			if isInterface(rt) {
				body = "func(_v any) " + results + " { _t, _ := _v.(" + results + "); return _t }(" + call + ")"
			} else {
				body = call + ".(" + results + ")"
			}
		}
		body = "return " + body
	} else if sig.Results().Len() > 1 {
		var rs []string
		for i := range sig.Results().Len() {
			t, _ := r.typeString(sig.Results().At(i).Type())
			rs = append(rs, t)
		}
		results = "(" + strings.Join(rs, ", ") + ")"
		body = "return " + body
	}
	r.replace(full.Pos(), full.End(), "func("+strings.Join(params, ", ")+") "+results+" { "+body+" }")
	r.rewrite(full.Pos(), fn.Pkg().Path()+"."+fn.Name()+" as a value")
}

// funcValue rewrites a function of the program or a tool function used as
// a value, other than by calling it, into a package-level variable holding
// a function literal that calls it: the interpreter compiles both from
// source and hands out its own node for them, which it then fails to store
// in a variable, field, map or channel of the function's type
// ("reflect.Set: value of type *interp.node is not assignable"). The
// literal is created at the package level, not where the value is used,
// so that a deferred call of it does not deadlock the interpreter
// (deferStmt). It reports whether it rewrote e.
func (r *compatRewriter) funcValue(e ast.Expr, fn *types.Func, stack []ast.Node) bool {
	if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == e {
		return false
	}
	sig := fn.Signature()
	params, args, results, ok := r.sigParts(sig)
	if !ok {
		return false
	}
	callee := r.text(e)
	body := callee + "(" + strings.Join(args, ", ") + ")"
	head := "func(" + strings.Join(params, ", ") + ")"
	switch len(results) {
	case 0:
	case 1:
		head += " " + results[0]
		body = "return " + body
	default:
		head += " (" + strings.Join(results, ", ") + ")"
		body = "return " + body
	}
	name := r.helperNamed("func "+callee, "fn", func(name string) string {
		return "var " + name + " = " + head + " { " + body + " }"
	})
	r.replace(e.Pos(), e.End(), name)
	r.rewrite(e.Pos(), "function used as a value")
	return true
}

// selector applies the rules of qualified identifiers and selections.
func (r *compatRewriter) selector(se *ast.SelectorExpr, stack []ast.Node) bool {
	if sel, ok := r.info.Selections[se]; ok {
		switch sel.Kind() {
		case types.MethodExpr:
			return r.methodExpr(se, sel)
		case types.MethodVal:
			if !r.methodValue(se, sel, stack) {
				r.promoted(se, sel)
			}
		case types.FieldVal:
			r.promoted(se, sel)
		}
		return true
	}
	return r.qualified(se, r.info.Uses[se.Sel], stack)
}

// methodValue rewrites a method value x.M, a method selected but not
// called, into a function literal bound to the receiver when the value is
// created, as Go binds it: the interpreter evaluates the receiver
// expression each time the value is called, so x.M taken in a loop calls
// every method on the last x. The receiver is the selection's explicit
// path, its address when the method wants a pointer and the operand is
// not one, and the pointed-to value when the method wants a value and the
// operand is a pointer (which panics on nil at creation, as in Go). It
// reports whether it rewrote se.
func (r *compatRewriter) methodValue(se *ast.SelectorExpr, sel *types.Selection, stack []ast.Node) bool {
	if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == se {
		return false
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	if !ok {
		return false
	}
	// The receiver: the operand, then the embedded fields leading to M.
	recv := "(" + r.text(se.X) + ")"
	t := sel.Recv()
	index := sel.Index()
	for _, i := range index[:len(index)-1] {
		u := t
		if p, ok := u.Underlying().(*types.Pointer); ok {
			u = p.Elem()
		}
		st, ok := u.Underlying().(*types.Struct)
		if !ok {
			return false
		}
		f := st.Field(i)
		if !f.Exported() && f.Pkg() != r.pkg {
			return false
		}
		recv += "." + f.Name()
		t = f.Type()
	}
	_, isIface := t.Underlying().(*types.Interface)
	wantPtr := false
	if r := fn.Signature().Recv(); r != nil {
		wantPtr = isPointer(r.Type())
	}
	prefix := ""
	switch {
	case isIface:
	case wantPtr && !isPointer(t):
		t, prefix = types.NewPointer(t), "&"
	case !wantPtr && isPointer(t):
		t, prefix = t.Underlying().(*types.Pointer).Elem(), "*"
	}
	rt, ok := r.typeString(t)
	if !ok {
		return false
	}
	params, args, results, ok := r.sigParts(sig)
	if !ok {
		return false
	}
	fsig := "func(" + strings.Join(params, ", ") + ")"
	switch len(results) {
	case 0:
	case 1:
		fsig += " " + results[0]
	default:
		fsig += " (" + strings.Join(results, ", ") + ")"
	}
	body := "_r." + se.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		body = "return " + body
	}
	check := ""
	if isIface {
		check = "_ = _r." + se.Sel.Name + "; "
	}
	// The path is written as text: the operand's own rewrites stay inside
	// the parentheses, the selector itself is replaced.
	head := "func(_r " + rt + ") " + fsig + " { " + check + "return " + fsig + " { " + body + " } }(" + prefix + "("
	r.prefix(se.Pos(), head, len(stack))
	r.replace(se.X.End(), se.End(), ")"+strings.TrimPrefix(recv, "("+r.text(se.X)+")")+")")
	r.rewrite(se.Pos(), "method value")
	return true
}

// ident applies the rules of plain identifiers.
func (r *compatRewriter) ident(id *ast.Ident, stack []ast.Node) {
	obj := r.info.Uses[id]
	if obj == nil {
		return
	}
	if fn, ok := obj.(*types.Func); ok && fn.Pkg() == r.pkg && fn.Signature().Recv() == nil {
		if fn.Signature().TypeParams().Len() > 0 {
			r.typeArgs(id, stack)
		} else {
			r.funcValue(id, fn, stack)
		}
		return
	}
	if obj.Pkg() != nil && obj.Pkg() != r.pkg {
		if _, isSel := parent(stack).(*ast.SelectorExpr); !isSel {
			r.qualified(id, obj, stack) // dot-imported
		}
	}
}

// qualified applies the rules of names of other packages: shims used as
// values, iter.Pull, cmp.Ordered.
func (r *compatRewriter) qualified(e ast.Expr, obj types.Object, stack []ast.Node) bool {
	if obj == nil || obj.Pkg() == nil {
		return true
	}
	path := obj.Pkg().Path()
	switch obj := obj.(type) {
	case *types.Func:
		if shimPkgs[path] {
			if ix, ok := parent(stack).(*ast.IndexExpr); ok && ix.X == e {
				return true // index handles it
			}
			if ix, ok := parent(stack).(*ast.IndexListExpr); ok && ix.X == e {
				return true
			}
			if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == e {
				return true
			}
			r.shimValue(e, e, obj, stack)
			return false
		}
		if path == "iter" {
			if decl, ok := pullHelpers[obj.Name()]; ok {
				if targs, ok := r.pullTypeArgs(e, stack); ok {
					name := r.helperNamed("iter."+obj.Name(), "pull", func(name string) string {
						return strings.Replace(decl, "%s", name, 1)
					})
					r.replace(e.Pos(), e.End(), name+targs)
					r.rewrite(e.Pos(), "iter."+obj.Name())
					return false
				}
			}
			r.unsupported(e.Pos(), "iter."+obj.Name()+" is not supported",
				"range over the iterator instead, or collect its values with slices.Collect")
		}
		if strings.HasPrefix(path, library.RuntimePath+"/") && obj.Signature().Recv() == nil {
			return !r.funcValue(e, obj, stack) // a tool function
		}
	case *types.TypeName:
		if path == "unsafe" {
			r.unsupported(e.Pos(), "unsafe."+obj.Name()+" is not available in the sandbox: programs get only unsafe.Sizeof, Alignof and Offsetof",
				"work with typed values; encoding/binary converts between values and bytes")
			return true
		}
		if path == "cmp" && obj.Name() == "Ordered" {
			r.replace(e.Pos(), e.End(), orderedSet)
			r.rewrite(e.Pos(), "cmp.Ordered")
			return false
		}
	}
	return true
}

// index applies the rules of instantiations: iter.Seq and iter.Seq2 types,
// and shims instantiated explicitly.
func (r *compatRewriter) index(n, x ast.Expr, lbrack, rbrack token.Pos, stack []ast.Node) bool {
	obj := r.objectOf(x)
	if obj == nil || obj.Pkg() == nil {
		return true
	}
	switch path := obj.Pkg().Path(); {
	case path == "iter" && (obj.Name() == "Seq" || obj.Name() == "Seq2"):
		if _, ok := obj.(*types.TypeName); ok {
			head, tail := "func(func(", ") bool)"
			if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == n {
				// A conversion, iter.Seq[int](f): func(func(int) bool)(f)
				// would read (f) as the result type.
				head, tail = "("+head, tail+")"
			}
			r.replace(x.Pos(), lbrack+1, head)
			r.replace(rbrack, rbrack+1, tail)
			r.rewrite(n.Pos(), "iter."+obj.Name())
		}
	case shimPkgs[path]:
		if fn, ok := obj.(*types.Func); ok {
			if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == n {
				r.replace(lbrack, rbrack+1, "") // the call's rule handles the rest
				return true
			}
			r.shimValue(n, x, fn, stack)
			return false
		}
	}
	return true
}

// typeArgs makes the type arguments of a program generic function
// explicit: the interpreter fails to infer some of them.
func (r *compatRewriter) typeArgs(id *ast.Ident, stack []ast.Node) {
	inst, ok := r.info.Instances[id]
	if !ok || inst.TypeArgs.Len() == 0 {
		return
	}
	var args []string
	for i := range inst.TypeArgs.Len() {
		t, ok := r.typeString(inst.TypeArgs.At(i))
		if !ok {
			return
		}
		args = append(args, t)
	}
	list := strings.Join(args, ", ")
	if inst.TypeArgs.Len() == 1 && isTypeParamOrPointer(inst.TypeArgs.At(0)) {
		r.typeParamArg(id, inst, stack)
		return
	}
	switch p := parent(stack).(type) {
	case *ast.IndexExpr:
		if p.X == id {
			if inst.TypeArgs.Len() > 1 {
				r.replace(p.Lbrack+1, p.Rbrack, list)
				r.rewrite(id.Pos(), "inferred type arguments")
			}
			return
		}
	case *ast.IndexListExpr:
		if p.X == id {
			if len(p.Indices) < inst.TypeArgs.Len() {
				r.replace(p.Lbrack+1, p.Rbrack, list)
				r.rewrite(id.Pos(), "inferred type arguments")
			}
			return
		}
	}
	r.suffix(id.End(), "["+list+"]", len(stack))
	r.rewrite(id.Pos(), "inferred type arguments")
}

// methodExpr rewrites a method expression, T.M or (*T).M, of a program
// type into a function literal calling the method.
func (r *compatRewriter) methodExpr(se *ast.SelectorExpr, sel *types.Selection) bool {
	named := namedOf(sel.Recv())
	if named == nil && isStructLiteral(se.X) {
		r.unsupported(se.Pos(), "a method expression on a struct type literal is not supported by the interpreter",
			"declare the struct type with a name, or use a function literal that calls the method")
		return true
	}
	if named == nil && !isInterfaceLiteral(se.X) || named != nil && named.Obj().Pkg() != r.pkg {
		return true
	}
	sig, ok := r.info.TypeOf(se).(*types.Signature)
	if !ok {
		return true
	}
	var params, args []string
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		a, dots := "_a"+strconv.Itoa(i), ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t, dots = t.(*types.Slice).Elem(), "..."
		}
		ts, ok := r.typeString(t)
		if !ok {
			r.unsupported(se.Pos(), "method expression "+r.text(se)+" is not supported",
				"use a function literal that calls the method")
			return true
		}
		params = append(params, a+" "+dots+ts)
		if i > 0 {
			args = append(args, a+dots)
		}
	}
	results := ""
	if sig.Results().Len() > 0 {
		var rs []string
		for i := range sig.Results().Len() {
			t, ok := r.typeString(sig.Results().At(i).Type())
			if !ok {
				return true
			}
			rs = append(rs, t)
		}
		results = "(" + strings.Join(rs, ", ") + ") "
	}
	body := "_a0." + se.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	if results != "" {
		body = "return " + body
	}
	r.replace(se.Pos(), se.End(), "func("+strings.Join(params, ", ")+") "+results+"{ "+body+" }")
	r.rewrite(se.Pos(), "method expression")
	return false
}

// isInterfaceLiteral reports whether e writes an interface type as a
// literal.
func isInterfaceLiteral(e ast.Expr) bool {
	_, ok := ast.Unparen(e).(*ast.InterfaceType)
	return ok
}

// isStructLiteral reports whether e writes a struct type, or a pointer to
// one, as a literal.
func isStructLiteral(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.StructType:
		return true
	case *ast.StarExpr:
		return isStructLiteral(e.X)
	}
	return false
}

func namedOf(t types.Type) *types.Named {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// promoted makes explicit the path of a field or method promoted through
// embedded fields, as far as the program's own structs go. Go selects the
// shallowest one; the interpreter searches depth first in declaration
// order, so o.load can reach a deeper load through an earlier embedded
// field, and it misses a method promoted through an embedded interface
// when the struct embeds other types too. o.load becomes o.other.load.
func (r *compatRewriter) promoted(se *ast.SelectorExpr, sel *types.Selection) {
	index := sel.Index()
	if len(index) < 2 {
		return
	}
	t := sel.Recv()
	var path []string
	for _, i := range index[:len(index)-1] {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		if !ok {
			break
		}
		f := st.Field(i)
		if f.Pkg() == nil || f.Pkg() != r.pkg {
			break // a library struct: reflect resolves the rest as Go does
		}
		path = append(path, f.Name())
		t = f.Type()
	}
	if len(path) == 0 {
		return
	}
	r.prefix(se.Sel.Pos(), strings.Join(path, ".")+".", 0)
	r.rewrite(se.Sel.Pos(), "promoted selector")
}

// printCall hands the builtins print and println to the shims, which print
// each argument as the Go runtime does: by its static type, which the
// rewrite passes along as one letter per argument (see shims.BuiltinPrint). The
// interpreter prints nil values and floats its own way.
func (r *compatRewriter) printCall(c *ast.CallExpr, name string) {
	var kinds strings.Builder
	for _, a := range c.Args {
		t := r.info.TypeOf(a)
		if tuple, ok := t.(*types.Tuple); ok {
			for v := range tuple.Variables() {
				kinds.WriteByte(printKind(v.Type()))
			}
			continue
		}
		kinds.WriteByte(printKind(t))
	}
	fn := "BuiltinPrint"
	if name == "println" {
		fn = "BuiltinPrintln"
	}
	text := r.runtimeShim(fn) + "(" + strconv.Quote(kinds.String())
	if len(c.Args) > 0 {
		text += ", "
	}
	r.replace(c.Fun.Pos(), c.Lparen+1, text)
	r.rewrite(c.Pos(), "builtin "+name)
}

// printKind is the letter shims.Print knows a static type by.
func printKind(t types.Type) byte {
	if t == nil {
		return 'I'
	}
	if types.IsInterface(t) {
		return 'I'
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Kind() == types.UntypedNil:
			return 'I'
		case u.Info()&types.IsBoolean != 0:
			return 'b'
		case u.Info()&types.IsUnsigned != 0:
			return 'u'
		case u.Info()&types.IsInteger != 0:
			return 'i'
		case u.Kind() == types.Float32:
			return 'g'
		case u.Info()&types.IsFloat != 0:
			return 'f'
		case u.Kind() == types.Complex64:
			return 'C'
		case u.Info()&types.IsComplex != 0:
			return 'c'
		case u.Info()&types.IsString != 0:
			return 's'
		case u.Kind() == types.UnsafePointer:
			return 'P'
		}
	case *types.Slice:
		return 'S'
	}
	return 'P'
}

// ioCopy rewrites io.Copy and io.CopyBuffer of program values into
// interpreted code that prefers the source's WriteTo and the destination's
// ReadFrom, as io.Copy does: native io.Copy cannot see those methods on a
// program value.
func (r *compatRewriter) ioCopy(c *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	if len(c.Args) < 2 || c.Ellipsis.IsValid() {
		return
	}
	dt, st := r.info.TypeOf(c.Args[0]), r.info.TypeOf(c.Args[1])
	if dt == nil || st == nil || !r.holds(dt) && !r.holds(st) {
		return
	}
	ioName, ok := r.imports["io"]
	if !ok || ioName == "." || ioName == "_" {
		return
	}
	var writerTo, readerFrom types.Type
	for _, p := range r.pkg.Imports() {
		if p.Path() == "io" {
			writerTo = p.Scope().Lookup("WriterTo").Type()
			readerFrom = p.Scope().Lookup("ReaderFrom").Type()
		}
	}
	if writerTo == nil || readerFrom == nil {
		return
	}
	name := r.helperNamed("ioCopy "+fn.Name(), "ioCopy", func(h string) string {
		params, call := "_dst "+ioName+".Writer, _src "+ioName+".Reader", ioName+".Copy(_dst, _src)"
		if fn.Name() == "CopyBuffer" {
			params, call = params+", _buf []byte", ioName+".CopyBuffer(_dst, _src, _buf)"
		}
		return "func " + h + "(" + params + ") (int64, error) { " +
			r.programMethodCall("_src", writerTo, "WriteTo(_dst)") +
			r.programMethodCall("_dst", readerFrom, "ReadFrom(_src)") +
			"if _wt, _ok := _src.(" + ioName + ".WriterTo); _ok { return _wt.WriteTo(_dst) }; " +
			"if _rf, _ok := _dst.(" + ioName + ".ReaderFrom); _ok { return _rf.ReadFrom(_src) }; " +
			"return " + call + " }"
	})
	r.replace(c.Fun.Pos(), c.Fun.End(), name)
	r.rewrite(c.Pos(), "io.Copy of a program value")
}

// programMethodCall writes statements that return x.call when x holds a
// value of a program type implementing iface, found by the value's Go
// type (shims.Is): a program value handed through a native interface such
// as io.Reader shows native code and interface assertions only that
// interface's methods.
func (r *compatRewriter) programMethodCall(x string, iface types.Type, call string) string {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return ""
	}
	var b strings.Builder
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, isType := scope.Lookup(name).(*types.TypeName)
		if !isType || tn.IsAlias() {
			continue
		}
		named, isNamed := tn.Type().(*types.Named)
		if !isNamed || named.TypeParams().Len() > 0 || isInterface(named) {
			continue
		}
		for _, c := range []types.Type{named, types.NewPointer(named)} {
			if !types.Implements(c, it) {
				continue
			}
			cs, ok := r.typeString(c)
			if !ok {
				continue
			}
			b.WriteString("if " + r.isShim(c) + "(" + x + ", " + strconv.Quote(reflectName(c)) + ", *new(" + cs + ")) { var _t " + cs +
				"; " + r.runtimeShim("Take") + "(" + x + ", &_t); return _t." + call + " }; ")
		}
	}
	return b.String()
}

// pullTypeArgs returns the type arguments to instantiate the helper
// standing for iter.Pull or iter.Pull2 with, e naming the function: none
// where the program gives them all, which the interpreter cannot infer.
func (r *compatRewriter) pullTypeArgs(e ast.Expr, stack []ast.Node) (string, bool) {
	id, ok := e.(*ast.Ident)
	if sel, isSel := e.(*ast.SelectorExpr); isSel {
		id, ok = sel.Sel, true
	}
	if !ok {
		return "", false
	}
	inst, ok := r.info.Instances[id]
	if !ok {
		return "", false
	}
	switch p := parent(stack).(type) {
	case *ast.IndexExpr:
		if p.X == e {
			return "", inst.TypeArgs.Len() == 1
		}
	case *ast.IndexListExpr:
		if p.X == e {
			return "", inst.TypeArgs.Len() == len(p.Indices)
		}
	}
	var args []string
	for t := range inst.TypeArgs.Types() {
		s, ok := r.typeString(t)
		if !ok {
			return "", false
		}
		args = append(args, s)
	}
	return "[" + strings.Join(args, ", ") + "]", true
}

// pullHelpers are the program's own iter.Pull and iter.Pull2, whose
// coroutines the interpreter cannot run: the iterator runs in a goroutine
// that hands each value over and waits for the next request. As with
// iter.Pull, a panic in the iterator reaches the caller of next or stop,
// and a yield after stop returns false. %s stands for the helper's name.
var pullHelpers = map[string]string{
	"Pull": "func %s[V any](seq func(func(V) bool)) (func() (V, bool), func()) { " +
		"req := make(chan bool); res := make(chan V); var pv any; started, finished, stopped := false, false, false; " +
		"run := func() { defer close(res); defer func() { pv = recover() }(); if !<-req { return }; " +
		"seq(func(v V) bool { if stopped { return false }; res <- v; if !<-req { stopped = true; return false }; return true }) }; " +
		"next := func() (V, bool) { var zero V; if finished { return zero, false }; if !started { started = true; go run() }; " +
		"req <- true; v, ok := <-res; if !ok { finished = true; if pv != nil { panic(pv) }; return zero, false }; return v, true }; " +
		"stop := func() { if finished { return }; finished = true; if !started { return }; req <- false; for range res { }; if pv != nil { panic(pv) } }; " +
		"return next, stop }",
	"Pull2": "func %s[K, V any](seq func(func(K, V) bool)) (func() (K, V, bool), func()) { " +
		"req := make(chan bool); resK := make(chan K); resV := make(chan V); var pv any; started, finished, stopped := false, false, false; " +
		"run := func() { defer close(resK); defer func() { pv = recover() }(); if !<-req { return }; " +
		"seq(func(k K, v V) bool { if stopped { return false }; resK <- k; resV <- v; if !<-req { stopped = true; return false }; return true }) }; " +
		"next := func() (K, V, bool) { var zk K; var zv V; if finished { return zk, zv, false }; if !started { started = true; go run() }; " +
		"req <- true; k, ok := <-resK; if !ok { finished = true; if pv != nil { panic(pv) }; return zk, zv, false }; return k, (<-resV), true }; " +
		"stop := func() { if finished { return }; finished = true; if !started { return }; req <- false; for range resK { }; if pv != nil { panic(pv) } }; " +
		"return next, stop }",
}

// sigParts writes a signature for a function literal that passes its
// parameters on: the parameters as the literal declares them ("_a0 int",
// "_a1 ...string"), the arguments that pass them ("_a0", "_a1..."), and
// the results' types. It reports false when a type cannot be written.
func (r *compatRewriter) sigParts(sig *types.Signature) (params, args, results []string, ok bool) {
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		a, dots := "_a"+strconv.Itoa(i), ""
		if sig.Variadic() && i == sig.Params().Len()-1 {
			t, dots = t.(*types.Slice).Elem(), "..."
		}
		ts, ok := r.typeString(t)
		if !ok {
			return nil, nil, nil, false
		}
		params = append(params, a+" "+dots+ts)
		args = append(args, a+dots)
	}
	for i := range sig.Results().Len() {
		ts, ok := r.typeString(sig.Results().At(i).Type())
		if !ok {
			return nil, nil, nil, false
		}
		results = append(results, ts)
	}
	return params, args, results, true
}
