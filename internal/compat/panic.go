package compat

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"
)

// The interpreter panics with its own reflect.Value of the program's
// value. recover() then returns that reflect.Value, so r.(string) and
// r.(error) fail; and when the panic ends the program, a program error
// value is reported by its fields, not its Error text, as native code
// cannot reach the methods of program types.
//
// recover() becomes a call of an interpreted helper around it, which
// unwraps the reflect.Value through the shims. panic(e), e of a program
// type implementing error, panics (natively, from the shims) with a
// shims.ErrorPanic that formats as e.Error() when it is reported, and the
// helpers keep e itself in a table of the program, from which the recover
// helper returns it: the program sees the value it panicked with, with its
// type and methods, while the report shows its Error text. The panic call
// stays as written around the helper, which never returns, so the
// statement still ends its block for the type checker.

// recoverCall passes the value a recover() call returns through the
// helper, unless the call discards it.
func (r *compatRewriter) recoverCall(c *ast.CallExpr, stack []ast.Node) {
	switch parent(stack).(type) {
	case *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt:
		return
	}
	r.prefix(c.Pos(), r.panicHelpers()+"(", len(stack))
	r.suffix(c.End(), ")", len(stack))
	r.rewrite(c.Pos(), "recover")
}

// panicCall makes panic(v) panic with a shims.ErrorPanic standing for v,
// which reports v as Go's runtime does (an error's Error text, a
// Stringer's String, main.Level(3) for a named integer) with the position
// of the call, while recover() hands the program v itself.
func (r *compatRewriter) panicCall(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) != 1 || c.Ellipsis.IsValid() {
		return
	}
	if tv, ok := r.info.Types[c.Args[0]]; ok && tv.IsNil() {
		return
	}
	t := types.Default(r.info.TypeOf(c.Args[0]))
	if t == nil {
		return
	}
	ts, ok := r.typeString(t)
	if !ok {
		return
	}
	r.panicHelpers()
	keep := r.helpers["panicKeep"]
	name := r.helperNamed("panic "+typeKey(t), "panic", func(name string) string {
		return "func " + name + "(_v " + ts + ", _l, _c int) any { return " + keep + "(_v, func() string { return " +
			r.runtimeShim("PanicText") + "(_v, " + strconv.Quote(r.ref(t)) + ") }, " + strconv.Quote(reflectName(t)) + ", _l, _c) }"
	})
	pos := r.pos(c.Pos())
	r.prefix(c.Args[0].Pos(), name+"(", len(stack))
	r.suffix(c.Args[0].End(), ", "+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+")", len(stack))
	r.rewrite(c.Pos(), "panic")
}

// panicHelpers declares the table of error values the program panicked
// with and its two helpers, and returns the name of the recover helper.
func (r *compatRewriter) panicHelpers() string {
	shim := r.runtimeShim("")
	table := r.helper("panics", func(name string) string {
		return "var " + name + " = map[*" + shim + "ErrorPanic]any{}"
	})
	lock := r.helper("panicsLock", func(name string) string {
		return "var " + name + " = make(chan bool, 1)"
	})
	r.helper("panicKeep", func(name string) string {
		return "func " + name + "(_v any, _msg func() string, _type string, _l, _c int) any { _p := " + shim + "NewErrorPanic(_msg, _type, _l, _c); " +
			lock + " <- true; " + table + "[_p] = _v; <-" + lock + "; " + shim + "Raise(_p); return _p }"
	})
	return r.helper("recovered", func(name string) string {
		return "func " + name + "(_r any) any { _r = " + shim + "Recovered(_r); " +
			"if _p, _ok := _r.(*" + shim + "ErrorPanic); _ok { " + lock + " <- true; _v, _found := " + table + "[_p]; delete(" + table + ", _p); <-" + lock + "; " +
			"if _found { return _v } }; return _r }"
	})
}

// goStmt makes a panic that ends a goroutine end the program as it ends
// main: reported with Go's message and its position. The interpreter would
// crash the process from the goroutine, and the report would have the
// interpreter's words. The goroutine's function literal, or a literal
// calling the function with the arguments evaluated by the go statement,
// defers a shim that reports the panic and exits.
func (r *compatRewriter) goStmt(g *ast.GoStmt, stack []ast.Node) {
	recovered := r.panicHelpers()
	handler := "defer func() { " + r.runtimeShim("GoPanic") + "(" + recovered + "(recover())) }(); "
	if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
		r.suffix(lit.Body.Lbrace+1, " "+handler, 0)
		r.rewrite(g.Pos(), "panic in a goroutine")
		return
	}
	if g.Call.Ellipsis.IsValid() {
		return
	}
	sig, ok := r.info.TypeOf(g.Call.Fun).Underlying().(*types.Signature)
	if !ok || sig.Variadic() || sig.Params().Len() != len(g.Call.Args) || !r.pure(g.Call.Fun) {
		return
	}
	var params, names []string
	for i := range sig.Params().Len() {
		ts, ok := r.typeString(sig.Params().At(i).Type())
		if !ok {
			return
		}
		name := "_g" + strconv.Itoa(i)
		params = append(params, name+" "+ts)
		names = append(names, name)
	}
	r.prefix(g.Call.Pos(), "func("+strings.Join(params, ", ")+") { "+handler+r.text(g.Call.Fun)+"("+strings.Join(names, ", ")+") }(", len(stack))
	r.replace(g.Call.Fun.Pos(), g.Call.Lparen+1, "")
	r.rewrite(g.Pos(), "panic in a goroutine")
}
