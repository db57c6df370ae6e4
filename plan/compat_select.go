package plan

import (
	"go/ast"
	"go/token"
	"go/types"
)

// selectStmt rewrites the break and continue statements of a select's
// cases, which the interpreter sends to the wrong statement (a break in an
// if leaves the enclosing loop, a continue leaves only the select; some
// shapes overflow its compiler's stack). A case body that has them runs in
// a one-pass loop, so break leaves the case as it left the select; a
// continue (or break) of an enclosing statement sets a flag, leaves the
// case, and is repeated after the select:
//
//	select {                     _c1 := false; select {
//	case m := <-ch:              case m := <-ch: for _o2 := true; _o2; _o2 = false {
//		if m == "" { break }         if m == "" { break }
//		continue                     { _c1 = true; break } }
//	}                            }; if _c1 { continue }
func (r *compatRewriter) selectStmt(s *ast.SelectStmt, stack []ast.Node) {
	type exit struct {
		tok   token.Token
		label string
	}
	flags := map[exit]string{}
	var order []exit
	wrap := map[*ast.CommClause]bool{}
	inner := append(append([]ast.Node{}, stack...), s)
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		ast.PreorderStack(cc, inner, func(n ast.Node, all []ast.Node) bool {
			b, ok := n.(*ast.BranchStmt)
			if _, lit := n.(*ast.FuncLit); lit {
				return false
			}
			if !ok || b.Tok != token.BREAK && b.Tok != token.CONTINUE {
				return true
			}
			target := branchTarget(b, all)
			if target == nil || r.isFuncRange(target) {
				return true // the range-over-func rewrite makes it a return
			}
			// The break replacing b must leave the case: nothing breakable
			// may lie between them.
			for _, a := range all[len(inner):] {
				switch a.(type) {
				case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					r.unsupported(b.Pos(), b.Tok.String()+" inside a select case, out of a nested statement, is not supported",
						"set a variable, and test it after the nested statement")
					return true
				}
			}
			wrap[cc] = true
			if target == s {
				if b.Label != nil {
					r.replace(b.Pos(), b.End(), "break")
				}
				return true
			}
			e := exit{b.Tok, ""}
			if b.Label != nil {
				e.label = b.Label.Name
			}
			if flags[e] == "" {
				flags[e] = r.name("c")
				order = append(order, e)
			}
			r.replace(b.Pos(), b.End(), "{ "+flags[e]+" = true; break }")
			return true
		})
	}
	if len(wrap) == 0 {
		return
	}
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		if !wrap[cc] || len(cc.Body) == 0 {
			continue
		}
		o := r.name("o")
		r.suffix(cc.Colon+1, " for "+o+" := true; "+o+"; "+o+" = false {", 0)
		r.suffix(cc.Body[len(cc.Body)-1].End(), " }", 0)
	}
	if len(order) > 0 {
		start := s.Pos()
		if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == s {
			start = l.Pos()
		}
		var before, after string
		for _, e := range order {
			before += flags[e] + " := false; "
			after += "; if " + flags[e] + " { " + e.tok.String()
			if e.label != "" {
				after += " " + e.label
			}
			after += " }"
		}
		r.prefix(start, before, 0)
		r.suffix(s.End(), after, 0)
	}
	r.rewrite(s.Select, "break or continue in a select case")
}

// isFuncRange reports whether s is a range loop over a function, which the
// range-over-func rewrite turns into a call.
func (r *compatRewriter) isFuncRange(s ast.Stmt) bool {
	rs, ok := s.(*ast.RangeStmt)
	if !ok {
		return false
	}
	t := r.info.TypeOf(rs.X)
	if t == nil {
		return false
	}
	_, ok = t.Underlying().(*types.Signature)
	return ok
}
