package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// The interpreter evaluates the function value and the arguments of a
// deferred call when the defer statement runs, but keeps references to
// the variables instead of their values: a deferred call sees what they
// hold when it runs. So
//
//	x := 10
//	defer fmt.Println("x:", x)
//	x = 20
//
// prints 20. The rewrite copies, on the defer's line, every operand whose
// value may differ by then into fresh variables, and defers the call on
// them:
//
//	{ _d1 := x; defer fmt.Println("x:", _d1) }
//
// A variable declared by := gets new storage each time the declaration
// runs, so this also gives each iteration of a loop its own values.
// Operands that cannot change are left alone: constants, function
// literals, functions, and variables nothing assigns after their
// declaration (so defer mu.Unlock() and defer cancel() stay as written).

// pendingDefer is a defer statement to rewrite once every other rule has
// placed its edits, since the operands move with the edits inside them.
type pendingDefer struct {
	stmt  *ast.DeferStmt
	fn    ast.Node // the function whose defer it is: *ast.FuncDecl or *ast.FuncLit
	loop  ast.Node // the innermost loop around the defer in its function, or nil
	depth int      // len of the statement's stack
	// captures are the variables of the loop that the deferred function
	// literal uses, passed to it as arguments instead.
	captures []*types.Var
}

// deferStmt queues a defer statement for finishDefers, and reports a
// deferred function literal inside a loop that uses a variable of the
// loop: the interpreter creates the literal when the call runs, so every
// such call would see the last iteration's variables.
func (r *compatRewriter) deferStmt(d *ast.DeferStmt, stack []ast.Node) {
	var loop, fn ast.Node
loops:
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			fn = s
			break loops
		case *ast.ForStmt:
			if loop == nil {
				loop = s
			}
		case *ast.RangeStmt:
			if r.isFuncRange(s) {
				return // reported by the range-over-func rewrite
			}
			if loop == nil {
				loop = s
			}
		}
	}
	var captures []*types.Var
	if loop != nil {
		if id := r.loopVarInLiteral(d.Call, loop); id != nil {
			if captures = r.loopCaptures(d.Call, loop); captures != nil {
				r.defers = append(r.defers, pendingDefer{stmt: d, fn: fn, loop: loop, depth: len(stack), captures: captures})
				return
			}
			t, ok := r.typeString(r.info.TypeOf(id))
			if !ok {
				t = "T"
			}
			r.unsupported(d.Pos(), "defer of a function literal using "+id.Name+", a variable of the enclosing loop, is not supported: the interpreter would run every deferred call with the last iteration's "+id.Name,
				"pass the value as an argument, defer func("+id.Name+" "+t+") { ... }("+id.Name+"), or move the loop body into a function literal called in the loop")
			return
		}
	}
	r.defers = append(r.defers, pendingDefer{stmt: d, fn: fn, loop: loop, depth: len(stack)})
}

// loopVarInLiteral returns a variable declared in loop that a function
// literal of call refers to, or nil.
func (r *compatRewriter) loopVarInLiteral(call *ast.CallExpr, loop ast.Node) *ast.Ident {
	var found *ast.Ident
	ast.Inspect(call, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || found != nil {
			return found == nil
		}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && found == nil {
				if v, ok := r.info.Uses[id].(*types.Var); ok && declaredIn(v, loop) && !declaredIn(v, lit) {
					found = id
				}
			}
			return found == nil
		})
		return false
	})
	return found
}

// loopCaptures returns the variables of loop that the deferred function
// literal call.Fun uses, when the literal can take them as arguments
// instead: nothing in the loop's body changes them (so the value each
// iteration's variable holds at the defer is the one it ends with), their
// types can be written, and no other literal of the call uses the loop's
// variables. It returns nil otherwise.
func (r *compatRewriter) loopCaptures(call *ast.CallExpr, loop ast.Node) []*types.Var {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return nil
	}
	for _, a := range call.Args {
		if r.loopVarInLiteral(&ast.CallExpr{Fun: a}, loop) != nil {
			return nil
		}
	}
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	var vars []*types.Var
	seen := map[*types.Var]bool{}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := r.info.Uses[id].(*types.Var); ok && !seen[v] && declaredIn(v, loop) && !declaredIn(v, lit) {
				seen[v] = true
				vars = append(vars, v)
			}
		}
		return true
	})
	changed := map[types.Object]bool{}
	r.inspectChanges(body, changed)
	for _, v := range vars {
		if changed[v] {
			return nil
		}
		if _, ok := r.typeString(v.Type()); !ok {
			return nil
		}
	}
	return vars
}

// declaredIn reports whether the object obj is declared inside n.
func declaredIn(obj types.Object, n ast.Node) bool {
	return n.Pos() <= obj.Pos() && obj.Pos() < n.End()
}

// finishDefers rewrites the queued defer statements, innermost first, so
// an operand that holds another rewritten defer moves with it.
func (r *compatRewriter) finishDefers() {
	sort.SliceStable(r.defers, func(i, j int) bool { return r.defers[i].stmt.Pos() > r.defers[j].stmt.Pos() })
	deferring := map[ast.Node][]*ast.DeferStmt{}
	var fns []ast.Node
	for _, d := range r.defers {
		r.deferCopies(d)
		if d.fn == nil {
			continue
		}
		if deferring[d.fn] == nil {
			fns = append(fns, d.fn)
		}
		deferring[d.fn] = append(deferring[d.fn], d.stmt)
	}
	for _, fn := range fns {
		r.deferredClosures(fn, deferring[fn])
	}
}

// deferredClosures moves the creation of the function literals that the
// deferred calls of fn may call out of fn's frame. The interpreter holds a
// lock on a function's frame while its deferred calls run, and a closure
// takes the lock of the frame that created it when it returns: calling,
// from a deferred call, a closure that fn created, as in
//
//	cleanup := func() { ... }
//	defer cleanup()
//
// deadlocks. A literal assigned to a variable the deferred calls use is
// created by a function literal called in place instead:
//
//	cleanup := func() func() { return func() { ... } }()
func (r *compatRewriter) deferredClosures(fn ast.Node, stmts []*ast.DeferStmt) {
	used := map[types.Object]bool{}
	for _, d := range stmts {
		ast.Inspect(d.Call, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := r.info.Uses[id].(*types.Var); ok {
					used[v] = true
				}
			}
			return true
		})
	}
	var body *ast.BlockStmt
	switch f := fn.(type) {
	case *ast.FuncDecl:
		body = f.Body
	case *ast.FuncLit:
		body = f.Body
	}
	wrap := func(lhs []ast.Expr, names []*ast.Ident, rhs []ast.Expr) {
		for i, e := range rhs {
			lit, ok := ast.Unparen(e).(*ast.FuncLit)
			if !ok {
				continue
			}
			var obj types.Object
			switch {
			case i < len(lhs):
				if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok {
					obj = r.info.ObjectOf(id)
				}
			case i < len(names):
				obj = r.info.ObjectOf(names[i])
			}
			if obj == nil || !used[obj] {
				continue
			}
			typ, ok := r.typeString(r.info.TypeOf(lit))
			if !ok {
				continue
			}
			r.prefix(lit.Pos(), "func() "+typ+" { return ", 0)
			r.suffix(lit.End(), " }()", 0)
			r.rewrite(lit.Pos(), "closure called by a deferred call")
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its closures belong to its own frame
		case *ast.AssignStmt:
			wrap(n.Lhs, nil, n.Rhs)
		case *ast.ValueSpec:
			wrap(nil, n.Names, n.Values)
		}
		return true
	})
}

// deferOperand is an operand of a deferred call to copy: the expression,
// how to write it in the copy (%s stands for its source), and how many
// values it has.
type deferOperand struct {
	expr   ast.Expr
	format string
	values int
}

// deferCopies copies the operands of one deferred call that may change
// before the call runs.
func (r *compatRewriter) deferCopies(d pendingDefer) {
	call := d.stmt.Call
	var ops []deferOperand
	if op, ok := r.deferFunc(call, d.loop); ok {
		ops = append(ops, op)
	}
	var tuple *types.Tuple
	if len(call.Args) == 1 {
		tuple, _ = r.info.TypeOf(call.Args[0]).(*types.Tuple)
	}
	if tuple != nil && tuple.Len() > 1 {
		// f(g()) with g returning several values: copy them all.
		ops = append(ops, deferOperand{expr: call.Args[0], format: "%s", values: tuple.Len()})
	} else {
		for _, a := range call.Args {
			if format, ok := r.deferArg(a, d.loop); ok {
				ops = append(ops, deferOperand{expr: a, format: format, values: 1})
			}
		}
	}
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok && call.Ellipsis.IsValid() {
		// The interpreter loses the spread of a deferred call: the
		// literal takes the slice instead.
		ps := lit.Type.Params.List
		if dots, ok := ps[len(ps)-1].Type.(*ast.Ellipsis); ok {
			r.replace(dots.Pos(), dots.Pos()+3, "[]")
			r.replace(call.Ellipsis, call.Ellipsis+3, "")
			r.rewrite(d.stmt.Pos(), "deferred call spreading a slice")
		}
	} else if fn := funcOperand(call, ops); call.Ellipsis.IsValid() || d.loop != nil && (fn != nil && fn.expr != call.Fun || r.wrappedCopy(call, ops)) {
		r.deferWrap(d, fn)
		return
	}
	var names, values []string
	if len(d.captures) > 0 {
		// The literal takes the loop's variables as its first parameters.
		lit := ast.Unparen(call.Fun).(*ast.FuncLit)
		var params, args []string
		for _, v := range d.captures {
			t, _ := r.typeString(v.Type())
			name := r.name("d")
			params = append(params, v.Name()+" "+t)
			args = append(args, name)
			names = append(names, name)
			values = append(values, v.Name())
		}
		sep := func(more bool) string {
			if more {
				return ", "
			}
			return ""
		}
		r.prefix(lit.Type.Params.Opening+1, strings.Join(params, ", ")+sep(len(lit.Type.Params.List) > 0), d.depth+1)
		r.prefix(call.Lparen+1, strings.Join(args, ", ")+sep(len(call.Args) > 0), d.depth+1)
	}
	for _, op := range ops {
		text, ok := r.take(op.expr)
		if !ok {
			continue // spans lines, or another rewrite straddles it: left as it is
		}
		var opNames []string
		for range op.values {
			opNames = append(opNames, r.name("d"))
		}
		names = append(names, opNames...)
		values = append(values, strings.Replace(op.format, "%s", text, 1))
		r.replace(op.expr.Pos(), op.expr.End(), strings.Join(opNames, ", "))
	}
	if len(names) == 0 {
		return
	}
	r.prefix(d.stmt.Pos(), "{ "+strings.Join(names, ", ")+" := "+strings.Join(values, ", ")+"; ", d.depth)
	r.suffix(d.stmt.End(), " }", d.depth)
	r.rewrite(d.stmt.Pos(), "deferred call's arguments evaluated at the defer")
}

// deferWrap rewrites a deferred call into a deferred function literal
// that makes the call, with the parts that must be taken at the defer as
// the literal's arguments, which the interpreter evaluates there. Two
// calls need it:
//
//   - a call spreading a slice, f(xs...): the interpreter loses the
//     spread of a deferred call, so the literal takes the slice;
//   - a method call in a loop whose receiver is copied: the interpreter
//     reads the receiver of a deferred method call from its variable when
//     the call runs, and a block in a loop reuses its variables' storage
//     in every iteration, so every call would get the last receiver.
//
// So in a loop
//
//	defer r.Logf(format, xs...)
//
// becomes
//
//	{ _d1, _d2, _d3 := r, format, xs; defer func(_r *T, _a0 string, _a1 []any) { _r.Logf(_a0, _a1...) }(_d1, _d2, _d3) }
//
// fn is the copy of the function value or the method's receiver, if any.
// A function of the program that recovers would no longer be called by
// the deferred call itself: it is reported instead.
func (r *compatRewriter) deferWrap(d pendingDefer, fn *deferOperand) {
	call := d.stmt.Call
	fail := func(why string) {
		r.unsupported(d.stmt.Pos(), "this deferred call "+why,
			"defer a function literal making the call, taking what it needs as arguments: defer func(...) { ... }(...)")
	}
	sig, ok := r.info.TypeOf(call.Fun).Underlying().(*types.Signature)
	if !ok {
		fail("is not supported: its function cannot be determined")
		return
	}
	if f, ok := r.calledFunc(call.Fun).(*types.Func); ok && f.Pkg() == r.pkg && r.recovers(f) {
		r.unsupported(d.stmt.Pos(), "this deferred call is not supported here: "+f.Name()+" calls recover, which returns nil unless the deferred call is the function itself",
			"recover in a deferred function literal of its own, defer func() { if r := recover(); r != nil { ... } }(), and pass what it recovers on")
		return
	}
	if len(call.Args) == 1 && sig.Params().Len() > 1 {
		fail("with a multi-valued argument is not supported")
		return
	}
	var params, names, values, args []string
	callee := ""
	switch {
	case fn != nil && fn.expr == call.Fun:
		ft, ok := r.typeString(r.info.TypeOf(call.Fun))
		if !ok {
			fail("is not supported: its function's type cannot be written")
			return
		}
		params = append(params, "_f "+ft)
		callee = "_f"
	case fn != nil:
		se := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		recvType := r.info.TypeOf(fn.expr)
		switch fn.format {
		case "&(%s)":
			recvType = types.NewPointer(recvType)
		case "*(%s)":
			recvType = recvType.Underlying().(*types.Pointer).Elem()
		}
		rt, ok := r.typeString(recvType)
		if !ok {
			fail("is not supported: its receiver's type cannot be written")
			return
		}
		params = append(params, "_r "+rt)
		callee = "_r." + se.Sel.Name
	}
	// The literal takes each argument with its own type, and the
	// wrappers other rules put around the argument move into the literal:
	// a conversion to an interface at the defer would refer to the copy's
	// variable, which the next iteration of a loop overwrites.
	for i, a := range call.Args {
		name := "_a" + strconv.Itoa(i)
		tv := r.info.Types[a]
		t := types.Default(tv.Type)
		if tv.IsNil() || t == nil {
			t = paramType(sig, i, call.Ellipsis.IsValid())
		}
		ts, ok := r.typeString(t)
		if !ok {
			fail("is not supported: the type of an argument cannot be written")
			return
		}
		params = append(params, name+" "+ts)
		pre, suf, ok := r.takeBounds(a)
		if !ok {
			fail("is not supported: an argument is rewritten in parts")
			return
		}
		arg := pre + name + suf
		if i == len(call.Args)-1 && call.Ellipsis.IsValid() {
			arg += "..."
		}
		args = append(args, arg)
	}
	if fn != nil {
		text, ok := r.take(fn.expr)
		if !ok {
			fail("is not supported: its function spans lines")
			return
		}
		names = append(names, r.name("d"))
		values = append(values, strings.Replace(fn.format, "%s", text, 1))
	} else {
		text, ok := r.take(call.Fun)
		if !ok {
			fail("is not supported: its function spans lines")
			return
		}
		callee = text
	}
	for _, a := range call.Args {
		if format, ok := r.deferArg(a, d.loop); ok {
			at, ok := r.take(a)
			if !ok {
				continue
			}
			n := r.name("d")
			names = append(names, n)
			values = append(values, strings.Replace(format, "%s", at, 1))
			r.replace(a.Pos(), a.End(), n)
		}
	}
	if call.Ellipsis.IsValid() {
		r.replace(call.Ellipsis, call.Ellipsis+3, "")
	}
	r.cover(call.Fun.Pos(), call.Fun.End(), "func("+strings.Join(params, ", ")+") { "+callee+"("+strings.Join(args, ", ")+") }")
	if fn != nil {
		sep := ""
		if len(call.Args) > 0 {
			sep = ", "
		}
		r.prefix(call.Lparen+1, names[0]+sep, d.depth+1)
	}
	if len(names) > 0 {
		r.prefix(d.stmt.Pos(), "{ "+strings.Join(names, ", ")+" := "+strings.Join(values, ", ")+"; ", d.depth)
		r.suffix(d.stmt.End(), " }", d.depth)
	}
	r.rewrite(d.stmt.Pos(), "deferred call wrapped in a function literal")
}

// wrappedCopy reports whether an argument of call that ops copy is
// wrapped by another rule's insertions at its bounds: a conversion to an
// interface that would refer to the copy's variable.
func (r *compatRewriter) wrappedCopy(call *ast.CallExpr, ops []deferOperand) bool {
	for _, op := range ops {
		if op.expr.Pos() < call.Lparen {
			continue // the function or receiver
		}
		start, end := r.off(op.expr.Pos()), r.off(op.expr.End())
		for _, ed := range r.edits {
			if ed.start == ed.end && (ed.start == start && ed.class == editPrefix || ed.start == end && ed.class == editSuffix) {
				return true
			}
		}
	}
	return false
}

// paramType returns the type of the parameter the argument i of a call of
// sig goes to.
func paramType(sig *types.Signature, i int, spread bool) types.Type {
	n := sig.Params().Len()
	if sig.Variadic() && i >= n-1 {
		t := sig.Params().At(n - 1).Type()
		if spread {
			return t
		}
		return t.(*types.Slice).Elem()
	}
	return sig.Params().At(i).Type()
}

// takeBounds removes the insertions at the bounds of the argument a, which
// wrap it, and returns them: what goes before and what goes after. It
// fails, removing nothing, where they do not pair up: an insertion at a
// bound wraps a part of a.
func (r *compatRewriter) takeBounds(a ast.Expr) (string, string, bool) {
	start, end := r.off(a.Pos()), r.off(a.End())
	var bounds, rest []compatEdit
	for _, ed := range r.edits {
		if ed.start == ed.end && (ed.start == start && ed.class == editPrefix || ed.start == end && ed.class == editSuffix) {
			bounds = append(bounds, ed)
		} else {
			rest = append(rest, ed)
		}
	}
	sortEdits(bounds)
	var pre, suf strings.Builder
	for _, ed := range bounds {
		if ed.start == start {
			pre.WriteString(ed.text)
		} else {
			suf.WriteString(ed.text)
		}
	}
	open := func(s string) int {
		return strings.Count(s, "(") - strings.Count(s, ")") + strings.Count(s, "[") - strings.Count(s, "]") + strings.Count(s, "{") - strings.Count(s, "}")
	}
	if open(pre.String()) != -open(suf.String()) {
		return "", "", false
	}
	r.edits = rest
	return pre.String(), suf.String(), true
}

// funcOperand returns the operand of ops that copies the function value of
// call or its method's receiver, if any.
func funcOperand(call *ast.CallExpr, ops []deferOperand) *deferOperand {
	if len(ops) > 0 && ops[0].expr.Pos() >= call.Fun.Pos() && ops[0].expr.End() <= call.Fun.End() {
		return &ops[0]
	}
	return nil
}

// calledFunc returns the function or method a call of fun calls, if it is
// named: nil for a function value.
func (r *compatRewriter) calledFunc(fun ast.Expr) types.Object {
	switch f := ast.Unparen(fun).(type) {
	case *ast.SelectorExpr:
		if sel := r.info.Selections[f]; sel != nil {
			if sel.Kind() == types.FieldVal {
				return nil
			}
			return sel.Obj()
		}
		return r.info.Uses[f.Sel]
	case *ast.IndexExpr:
		return r.calledFunc(f.X)
	case *ast.IndexListExpr:
		return r.calledFunc(f.X)
	case *ast.Ident:
		if fn, ok := r.info.Uses[f].(*types.Func); ok {
			return fn
		}
	}
	return nil
}

// recovers reports whether the body of the program's function fn calls
// recover.
func (r *compatRewriter) recovers(fn *types.Func) bool {
	found := false
	for _, decl := range r.file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Body == nil || r.info.Defs[fd.Name] != fn {
			continue
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				if b, ok := r.objectOf(c.Fun).(*types.Builtin); ok && b.Name() == "recover" {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// deferFunc returns the part of the deferred function value to copy: a
// method's receiver, or a variable holding the function.
func (r *compatRewriter) deferFunc(call *ast.CallExpr, loop ast.Node) (deferOperand, bool) {
	fun := ast.Unparen(call.Fun)
	switch f := fun.(type) {
	case *ast.FuncLit, *ast.IndexExpr, *ast.IndexListExpr:
		return deferOperand{}, false // a literal, or an instantiated generic function
	case *ast.SelectorExpr:
		sel, ok := r.info.Selections[f]
		if !ok {
			break // a qualified identifier
		}
		if sel.Kind() != types.MethodVal {
			break // a field holding a function
		}
		recv := f.X
		recvType := r.info.TypeOf(recv)
		if ptrRecv(sel) && !isPointer(recvType) && !isInterface(recvType) {
			// The method takes the receiver's address, which does not
			// change for a variable declared outside any loop.
			if id, ok := ast.Unparen(recv).(*ast.Ident); ok && !r.mayChangeAddr(id, loop) {
				return deferOperand{}, false
			}
			return deferOperand{expr: recv, format: "&(%s)", values: 1}, true
		}
		if fn, ok := sel.Obj().(*types.Func); ok && !ptrRecv(sel) && isPointer(recvType) && !isInterface(fn.Signature().Recv().Type()) {
			// A value method through a pointer: the value is copied now.
			return deferOperand{expr: recv, format: "*(%s)", values: 1}, true
		}
		if !r.mayChange(recv, loop) {
			return deferOperand{}, false
		}
		return deferOperand{expr: recv, format: "%s", values: 1}, true
	}
	switch r.objectOf(fun).(type) {
	case *types.Func, *types.Builtin, *types.TypeName:
		return deferOperand{}, false
	}
	if !r.mayChange(fun, loop) {
		return deferOperand{}, false
	}
	return deferOperand{expr: fun, format: "%s", values: 1}, true
}

// deferArg reports whether the argument a of a deferred call must be
// copied, and how: an untyped comparison is converted to the type it was
// given.
func (r *compatRewriter) deferArg(a ast.Expr, loop ast.Node) (string, bool) {
	tv := r.info.Types[a]
	if tv.Value != nil || tv.IsNil() || tv.IsType() || tv.Type == nil {
		return "", false
	}
	if _, isLit := ast.Unparen(a).(*ast.FuncLit); isLit {
		return "", false
	}
	switch r.objectOf(a).(type) {
	case *types.Func, *types.Builtin:
		return "", false
	}
	if !r.mayChange(a, loop) {
		return "", false
	}
	if maybeUntypedBool(a) {
		t, ok := r.typeString(types.Default(tv.Type))
		if !ok {
			return "", false
		}
		return t + "(%s)", true
	}
	return "%s", true
}

// maybeUntypedBool reports whether e may be an untyped boolean value, which
// a copy would make a bool where the call expects another boolean type.
func maybeUntypedBool(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ, token.LAND, token.LOR:
			return true
		}
	case *ast.UnaryExpr:
		return e.Op == token.NOT
	}
	return false
}

// mayChange reports whether the value of e may differ between the defer
// statement and the deferred call: anything but a variable that nothing
// assigns after its declaration, declared outside the loop around the
// defer.
func (r *compatRewriter) mayChange(e ast.Expr, loop ast.Node) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return true
	}
	v, ok := r.info.Uses[id].(*types.Var)
	if !ok {
		return true
	}
	if loop != nil && declaredIn(v, loop) {
		return true
	}
	return r.changedVars()[v]
}

// mayChangeAddr reports whether the address of the variable id may differ
// between the defer statement and the deferred call: it does for a
// variable declared in the loop around the defer.
func (r *compatRewriter) mayChangeAddr(id *ast.Ident, loop ast.Node) bool {
	v, ok := r.info.Uses[id].(*types.Var)
	return !ok || loop != nil && declaredIn(v, loop)
}

// changedVars returns the variables the program may change after their
// declaration: assigned, incremented, ranged into, or whose address is
// taken, explicitly or by a method with a pointer receiver or a slice of
// an array. Changing part of a variable (a field, an element) counts.
func (r *compatRewriter) changedVars() map[types.Object]bool {
	if r.changed != nil {
		return r.changed
	}
	r.changed = map[types.Object]bool{}
	r.inspectChanges(r.file, r.changed)
	return r.changed
}

// inspectChanges records in changed the variables that root changes.
func (r *compatRewriter) inspectChanges(root ast.Node, changed map[types.Object]bool) {
	mark := func(e ast.Expr) {
		for {
			switch x := e.(type) {
			case *ast.ParenExpr:
				e = x.X
				continue
			case *ast.SelectorExpr:
				if _, isSel := r.info.Selections[x]; isSel {
					e = x.X
					continue
				}
			case *ast.IndexExpr:
				e = x.X
				continue
			case *ast.StarExpr:
				e = x.X
				continue
			case *ast.Ident:
				if v, ok := r.info.Uses[x].(*types.Var); ok {
					changed[v] = true
				}
			}
			return
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				mark(l) // a := redeclaring a variable records it as a use
			}
		case *ast.IncDecStmt:
			mark(n.X)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				mark(n.X)
			}
		case *ast.SliceExpr:
			if isArray(r.info.TypeOf(n.X)) {
				mark(n.X)
			}
		case *ast.SelectorExpr:
			if sel := r.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && ptrRecv(sel) && !isPointer(r.info.TypeOf(n.X)) {
				mark(n.X)
			}
		}
		return true
	})
}

// take returns the source of e with the edits inside it applied, and
// removes those edits, so e can be written elsewhere; insertions at its
// bounds stay where they are. It fails when e spans lines or an edit
// straddles its bounds.
func (r *compatRewriter) take(e ast.Expr) (string, bool) {
	start, end := r.off(e.Pos()), r.off(e.End())
	var inside, rest []compatEdit
	for _, ed := range r.edits {
		switch {
		case ed.start == ed.end && (ed.start == start || ed.start == end):
			// An insertion at a bound wraps e, or belongs to its
			// neighbours: it stays, around the name e is replaced by. A
			// wrapper converting e to an interface must apply to the copy:
			// the interpreter's interface value of a program variable
			// refers to the variable, not to its value.
			rest = append(rest, ed)
		case ed.start >= start && ed.end <= end:
			inside = append(inside, ed)
		case ed.end <= start || ed.start >= end:
			rest = append(rest, ed)
		default:
			return "", false
		}
	}
	sortEdits(inside)
	var b strings.Builder
	last := start
	for _, ed := range inside {
		if ed.start < last {
			return "", false
		}
		b.Write(r.src[last:ed.start])
		b.WriteString(ed.text)
		last = ed.end
	}
	b.Write(r.src[last:end])
	text := b.String()
	if strings.ContainsAny(text, "\n\r") {
		return "", false
	}
	r.edits = rest
	return text, true
}
