package bound

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/airlockhq/airlock/plan/model"
)

// least finds the tool calls main certainly makes when the program runs
// without failing: calls written straight in main's statements, and in the
// bodies of loops with a constant trip count that nothing can leave early,
// up to the first statement that may end main (a return, a goto, a panic,
// an exit, or a call of the program's own that may do one of those). It
// returns how many, and the loop that makes the most of them (nil when
// none does).
func (l *linter) least() (int64, *model.BoundLoop) {
	var main *ast.FuncDecl
	for _, d := range l.p.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" && fd.Body != nil {
			main = fd
		}
	}
	if main == nil {
		return 0, nil
	}
	c := &certain{l: l, leaves: map[*types.Func]bool{}, decls: map[*types.Func]*ast.FuncDecl{}}
	for _, d := range l.p.File.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			if fn, ok := l.info.Defs[fd.Name].(*types.Func); ok {
				c.decls[fn] = fd
			}
		}
	}
	n, _ := c.stmts(main.Body.List, 1)
	return n, c.top
}

type certain struct {
	l      *linter
	leaves map[*types.Func]bool // functions that may end the program, by what they call
	decls  map[*types.Func]*ast.FuncDecl
	top    *model.BoundLoop
}

// stmts counts the certain calls of a statement list run mult times, and
// reports whether it stopped at a statement that may leave.
func (c *certain) stmts(list []ast.Stmt, mult int64) (int64, bool) {
	n := int64(0)
	for _, s := range list {
		if c.mayLeave(s) {
			return n, true
		}
		if c.continues(s) {
			// The rest of this iteration may be skipped; what runs
			// before the continue still counts.
			if is, ok := s.(*ast.IfStmt); ok {
				n = addCount(n, mulCount(mult, addCount(c.direct(is.Init), c.direct(is.Cond))))
			}
			return n, false
		}
		switch s := s.(type) {
		case *ast.ExprStmt, *ast.AssignStmt, *ast.DeclStmt, *ast.IncDecStmt, *ast.SendStmt:
			n = addCount(n, mulCount(mult, c.direct(s)))
		case *ast.BlockStmt:
			m, _ := c.stmts(s.List, mult)
			n = addCount(n, m)
		case *ast.IfStmt:
			// The condition always runs; the branches may not.
			n = addCount(n, mulCount(mult, addCount(c.direct(s.Init), c.direct(s.Cond))))
		case *ast.ForStmt:
			trips := c.forTrips(s)
			if trips == inf || trips == 0 || c.breaks(s.Body) {
				continue
			}
			n = addCount(n, mulCount(mult, c.direct(s.Init)))
			m, stopped := c.stmts(s.Body.List, mulCount(mult, trips))
			if !stopped {
				c.loop(s, s.Body.Lbrace, m)
				n = addCount(n, m)
			}
		case *ast.RangeStmt:
			n = addCount(n, mulCount(mult, c.direct(s.X)))
			trips := c.rangeTrips(s)
			if trips == inf || trips == 0 || c.breaks(s.Body) {
				continue
			}
			m, stopped := c.stmts(s.Body.List, mulCount(mult, trips))
			if !stopped {
				c.loop(s, s.Body.Lbrace, m)
				n = addCount(n, m)
			}
		}
	}
	return n, false
}

// loop records a loop's certain calls when it makes the most so far.
func (c *certain) loop(s ast.Stmt, lbrace token.Pos, calls int64) {
	// Equal counts: the outer loop, seen after the loops inside it.
	if calls == 0 || calls == inf || c.top != nil && int64(c.top.Calls) > calls {
		return
	}
	p := c.l.p.Fset.Position(s.Pos())
	c.top = &model.BoundLoop{Pos: model.Pos{Line: p.Line, Col: p.Column}, Header: c.l.header(s.Pos(), lbrace), Calls: int(calls)}
}

// direct counts the tool calls an expression or simple statement makes
// every time it runs: none inside function literals or on the right of &&
// and ||.
func (c *certain) direct(n ast.Node) int64 {
	if n == nil {
		return 0
	}
	count := int64(0)
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				count = addCount(count, c.direct(n.X))
				return false
			}
		case *ast.CallExpr:
			if id, ok := calleeExpr(c.l.info, n.Fun).(*ast.Ident); ok {
				if fn, ok := c.l.info.Uses[id].(*types.Func); ok && fn.Pkg() != nil {
					if _, tool := c.l.p.Tools[fn.Origin().Pkg()]; tool {
						count = addCount(count, 1)
					}
				}
			}
		}
		return true
	})
	return count
}

// breaks reports whether a loop body has a break that ends the loop: one
// not inside a nested loop, switch or select, or any labelled one.
func (c *certain) breaks(body *ast.BlockStmt) bool {
	return jumpsOut(body, token.BREAK, false)
}

// mayLeave reports whether a statement may end main before the statements
// after it: a return, a goto, a call of panic, os.Exit, runtime.Goexit or
// log's Fatal and Panic functions, or of a function of the program that
// may do one of those.
func (c *certain) mayLeave(n ast.Node) bool {
	leaves := false
	ast.Inspect(n, func(m ast.Node) bool {
		if leaves {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false // runs when called, which a call below covers
		case *ast.ReturnStmt:
			leaves = true
		case *ast.BranchStmt:
			leaves = m.Tok == token.GOTO
		case *ast.CallExpr:
			leaves = c.callLeaves(m)
		}
		return !leaves
	})
	return leaves
}

func (c *certain) callLeaves(call *ast.CallExpr) bool {
	id, ok := calleeExpr(c.l.info, call.Fun).(*ast.Ident)
	if !ok {
		if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
			return c.mayLeaveBody(lit.Body)
		}
		return true // a function computed by an expression: it may be anything
	}
	switch obj := c.l.info.Uses[id].(type) {
	case *types.Builtin:
		return obj.Name() == "panic"
	case *types.Func:
		fn := obj.Origin()
		if fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "os.Exit", "runtime.Goexit", "log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln":
			return true
		}
		if fn.Pkg().Path() == "log" && fn.Signature().Recv() != nil {
			switch fn.Name() {
			case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
				return true
			}
		}
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			// Any of the program's methods of that name.
			for _, m := range c.l.methods[fn.Name()] {
				if c.funcLeaves(m) {
					return true
				}
			}
			return false
		}
		return c.funcLeaves(fn)
	case *types.Var:
		return true // a function value: it may be anything
	}
	return false
}

// mayLeaveBody is mayLeave for a called function's body, where a return
// only ends that function.
func (c *certain) mayLeaveBody(body *ast.BlockStmt) bool {
	leaves := false
	ast.Inspect(body, func(m ast.Node) bool {
		if leaves {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			leaves = c.callLeaves(m)
		}
		return !leaves
	})
	return leaves
}

// funcLeaves reports whether a function of the program may end the program.
func (c *certain) funcLeaves(fn *types.Func) bool {
	decl, ok := c.decls[fn]
	if !ok {
		return false // not the program's: the library's own calls do not exit
	}
	if leaves, seen := c.leaves[fn]; seen {
		return leaves
	}
	c.leaves[fn] = true // while it is being looked at: a recursion may not return
	c.leaves[fn] = c.mayLeaveBody(decl.Body)
	return c.leaves[fn]
}

// continues reports whether a statement of a loop body has a continue that
// skips the rest of the iteration: one not inside a nested loop, or any
// labelled one.
func (c *certain) continues(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BranchStmt:
		return s.Tok == token.CONTINUE
	case *ast.ForStmt, *ast.RangeStmt:
		return jumpsOut(s, token.CONTINUE, true) // its own continues are its own
	}
	return jumpsOut(s, token.CONTINUE, false)
}

// jumpsOut reports whether n holds a break or continue (tok) that leaves
// the loop n is in: one outside the statements that take tok for their own
// (loops; for break, switches and selects too), or any labelled one.
// nested says n itself is such a statement.
func jumpsOut(n ast.Node, tok token.Token, nested bool) bool {
	found := false
	var walk func(n ast.Node, nested bool)
	walk = func(n ast.Node, nested bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil || m == n {
				return !found
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt:
				walk(m, true)
				return false
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if tok == token.BREAK {
					walk(m, true)
					return false
				}
			case *ast.BranchStmt:
				if m.Tok == tok && (!nested || m.Label != nil) {
					found = true
				}
			}
			return true
		})
	}
	walk(n, nested)
	return found
}

// forTrips is the exact trip count of a counting loop whose condition
// compares its counter with a constant, and nothing else; inf otherwise
// (the linter's forTrips bounds more loops, from above).
func (c *certain) forTrips(f *ast.ForStmt) int64 {
	cond, ok := ast.Unparen(f.Cond).(*ast.BinaryExpr)
	if !ok {
		return inf
	}
	switch cond.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
	default:
		return inf
	}
	if c.l.intConst(cond.X) == nil && c.l.intConst(cond.Y) == nil {
		return inf
	}
	return c.l.forTrips(f)
}

// rangeTrips is the exact trip count of a range loop over a constant
// integer, an array, or a slice or map literal (directly or through a
// variable assigned only that); inf otherwise.
func (c *certain) rangeTrips(r *ast.RangeStmt) int64 {
	tv := c.l.info.Types[r.X]
	if tv.Type == nil {
		return inf
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		if v := c.l.intConst(r.X); v != nil && u.Info()&types.IsInteger != 0 {
			return clampCount(v)
		}
	case *types.Array:
		return clampCount(constant.MakeInt64(u.Len()))
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return clampCount(constant.MakeInt64(a.Len()))
		}
	case *types.Slice, *types.Map:
		switch ast.Unparen(r.X).(type) {
		case *ast.CompositeLit, *ast.Ident:
			return c.l.seqLen(r.X, 0)
		}
	}
	return inf
}
