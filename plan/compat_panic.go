package plan

import (
	"go/ast"
	"go/types"
	"strconv"
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

// panicCall makes panic(e), e of a program type implementing error, panic
// with an ErrorPanic standing for e. An error interface is left alone: it
// is reported by its Error text already, and the interpreter loses the
// type inside an interface value passed through the helpers.
func (r *compatRewriter) panicCall(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) != 1 || c.Ellipsis.IsValid() {
		return
	}
	t := r.info.TypeOf(c.Args[0])
	if !r.isProgramError(t) {
		return
	}
	ts, ok := r.typeString(t)
	if !ok {
		return
	}
	r.panicHelpers()
	keep := r.helpers["panicKeep"]
	name := r.helperNamed("panic "+ts, "panic", func(name string) string {
		return "func " + name + "(_v " + ts + ") any { return " + keep + "(_v, _v.Error, " + strconv.Quote(types.TypeString(t, nil)) + ") }"
	})
	r.prefix(c.Args[0].Pos(), name+"(", len(stack))
	r.suffix(c.Args[0].End(), ")", len(stack))
	r.rewrite(c.Pos(), "panic with a program error")
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
		return "func " + name + "(_v any, _msg func() string, _type string) any { _p := " + shim + "NewErrorPanic(_msg, _type); " +
			lock + " <- true; " + table + "[_p] = _v; <-" + lock + "; " + shim + "Raise(_p); return _p }"
	})
	return r.helper("recovered", func(name string) string {
		return "func " + name + "(_r any) any { _r = " + shim + "Recovered(_r); " +
			"if _p, _ok := _r.(*" + shim + "ErrorPanic); _ok { " + lock + " <- true; _v, _found := " + table + "[_p]; delete(" + table + ", _p); <-" + lock + "; " +
			"if _found { return _v } }; return _r }"
	})
}
