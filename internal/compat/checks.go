package compat

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// The interpreter indexes, divides and writes maps through reflect and its
// own code: out of range it panics with reflect's words and no position
// ("reflect: slice index out of range"), where Go says "runtime error:
// index out of range [5] with length 3" at the program's line. Where an
// index is not evidently in range, where an integer is divided by a
// variable, and where a map that may be nil is written, the rewrite checks
// first, with a shim that panics as Go does at the operation's position:
//
//	xs[i]         xs[shims.Bound(i, len(xs), 12, 9)]
//	a / b         a / int(shims.NonZero(int64(b), 12, 9))
//	m[k] = v      shims.MapWrite(m == nil, 12, 9); m[k] = v
//
// An index is evidently in range inside a loop over the same slice by that
// index variable, when the loop changes neither; a map is evidently not
// nil when every value the function gives it is made or a literal.

// indexCheck puts a bounds check around the index of ix.
func (r *compatRewriter) indexCheck(ix *ast.IndexExpr, stack []ast.Node) {
	if tv, ok := r.info.Types[ix.X]; !ok || tv.IsType() {
		return // an instantiation
	}
	xt := r.info.TypeOf(ix.X)
	if xt == nil {
		return
	}
	u := xt.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	length := int64(-1)
	switch u := u.(type) {
	case *types.Slice:
	case *types.Array:
		length = u.Len()
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return
		}
	default:
		return
	}
	it := r.info.Types[ix.Index]
	if it.Value != nil {
		if n, ok := constant.Int64Val(constant.ToInt(it.Value)); ok && length >= 0 && n < length {
			return // the type checker has checked it
		}
	}
	if !r.pure(ix.X) || r.inRangeLoop(ix, stack) {
		return
	}
	if r.hoistIndexCheck(ix, it, stack) {
		return
	}
	open := r.runtimeShim("Bound") + "("
	close := ", len(" + r.text(ix.X) + "), "
	if b, ok := it.Type.Underlying().(*types.Basic); ok && b.Kind() != types.Int && b.Kind() != types.UntypedInt {
		open += "int("
		close = ")" + close
	}
	pos := r.pos(ix.Pos())
	r.checkAround(ix.Index.Pos(), ix.Index.End(), open, close+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+")", len(stack))
}

// sortLess reports whether lit is the less function of sort.Slice,
// sort.SliceStable or sort.SliceIsSorted over the slice x, and i one of its
// parameters, which the sort package passes in range; neither x nor i
// changes in the function.
func (r *compatRewriter) sortLess(lit *ast.FuncLit, parent ast.Node, x, i types.Object) bool {
	c, ok := parent.(*ast.CallExpr)
	if !ok || len(c.Args) != 2 || c.Args[1] != lit {
		return false
	}
	fn, ok := r.objectOf(ast.Unparen(c.Fun)).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sort" {
		return false
	}
	switch fn.Name() {
	case "Slice", "SliceStable", "SliceIsSorted":
	default:
		return false
	}
	arg, ok := ast.Unparen(c.Args[0]).(*ast.Ident)
	if !ok || r.info.Uses[arg] != x {
		return false
	}
	isParam := false
	for _, f := range lit.Type.Params.List {
		for _, name := range f.Names {
			isParam = isParam || r.info.Defs[name] == i
		}
	}
	return isParam && !r.changes(lit.Body, x) && !r.changes(lit.Body, i)
}

// hoistIndexCheck checks the index of ix in interpreted code before the
// statement holding it (hoistable): a call of the Bound shim costs several
// times the interpreted comparison.
//
//	composite[j] = true     if j < 0 || j >= len(composite) { shims.BoundPanic(j, len(composite), 12, 4) }; composite[j] = true
func (r *compatRewriter) hoistIndexCheck(ix *ast.IndexExpr, it types.TypeAndValue, stack []ast.Node) bool {
	if !r.pure(ix.Index) {
		return false
	}
	stmt, ok := r.hoistable(ix, stack)
	if !ok {
		return false
	}
	index := r.text(ix.Index)
	if b, ok := it.Type.Underlying().(*types.Basic); ok && b.Kind() != types.Int && b.Kind() != types.UntypedInt {
		index = "int(" + index + ")"
	}
	n := "len(" + r.text(ix.X) + ")"
	if strings.Contains(index+n, "\n") {
		return false
	}
	pos := r.pos(ix.Pos())
	check := "if " + index + " < 0 || " + index + " >= " + n + " { " + r.runtimeShim("BoundPanic") + "(" + index + ", " + n + ", " +
		strconv.Itoa(pos.Line) + ", " + strconv.Itoa(pos.Col) + ") }; "
	// Inner checks first: a[b[i]] checks b[i], then a's index.
	r.check(stmt.Pos(), check, 1<<20-len(stack), true)
	return true
}

// hoistable returns the statement holding n, before which a check of n
// is the same as a check where n is evaluated: the statement calls nothing
// and receives nothing (only the panic could be seen), n is not behind &&
// or ||, and the statement stands in a block. stack holds n's ancestors;
// n may be the statement itself.
func (r *compatRewriter) hoistable(n ast.Node, stack []ast.Node) (ast.Stmt, bool) {
	path := append(append([]ast.Node{}, stack...), n)
	k := len(path) - 1
	for ; k >= 0; k-- {
		if _, ok := path[k].(ast.Stmt); ok {
			break
		}
		if b, ok := path[k].(*ast.BinaryExpr); ok && (b.Op == token.LAND || b.Op == token.LOR) && path[k+1] == b.Y {
			return nil, false // evaluated only if the left side allows
		}
		if _, ok := path[k].(*ast.FuncLit); ok {
			return nil, false
		}
	}
	if k < 1 {
		return nil, false
	}
	stmt := path[k].(ast.Stmt)
	var parts []ast.Node
	switch s := stmt.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.IncDecStmt, *ast.ReturnStmt, *ast.SendStmt:
		parts = []ast.Node{s}
	case *ast.IfStmt:
		parts = []ast.Node{s.Cond}
		if s.Init != nil {
			parts = append(parts, s.Init)
		}
	default:
		return nil, false
	}
	switch p := path[k-1].(type) {
	case *ast.BlockStmt, *ast.CaseClause:
	case *ast.CommClause:
		if p.Comm == stmt {
			return nil, false
		}
	default:
		return nil, false // an else-if, a loop's clause, a labelled statement
	}
	for _, part := range parts {
		if r.effects(part) {
			return nil, false
		}
	}
	return stmt, true
}

// effects reports whether evaluating n may do more than compute: call a
// function (other than a conversion or a builtin that only computes),
// receive, or create a function literal.
func (r *compatRewriter) effects(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.CallExpr:
			if tv, ok := r.info.Types[n.Fun]; ok && tv.IsType() {
				break
			}
			b, ok := r.objectOf(ast.Unparen(n.Fun)).(*types.Builtin)
			if !ok {
				found = true
				break
			}
			switch b.Name() {
			case "len", "cap", "min", "max", "real", "imag", "complex", "append":
			default:
				found = true
			}
		}
		return !found
	})
	return found
}

// pure reports whether evaluating e twice does nothing more than once: it
// is made of names, fields, indexes by such, dereferences and constants.
func (r *compatRewriter) pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[e]; ok && sel.Kind() != types.FieldVal {
			return false
		}
		return r.pure(e.X)
	case *ast.StarExpr:
		return r.pure(e.X)
	case *ast.IndexExpr:
		if t := r.info.TypeOf(e.X); t != nil {
			if _, isMap := t.Underlying().(*types.Map); isMap {
				return false // a missing key is no panic, but costs a lookup
			}
		}
		return r.pure(e.X) && r.pure(e.Index)
	case *ast.BinaryExpr:
		return r.pure(e.X) && r.pure(e.Y)
	case *ast.CallExpr:
		// A conversion of a pure operand, or len or cap of one.
		if len(e.Args) != 1 {
			return false
		}
		if tv, ok := r.info.Types[e.Fun]; ok && tv.IsType() {
			return r.pure(e.Args[0])
		}
		if b, ok := r.objectOf(ast.Unparen(e.Fun)).(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
			return r.pure(e.Args[0])
		}
	}
	return false
}

// inRangeLoop reports whether ix indexes, by the loop's own index
// variable, the slice a loop ranges over, and neither changes in the loop.
func (r *compatRewriter) inRangeLoop(ix *ast.IndexExpr, stack []ast.Node) bool {
	xid, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return false
	}
	iid, ok := ast.Unparen(ix.Index).(*ast.Ident)
	if !ok {
		return false
	}
	xobj, iobj := r.info.Uses[xid], r.info.Uses[iid]
	if xobj == nil || iobj == nil {
		return false
	}
	for k := len(stack) - 1; k >= 0; k-- {
		var body *ast.BlockStmt
		switch loop := stack[k].(type) {
		case *ast.FuncLit:
			return k > 0 && r.sortLess(loop, stack[k-1], xobj, iobj)
		case *ast.FuncDecl:
			return false
		case *ast.RangeStmt:
			key, ok := loop.Key.(*ast.Ident)
			if !ok || r.info.Defs[key] != iobj {
				continue
			}
			rx, ok := ast.Unparen(loop.X).(*ast.Ident)
			if !ok || r.info.Uses[rx] != xobj {
				return false
			}
			body = loop.Body
		case *ast.ForStmt:
			if !r.countsTo(loop, iobj, xobj) {
				continue
			}
			body = loop.Body
		default:
			continue
		}
		return !r.changes(body, xobj) && !r.changes(body, iobj)
	}
	return false
}

// countsTo reports whether loop is "for i := 0; i < len(x); i++".
func (r *compatRewriter) countsTo(loop *ast.ForStmt, i, x types.Object) bool {
	init, ok := loop.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return false
	}
	if id, ok := init.Lhs[0].(*ast.Ident); !ok || r.info.Defs[id] != i {
		return false
	}
	if tv := r.info.Types[init.Rhs[0]]; tv.Value == nil || constant.Sign(tv.Value) < 0 {
		return false
	}
	cond, ok := loop.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS {
		return false
	}
	if id, ok := ast.Unparen(cond.X).(*ast.Ident); !ok || r.info.Uses[id] != i {
		return false
	}
	call, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	if fn, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || fn.Name != "len" || r.info.Uses[fn] != types.Universe.Lookup("len") {
		return false
	}
	if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); !ok || r.info.Uses[id] != x {
		return false
	}
	post, ok := loop.Post.(*ast.IncDecStmt)
	if !ok || post.Tok != token.INC {
		return false
	}
	id, ok := ast.Unparen(post.X).(*ast.Ident)
	return ok && r.info.Uses[id] == i
}

// changes reports whether n may assign obj or take its address.
func (r *compatRewriter) changes(n ast.Node, obj types.Object) bool {
	found := false
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && r.info.Uses[id] == obj
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if is(l) {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if is(n.X) {
				found = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				found = true
			}
		case *ast.RangeStmt:
			if is(n.Key) || n.Value != nil && is(n.Value) {
				found = true
			}
		}
		return !found
	})
	return found
}

// divisorCheck checks the divisor of an integer division by a variable.
func (r *compatRewriter) divisorCheck(n ast.Node, y ast.Expr, op token.Token, at token.Pos, stack []ast.Node) {
	depth := len(stack) + 1
	if op != token.QUO && op != token.REM && op != token.QUO_ASSIGN && op != token.REM_ASSIGN {
		return
	}
	if tv := r.info.Types[y]; tv.Value != nil {
		return
	}
	t := r.info.TypeOf(y)
	if t == nil {
		return
	}
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return
	}
	ts, ok := r.typeString(t)
	if !ok {
		return
	}
	pos := r.pos(at)
	if stmt, ok := r.hoistable(n, stack); ok && r.pure(y) && !strings.Contains(r.text(y), "\n") {
		r.check(stmt.Pos(), "if "+r.text(y)+" == 0 { "+r.runtimeShim("DividePanic")+"("+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+") }; ",
			1<<20-len(stack), true)
		return
	}
	r.checkAround(y.Pos(), y.End(), ts+"("+r.runtimeShim("NonZero")+"(int64(", "), "+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+"))", depth)
}

// mapWriteCheck checks, before a statement that writes an element of a map
// that may be nil, that it is not.
func (r *compatRewriter) mapWriteCheck(stmt ast.Stmt, lhs []ast.Expr, stack []ast.Node) {
	switch parent(stack).(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return
	}
	for _, l := range lhs {
		ix, ok := ast.Unparen(l).(*ast.IndexExpr)
		if !ok {
			continue
		}
		t := r.info.TypeOf(ix.X)
		if t == nil {
			continue
		}
		if _, isMap := t.Underlying().(*types.Map); !isMap || !r.pure(ix.X) || r.madeMap(ix.X, stack) {
			continue
		}
		pos := r.pos(ix.Pos())
		r.check(stmt.Pos(), r.runtimeShim("MapWrite")+"("+r.text(ix.X)+" == nil, "+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+"); ", 0, true)
		return
	}
}

// madeMap reports whether the map variable e is evidently not nil: a local
// variable every value of which, in its function, is made or a literal.
func (r *compatRewriter) madeMap(e ast.Expr, stack []ast.Node) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	obj := r.info.Uses[id]
	if obj == nil {
		return false
	}
	var fn ast.Node
	for k := len(stack) - 1; k >= 0; k-- {
		switch f := stack[k].(type) {
		case *ast.FuncLit:
			if fn == nil {
				fn = f
			}
		case *ast.FuncDecl:
			if fn == nil {
				fn = f
			}
		}
	}
	if fn == nil || obj.Parent() == nil || obj.Pos() < fn.Pos() || obj.Pos() > fn.End() {
		return false // a package variable or one of an enclosing function
	}
	made := func(v ast.Expr) bool {
		switch v := ast.Unparen(v).(type) {
		case *ast.CompositeLit:
			return true
		case *ast.CallExpr:
			if id, ok := ast.Unparen(v.Fun).(*ast.Ident); ok && id.Name == "make" && r.info.Uses[id] == types.Universe.Lookup("make") {
				return true
			}
		}
		return false
	}
	defined, ok := true, false
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				lid, isID := l.(*ast.Ident)
				if !isID || r.info.Uses[lid] != obj && r.info.Defs[lid] != obj {
					continue
				}
				ok = true
				if len(n.Rhs) != len(n.Lhs) || !made(n.Rhs[i]) {
					defined = false
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if r.info.Defs[name] != obj {
					continue
				}
				ok = true
				if len(n.Values) != len(n.Names) || !made(n.Values[i]) {
					defined = false
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if uid, isID := ast.Unparen(n.X).(*ast.Ident); isID && r.info.Uses[uid] == obj {
					defined = false
				}
			}
		}
		return defined
	})
	return ok && defined
}

// sliceCheck checks the bounds of a slice expression x[lo:hi] before it
// runs, with Go's message: the low bound becomes a call of the shims.
func (r *compatRewriter) sliceCheck(se *ast.SliceExpr, stack []ast.Node) {
	if se.Slice3 {
		return
	}
	xt := r.info.TypeOf(se.X)
	if xt == nil {
		return
	}
	u := xt.Underlying()
	if p, ok := u.(*types.Pointer); ok {
		u = p.Elem().Underlying()
	}
	lengthWord := "true"
	limit := "len(" + r.text(se.X) + ")"
	switch u := u.(type) {
	case *types.Slice:
		lengthWord, limit = "false", "cap("+r.text(se.X)+")"
	case *types.Array:
	case *types.Basic:
		if u.Info()&types.IsString == 0 {
			return
		}
	default:
		return
	}
	if !r.pure(se.X) || se.Low != nil && !r.pure(se.Low) || se.High != nil && !r.pure(se.High) {
		return
	}
	if se.Low == nil && se.High == nil {
		return
	}
	high, given := "len("+r.text(se.X)+")", "false"
	if se.High != nil {
		high, given = r.intText(se.High), "true"
	}
	pos := r.pos(se.Pos())
	tail := ", " + high + ", " + limit + ", " + given + ", " + lengthWord + ", " + strconv.Itoa(pos.Line) + ", " + strconv.Itoa(pos.Col) + ")"
	if se.Low == nil {
		r.check(se.Lbrack+1, r.runtimeShim("SliceBound")+"(0"+tail, len(stack), true)
		return
	}
	open := r.runtimeShim("SliceBound") + "("
	if !r.isInt(se.Low) {
		open += "int("
		tail = ")" + tail
	}
	r.checkAround(se.Low.Pos(), se.Low.End(), open, tail, len(stack))
}

// isInt reports whether e is of type int (or an untyped constant).
func (r *compatRewriter) isInt(e ast.Expr) bool {
	b, ok := r.info.TypeOf(e).Underlying().(*types.Basic)
	return ok && (b.Kind() == types.Int || b.Kind() == types.UntypedInt)
}

// intText writes e as an int.
func (r *compatRewriter) intText(e ast.Expr) string {
	if r.isInt(e) {
		return r.text(e)
	}
	return "int(" + r.text(e) + ")"
}

// arrayPointerLen rewrites len(p), p a pointer to an array, as cap(p): the
// interpreter dereferences p for len, and panics when it is nil, where Go
// gives the array's length. cap does not dereference.
func (r *compatRewriter) arrayPointerLen(c *ast.CallExpr) {
	if len(c.Args) != 1 {
		return
	}
	if tv := r.info.Types[c]; tv.Value != nil {
		return // a constant, folded
	}
	p, ok := r.info.TypeOf(c.Args[0]).Underlying().(*types.Pointer)
	if !ok {
		return
	}
	if _, isArray := p.Elem().Underlying().(*types.Array); !isArray {
		return
	}
	if r.pkg.Scope().Lookup("cap") != nil {
		return
	}
	r.replace(c.Fun.Pos(), c.Fun.End(), "cap")
	r.rewrite(c.Pos(), "len of a pointer to an array")
}

// arrayPointerAddr rewrites &p[i], p a pointer to an array, as &(*p)[i],
// which the interpreter takes the address of.
func (r *compatRewriter) arrayPointerAddr(u *ast.UnaryExpr, stack []ast.Node) {
	if u.Op != token.AND {
		return
	}
	ix, ok := ast.Unparen(u.X).(*ast.IndexExpr)
	if !ok {
		return
	}
	p, ok := r.info.TypeOf(ix.X).Underlying().(*types.Pointer)
	if !ok {
		return
	}
	if _, isArray := p.Elem().Underlying().(*types.Array); !isArray {
		return
	}
	r.prefix(ix.X.Pos(), "(*", len(stack)+2)
	r.suffix(ix.X.End(), ")", len(stack)+2)
	r.rewrite(u.Pos(), "address of an element through a pointer to an array")
}
