package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
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
	if r.selectShim(s, stack) {
		return
	}
	r.selectDefines(s)
	r.selectSends(s, stack)
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

// selectShim rewrites a select statement into a switch on shims.Select,
// which runs it with cases of its own: the interpreter fills in one set of
// cases per statement each time it runs, so goroutines running the same
// select at once would receive from and send on each other's channels.
// The channels and values to send are evaluated first, in source order, as
// Go evaluates them on entering the select; a case's assignments happen
// when it is chosen:
//
//	L: select {                        { _c1 := ch; var _r2 T; var _k3 bool; _c4 := out; var _x5 U = v; L: switch _s.Select(false, _s.Recv(_c1, &_r2, &_k3), _s.Send(_c4, &_x5)) {
//	case x, ok := <-ch:                case 0: x, ok := _r2, _k3;
//	case out <- v:                     case 1:
//	}                                  } }
//
// It reports whether it rewrote s: a channel or value written over
// several lines stays with the interpreter's select.
func (r *compatRewriter) selectShim(s *ast.SelectStmt, stack []ast.Node) bool {
	type comm struct {
		cc           *ast.CommClause
		ch, val      ast.Expr   // the channel; the value sent
		lhs          []ast.Expr // what a receive assigns or defines
		define, recv bool
		elem         string
	}
	var comms []comm
	withDefault := false
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		c := comm{cc: cc}
		switch x := cc.Comm.(type) {
		case nil:
			withDefault = true
			continue
		case *ast.SendStmt:
			c.ch, c.val = x.Chan, x.Value
		case *ast.ExprStmt:
			u, ok := ast.Unparen(x.X).(*ast.UnaryExpr)
			if !ok || u.Op != token.ARROW {
				return false
			}
			c.ch, c.recv = u.X, true
		case *ast.AssignStmt:
			u, ok := ast.Unparen(x.Rhs[0]).(*ast.UnaryExpr)
			if !ok || u.Op != token.ARROW || len(x.Lhs) > 2 {
				return false
			}
			c.ch, c.recv, c.lhs, c.define = u.X, true, x.Lhs, x.Tok == token.DEFINE
		default:
			return false
		}
		ct, ok := r.info.TypeOf(c.ch).Underlying().(*types.Chan)
		if !ok {
			return false
		}
		if c.elem, ok = r.typeString(ct.Elem()); !ok {
			return false
		}
		for _, e := range append([]ast.Expr{c.ch, c.val}, c.lhs...) {
			if e != nil && strings.Contains(r.text(e), "\n") {
				return false
			}
		}
		comms = append(comms, c)
	}
	if len(comms) == 0 {
		return false
	}
	var prelude, cases []string
	for i, c := range comms {
		ch := r.name("c")
		prelude = append(prelude, ch+" := "+r.moveTo(c.ch.Pos(), c.ch.End(), ""))
		cc := c.cc
		label := "case " + strconv.Itoa(i)
		if !c.recv {
			x := r.name("x")
			prelude = append(prelude, "var "+x+" "+c.elem+" = "+r.moveTo(c.val.Pos(), c.val.End(), ""))
			cases = append(cases, r.runtimeShim("Send")+"("+ch+", &"+x+")")
			r.replace(cc.Case, c.ch.Pos(), label)
			r.replace(c.ch.End(), c.val.Pos(), "")
			r.replace(c.val.End(), cc.Colon+1, ":")
			continue
		}
		if len(c.lhs) == 0 {
			cases = append(cases, r.runtimeShim("Recv")+"("+ch+", nil, nil)")
			r.replace(cc.Case, c.ch.Pos(), label)
			r.replace(c.ch.End(), cc.Colon+1, ":")
			continue
		}
		v, ok := r.name("r"), "nil"
		prelude = append(prelude, "var "+v+" "+c.elem)
		values := []string{v}
		if len(c.lhs) == 2 {
			k := r.name("k")
			prelude = append(prelude, "var "+k+" bool")
			ok = "&" + k
			values = append(values, k)
		}
		cases = append(cases, r.runtimeShim("Recv")+"("+ch+", &"+v+", "+ok+")")
		var targets []string
		r.replace(cc.Case, c.lhs[0].Pos(), label)
		for j, l := range c.lhs {
			if c.define {
				targets = append(targets, r.text(l))
				r.replace(l.Pos(), l.End(), "")
			} else {
				targets = append(targets, r.moveTo(l.Pos(), l.End(), ""))
			}
			if j+1 < len(c.lhs) {
				r.replace(l.End(), c.lhs[j+1].Pos(), "")
			}
		}
		op := " = "
		if c.define {
			op = " := "
		}
		r.replace(c.lhs[len(c.lhs)-1].End(), c.ch.Pos(), "")
		r.replace(c.ch.End(), cc.Colon+1, ": "+strings.Join(targets, ", ")+op+strings.Join(values, ", ")+";")
	}
	start, label := s.Pos(), ""
	if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == s {
		start, label = l.Pos(), l.Label.Name+": "
	}
	head := "{ " + strings.Join(prelude, "; ") + "; " + label + "switch " + r.runtimeShim("Select") + "(" +
		strconv.FormatBool(withDefault) + ", " + strings.Join(cases, ", ") + ") {"
	r.replace(start, s.Body.Lbrace+1, head)
	for _, st := range s.Body.List {
		if cc := st.(*ast.CommClause); cc.Comm == nil {
			r.replace(cc.Case, cc.Colon+1, "default:")
		}
	}
	r.suffix(s.Body.End(), " }", 0)
	r.rewrite(s.Select, "select statement run with cases of its own")
	return true
}

// selectDefines gives the variables a select case defines from its
// receive (case v, ok := <-ch:) a fresh variable each time the case runs,
// as Go does: the interpreter stores every receive of the case in one
// variable, so a closure or a pointer taken in one iteration of a loop
// sees the value of the last.
//
//	case v := <-ch:     case _v1 := <-ch: v := _v1; _ = v;
func (r *compatRewriter) selectDefines(s *ast.SelectStmt) {
	for _, st := range s.Body.List {
		cc := st.(*ast.CommClause)
		as, ok := cc.Comm.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			continue
		}
		var names, temps []string
		for _, l := range as.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			t := r.name("v")
			r.replace(id.Pos(), id.End(), t)
			names = append(names, id.Name)
			temps = append(temps, t)
		}
		if len(names) == 0 {
			continue
		}
		list := strings.Join(names, ", ")
		blanks := strings.Repeat("_, ", len(names)-1) + "_"
		r.suffix(cc.Colon+1, " "+list+" := "+strings.Join(temps, ", ")+"; "+blanks+" = "+list+";", 1)
		r.rewrite(as.Pos(), "variable defined by a select case")
	}
}

// selectSends evaluates before the select, into a variable of the
// channel's element type, a value a case sends on a channel of interface
// type: the interpreter's select hands the channel the bare value where it
// needs its interface wrapper ("reflect.Select: value of type ... is not
// assignable"), and loses composite literals.
//
//	select {              var _s1 J = v; select {
//	case ch <- v:         case ch <- _s1:
func (r *compatRewriter) selectSends(s *ast.SelectStmt, stack []ast.Node) {
	var hoist []string
	for _, st := range s.Body.List {
		send, ok := st.(*ast.CommClause).Comm.(*ast.SendStmt)
		if !ok {
			continue
		}
		ch, ok := r.info.TypeOf(send.Chan).Underlying().(*types.Chan)
		if !ok || !isInterface(ch.Elem()) {
			continue
		}
		vt := r.info.TypeOf(send.Value)
		if tv := r.info.Types[send.Value]; vt == nil || tv.IsNil() || isInterface(vt) && !r.isConversion(send.Value) {
			continue
		}
		et, ok := r.typeString(ch.Elem())
		value := ast.Unparen(send.Value)
		if r.isConversion(value) {
			value = ast.Unparen(value.(*ast.CallExpr).Args[0])
			vt = r.info.TypeOf(value)
		}
		text := r.text(value)
		if !ok || strings.Contains(text, "\n") || !r.plainValue(value) {
			r.unsupported(send.Value.Pos(), "this value sent on a channel of interface type in a select is not supported by the interpreter",
				"assign the value to a variable of the channel's element type before the select, and send that")
			continue
		}
		if named, ok := r.boxable(vt); ok {
			if box := r.boxType(named); box != "" {
				text = box + "{" + text + "}"
			}
		}
		v := r.name("s")
		hoist = append(hoist, "var "+v+" "+et+" = "+text+";")
		r.cover(send.Value.Pos(), send.Value.End(), v)
		r.selectSent[send] = true
	}
	if len(hoist) == 0 {
		return
	}
	start := s.Pos()
	if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == s {
		start = l.Pos()
	}
	r.prefix(start, strings.Join(hoist, " ")+" ", 0)
	r.rewrite(s.Select, "value sent on a channel of interface type in a select")
}

// plainValue reports whether e is a name, a literal, a field of a name or
// a composite literal of those: an expression whose text the rewrites
// leave as it is, so that it can move.
func (r *compatRewriter) plainValue(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return r.plainValue(e.X)
	case *ast.CompositeLit:
		if named := namedOf(r.info.TypeOf(e)); named != nil && named.TypeArgs().Len() > 0 {
			return false
		}
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if _, ok := ast.Unparen(el).(*ast.BasicLit); !ok {
				return false
			}
		}
		return true
	}
	return false
}

// isConversion reports whether e converts a value to a type: T(x).
func (r *compatRewriter) isConversion(e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	tv, ok := r.info.Types[c.Fun]
	return ok && tv.IsType()
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
