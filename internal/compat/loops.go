package compat

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// rangeStmt rewrites range over an integer and over a function, and copies
// captured loop variables of other range loops per iteration.
func (r *compatRewriter) rangeStmt(rs *ast.RangeStmt, stack []ast.Node) {
	tv := r.info.Types[rs.X]
	if tv.Type == nil {
		return
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			r.rangeInt(rs, tv)
			return
		}
		if u.Info()&types.IsString != 0 && r.rangeString(rs, tv) {
			return
		}
	case *types.Signature:
		r.rangeFunc(rs, u, stack)
		return
	case *types.Pointer:
		// for i := range p, p a pointer to an array: Go does not evaluate
		// p (its length is a constant), the interpreter dereferences it.
		a, ok := u.Elem().Underlying().(*types.Array)
		if v, isIdent := rs.Value.(*ast.Ident); ok && (rs.Value == nil || isIdent && v.Name == "_") {
			n := constant.MakeInt64(a.Len())
			if callsOrReceives(rs.X) {
				// Then Go evaluates p, once.
				r.prefix(rs.X.Pos(), "func() int { _ = ", len(stack)+1)
				r.suffix(rs.X.End(), "; return "+n.String()+" }()", len(stack)+1)
				r.rangeInt(rs, types.TypeAndValue{Type: types.Typ[types.Int]})
				return
			}
			r.replace(rs.X.Pos(), rs.X.End(), n.String())
			r.rangeInt(rs, types.TypeAndValue{Type: types.Typ[types.UntypedInt], Value: n})
			return
		}
	}
	if r.rangeChanValues(rs, tv.Type, stack) {
		return
	}
	if rs.Tok == token.ASSIGN {
		r.rangeAssign(rs)
		return
	}
	if rs.Tok != token.DEFINE {
		return
	}
	var vars []*ast.Ident
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			vars = append(vars, id)
		}
	}
	if captured, _ := r.loopVarUses(rs.Body, vars, false); len(captured) > 0 {
		names := identNames(captured)
		r.suffix(rs.Body.Lbrace+1, " "+names+" := "+names+";", 0)
		r.rewrite(rs.For, "loop variable captured per iteration")
	}
}

// rangeString rewrites a range loop over a string that uses the index:
// the interpreter counts runes where Go gives byte offsets, and decodes
// invalid UTF-8 as three bytes. The loop steps through the string by the
// width of each rune, as Go does; the body, in a block of its own, may
// declare names like the loop's:
//
//	for i, c := range s {        for _s, _o, _w := string(s), 0, 0; _o < len(_s); _o += _w { i := _o; c, _w1 := shim.StringRune(_s, _o); _w = _w1; {
//		...                          ...
//	}                            } }
func (r *compatRewriter) rangeString(rs *ast.RangeStmt, tv types.TypeAndValue) bool {
	key, _ := rs.Key.(*ast.Ident)
	if rs.Key == nil || key != nil && key.Name == "_" {
		return false // runes only: the interpreter gives the same
	}
	if tv.Value != nil {
		if str := constant.StringVal(tv.Value); isASCII(str) {
			return false // offsets and rune counts agree
		}
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e != nil && strings.Contains(r.text(e), "\n") {
			return false
		}
	}
	str, off, width, w := r.name("s"), r.name("o"), r.name("w"), r.name("w")
	var value ast.Expr
	if v, ok := rs.Value.(*ast.Ident); !ok || v.Name != "_" {
		value = rs.Value
	}
	decode := r.runtimeShim("StringRune") + "(" + str + ", " + off + ")"
	var body string
	switch {
	case rs.Tok == token.DEFINE && value == nil:
		body = r.text(rs.Key) + " := " + off + "; _, " + w + " := " + decode + "; " + width + " = " + w + ";"
	case rs.Tok == token.DEFINE:
		body = r.text(rs.Key) + " := " + off + "; " + r.text(value) + ", " + w + " := " + decode + "; " + width + " = " + w + ";"
	case value == nil:
		body = r.text(rs.Key) + " = " + off + "; _, " + width + " = " + decode + ";"
	default:
		c := r.name("c")
		body = "var " + c + " rune; " + c + ", " + width + " = " + decode + "; " + r.text(rs.Key) + ", " + r.text(value) + " = " + off + ", " + c + ";"
	}
	r.replace(rs.For, rs.X.Pos(), "for "+str+", "+off+", "+width+" := string(")
	r.replace(rs.X.End(), rs.Body.Lbrace+1, "), 0, 0; "+off+" < len("+str+"); "+off+" += "+width+" { "+body+" {")
	r.suffix(rs.Body.End(), " }", 0)
	r.rewrite(rs.For, "range over a string by byte offsets")
	return true
}

// rangeChanValues rewrites a range loop over a slice, an array or a map
// of channels that takes the values, which the interpreter fails on
// ("reflect: call of reflect.Value.Len on int Value"), into a loop over
// the indexes or keys of the value ranged over, evaluated once:
//
//	for i, c := range x {        for _r1, _k2 := x, 0; _k2 < len(_r1); _k2++ { i, c := _k2, _r1[_k2]; {
//		...                          ...
//	}                            } }
//
//	for k, c := range m {        { _r1 := m; for _k2 := range _r1 { k, c := _k2, _r1[_k2]; {
func (r *compatRewriter) rangeChanValues(rs *ast.RangeStmt, t types.Type, stack []ast.Node) bool {
	if rs.Value == nil {
		return false
	}
	if v, ok := rs.Value.(*ast.Ident); ok && v.Name == "_" {
		return false
	}
	var elem types.Type
	_, isMap := t.Underlying().(*types.Map)
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return false
	}
	if _, ok := elem.Underlying().(*types.Chan); !ok {
		return false
	}
	labelled := false
	if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == rs {
		labelled = true
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e != nil && strings.Contains(r.text(e), "\n") || isMap && labelled {
			r.unsupported(rs.For, "this range loop over channels is not supported by the interpreter",
				"range over the keys only (for k := range m), and read the channel as m[k] in the body")
			return true
		}
	}
	x, k := r.name("r"), r.name("k")
	var lhs, rhs []string
	if key, ok := rs.Key.(*ast.Ident); rs.Key != nil && (!ok || key.Name != "_") {
		lhs, rhs = append(lhs, r.text(rs.Key)), append(rhs, k)
	}
	lhs, rhs = append(lhs, r.text(rs.Value)), append(rhs, x+"["+k+"]")
	op := " := "
	if rs.Tok == token.ASSIGN {
		op = " = "
	}
	bind := strings.Join(lhs, ", ") + op + strings.Join(rhs, ", ") + "; {"
	if isMap {
		r.replace(rs.For, rs.X.Pos(), "{ "+x+" := ")
		r.replace(rs.X.End(), rs.Body.Lbrace+1, "; for "+k+" := range "+x+" { "+bind)
		r.suffix(rs.Body.End(), " }", 0)
	} else {
		r.replace(rs.For, rs.X.Pos(), "for "+x+", "+k+" := ")
		r.replace(rs.X.End(), rs.Body.Lbrace+1, ", 0; "+k+" < len("+x+"); "+k+"++ { "+bind)
	}
	r.suffix(rs.Body.End(), " }", 0)
	r.rewrite(rs.For, "range over channels")
	return true
}

// callsOrReceives reports whether e calls a function or receives from a
// channel, which makes len(e) not a constant.
func callsOrReceives(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = true
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		}
		return !found
	})
	return found
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// rangeInt rewrites `for i := range n` to a three-clause loop that
// evaluates n once. A hidden counter keeps the iteration independent of
// the body when the body assigns or captures i.
func (r *compatRewriter) rangeInt(rs *ast.RangeStmt, tv types.TypeAndValue) {
	zero := "0"
	if !r.isUntyped(tv) {
		t, ok := r.typeString(tv.Type)
		if !ok {
			r.unsupported(rs.For, "range over an integer of type "+tv.Type.String()+" is not supported",
				"write a three-clause loop: for i := 0; i < n; i++")
			return
		}
		if t != "int" {
			zero = "(" + t + ")(0)"
		}
	}
	key, _ := rs.Key.(*ast.Ident)
	counter := ""
	var prologue string
	switch {
	case rs.Key == nil || key != nil && key.Name == "_":
		counter = r.name("i")
	case rs.Tok == token.ASSIGN:
		counter = r.name("i")
		prologue = " " + r.text(rs.Key) + " = " + counter + ";"
	default:
		captured, assigned := r.loopVarUses(rs.Body, []*ast.Ident{key}, true)
		if len(captured) > 0 || len(assigned) > 0 {
			counter = r.name("i")
			prologue = " " + key.Name + " := " + counter + ";"
		} else {
			counter = key.Name
		}
	}
	if tv.Value != nil {
		r.replace(rs.For, rs.X.Pos(), "for "+counter+" := "+zero+"; "+counter+" < ")
		r.replace(rs.X.End(), rs.Body.Lbrace, "; "+counter+"++ ")
	} else {
		bound := r.name("n")
		r.replace(rs.For, rs.X.Pos(), "for "+counter+", "+bound+" := "+zero+", ")
		r.replace(rs.X.End(), rs.Body.Lbrace, "; "+counter+" < "+bound+"; "+counter+"++ ")
	}
	if prologue != "" {
		r.suffix(rs.Body.Lbrace+1, prologue, 0)
	}
	r.rewrite(rs.For, "range over int")
}

// forStmt gives the variables a three-clause loop declares one copy per
// iteration when something outlives the iteration with them (a closure, a
// pointer, a deferred or go call), as Go 1.22 does and the interpreter
// does not.
func (r *compatRewriter) forStmt(fs *ast.ForStmt, stack []ast.Node) {
	if fs.Init != nil && fs.Cond == nil && fs.Post == nil {
		// The interpreter loses what the body assigns to the loop's
		// variables when a three-clause loop has neither a condition nor
		// a post statement: give it the condition true.
		between := r.src[r.off(fs.Init.End()):r.off(fs.Body.Lbrace)]
		if strings.Count(string(between), ";") == 2 && strings.TrimSpace(strings.ReplaceAll(string(between), ";", "")) == "" {
			r.rewrite(fs.For, "for loop without condition or post statement")
			r.replace(fs.Init.End(), fs.Body.Lbrace, "; true; ")
		}
	}
	init, ok := fs.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE {
		return
	}
	var vars []*ast.Ident
	for _, e := range init.Lhs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			vars = append(vars, id)
		}
	}
	captured, assigned := r.loopVarUses(fs.Body, vars, false)
	if len(captured) == 0 {
		return
	}
	r.rewrite(fs.For, "loop variable captured per iteration")
	if len(assigned) == 0 {
		names := identNames(captured)
		r.suffix(fs.Body.Lbrace+1, " "+names+" := "+names+";", 0)
		return
	}
	// The body changes a variable: the loop runs on hidden copies, each
	// iteration starts from them, and hands its values back at its end and
	// before each continue, as the next iteration's copy starts from them.
	hidden := map[types.Object]string{}
	var names, copies []string
	for _, v := range vars {
		h := r.name(v.Name)
		hidden[r.info.Defs[v]] = h
		names = append(names, v.Name)
		copies = append(copies, h)
	}
	for _, n := range []ast.Node{fs.Init, fs.Cond, fs.Post} {
		if n == nil {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				obj := r.info.Defs[id]
				if obj == nil {
					obj = r.info.Uses[id]
				}
				if h, ok := hidden[obj]; ok {
					r.replace(id.Pos(), id.End(), h)
				}
			}
			return true
		})
	}
	in, back := strings.Join(names, ", "), strings.Join(copies, ", ")
	r.suffix(fs.Body.Lbrace+1, " "+in+" := "+back+";", 0)
	r.prefix(fs.Body.Rbrace, "; "+back+" = "+in+"; ", 0)
	r.branches(fs, stack, func(b *ast.BranchStmt, target ast.Stmt, inner []ast.Node) {
		if b.Tok == token.CONTINUE && target == fs {
			r.prefix(b.Pos(), "{ "+back+" = "+in+"; ", len(inner))
			r.suffix(b.End(), " }", len(inner))
		}
	})
}

func identNames(ids []*ast.Ident) string {
	var names []string
	for _, id := range ids {
		names = append(names, id.Name)
	}
	return strings.Join(names, ", ")
}

// loopVarUses reports which of vars the body captures (refers to from a
// function literal, a go or defer statement, or through a pointer) and
// which it may change. Unless needAssigned, the second result is only
// complete when the first is not empty.
func (r *compatRewriter) loopVarUses(body *ast.BlockStmt, vars []*ast.Ident, needAssigned bool) (captured, assigned []*ast.Ident) {
	if len(vars) == 0 || !needAssigned && !r.mayCapture(body) {
		return nil, nil
	}
	objs := map[types.Object]*ast.Ident{}
	for _, v := range vars {
		if obj := r.info.Defs[v]; obj != nil {
			objs[obj] = v
		}
	}
	isCaptured, isAssigned := map[*ast.Ident]bool{}, map[*ast.Ident]bool{}
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		v, ok := objs[r.info.Uses[id]]
		if !ok {
			return true
		}
		for _, s := range stack {
			switch s.(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
				isCaptured[v] = true
			}
		}
		// Walk out through selectors and indexes of the variable.
		var child ast.Node = id
		for i := len(stack) - 1; i >= 0; i-- {
			switch p := stack[i].(type) {
			case *ast.ParenExpr:
				child = p
				continue
			case *ast.SelectorExpr:
				if p.X != child {
					break
				}
				if sel := r.info.Selections[p]; sel != nil && sel.Kind() != types.FieldVal {
					if ptrRecv(sel) && !isPointer(r.info.TypeOf(p.X)) {
						isCaptured[v], isAssigned[v] = true, true
					}
					break
				}
				child = p
				continue
			case *ast.IndexExpr:
				if p.X == child && isArray(r.info.TypeOf(p.X)) {
					child = p
					continue
				}
			case *ast.SliceExpr:
				if p.X == child && isArray(r.info.TypeOf(p.X)) {
					isCaptured[v], isAssigned[v] = true, true
				}
			case *ast.UnaryExpr:
				if p.Op == token.AND {
					isCaptured[v], isAssigned[v] = true, true
				}
			case *ast.AssignStmt:
				for _, l := range p.Lhs {
					if l == child {
						isAssigned[v] = true
					}
				}
			case *ast.IncDecStmt:
				isAssigned[v] = true
			case *ast.RangeStmt:
				if p.Tok == token.ASSIGN && (p.Key == child || p.Value == child) {
					isAssigned[v] = true
				}
			}
			break
		}
		return true
	})
	for _, v := range vars {
		if isCaptured[v] {
			captured = append(captured, v)
		}
		if isAssigned[v] {
			assigned = append(assigned, v)
		}
	}
	return captured, assigned
}

// mayCapture reports whether n holds something that can capture a
// variable (a function literal, go, defer, &, a slice expression, a method
// with a pointer receiver), so loopVarUses can skip most loops without
// walking them. The places are found in one walk of the file.
func (r *compatRewriter) mayCapture(n ast.Node) bool {
	if r.captures == nil {
		r.captures = []token.Pos{}
		ast.Inspect(r.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt, *ast.SliceExpr:
				r.captures = append(r.captures, n.Pos())
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					r.captures = append(r.captures, n.Pos())
				}
			case *ast.SelectorExpr:
				if sel := r.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal && ptrRecv(sel) {
					r.captures = append(r.captures, n.Pos())
				}
			}
			return true
		})
	}
	i, _ := slices.BinarySearch(r.captures, n.Pos())
	return i < len(r.captures) && r.captures[i] < n.End()
}

func ptrRecv(sel *types.Selection) bool {
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && isPointer(recv.Type())
}

func isPointer(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

func isArray(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Array)
	return ok
}

// branches calls f for each break, continue and goto in the body of loop
// (not in function literals) with the statement it targets (nil for goto)
// and the nodes between the loop and it.
func (r *compatRewriter) branches(loop ast.Stmt, stack []ast.Node, f func(b *ast.BranchStmt, target ast.Stmt, inner []ast.Node)) {
	var body *ast.BlockStmt
	switch l := loop.(type) {
	case *ast.ForStmt:
		body = l.Body
	case *ast.RangeStmt:
		body = l.Body
	}
	outer := append(append([]ast.Node{}, stack...), loop)
	ast.PreorderStack(body, outer, func(n ast.Node, all []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			f(n, branchTarget(n, all), all[len(outer):])
		}
		return true
	})
}

// branchTarget returns the statement a break or continue leaves, given the
// nodes enclosing it; nil for goto and fallthrough, or a label not found.
func branchTarget(b *ast.BranchStmt, stack []ast.Node) ast.Stmt {
	if b.Tok != token.BREAK && b.Tok != token.CONTINUE {
		return nil
	}
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.LabeledStmt:
			if b.Label != nil && s.Label.Name == b.Label.Name {
				return s.Stmt
			}
		case *ast.ForStmt, *ast.RangeStmt:
			if b.Label == nil {
				return s.(ast.Stmt)
			}
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if b.Label == nil && b.Tok == token.BREAK {
				return s.(ast.Stmt)
			}
		}
	}
	return nil
}

// Loops over the iterators of these functions become plain range loops.
var (
	// rangeAsIs: the function's argument ranges the same way.
	rangeAsIs = map[string]bool{"maps.Keys": true, "maps.All": true, "slices.All": true}
	// rangeValues: the function's argument yields as values what the
	// iterator yields as keys.
	rangeValues = map[string]bool{"maps.Values": true, "slices.Values": true}
	// rangeSlice: the function returns a slice of what the iterator yields.
	rangeSlice = map[string]string{
		"strings.SplitSeq": "Split", "strings.SplitAfterSeq": "SplitAfter",
		"strings.FieldsSeq": "Fields", "strings.FieldsFuncSeq": "FieldsFunc",
		"bytes.SplitSeq": "Split", "bytes.SplitAfterSeq": "SplitAfter",
		"bytes.FieldsSeq": "Fields", "bytes.FieldsFuncSeq": "FieldsFunc",
	}
)

// rangeFunc rewrites range over a function (an iterator): over a standard
// iterator of a slice or map into a plain range loop; otherwise into a
// call of the function with the loop body as its yield function.
func (r *compatRewriter) rangeFunc(rs *ast.RangeStmt, sig *types.Signature, stack []ast.Node) {
	if call, ok := ast.Unparen(rs.X).(*ast.CallExpr); ok && len(call.Args) >= 1 {
		if fn, ok := r.objectOf(call.Fun).(*types.Func); ok && fn.Pkg() != nil {
			name := fn.Pkg().Path() + "." + fn.Name()
			switch {
			case rangeAsIs[name] || rangeValues[name]:
				r.replace(call.Pos(), call.Args[0].Pos(), "")
				r.replace(call.Args[0].End(), call.End(), "")
				if rangeValues[name] && rs.Key != nil {
					r.prefix(rs.Key.Pos(), "_, ", 0)
				}
				r.rewrite(rs.For, "range over "+name)
				return
			case rangeSlice[name] != "":
				if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
					r.replace(sel.Sel.Pos(), sel.Sel.End(), rangeSlice[name])
					if rs.Key != nil {
						r.prefix(rs.Key.Pos(), "_, ", 0)
					}
					r.rewrite(rs.For, "range over "+name)
					return
				}
			}
		}
	}
	r.rangeOverFunc(rs, sig, stack)
}

// rangeOverFunc rewrites
//
//	for k, v := range seq { body }
//
// into a call of seq with the body as its yield function, on the same
// lines:
//
//	seq(func(k K, v V) bool { body; return true })
//
// break becomes return false and continue return true. A return in the
// body stores its results, stops the iteration, and returns after the
// call. What cannot be translated (defer, goto, a break or continue out
// of an enclosing statement) is reported.
func (r *compatRewriter) rangeOverFunc(rs *ast.RangeStmt, sig *types.Signature, stack []ast.Node) {
	hint := "collect the values first (slices.Collect(seq), or append them to a slice in the iterator) and range over the slice"
	if sig.Params().Len() != 1 {
		r.unsupported(rs.For, "range over this function is not supported", hint)
		return
	}
	yield, ok := sig.Params().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		r.unsupported(rs.For, "range over this function is not supported", hint)
		return
	}
	// What the body does that a function literal cannot do alike.
	var returns []*ast.ReturnStmt
	bad := false
	ast.PreorderStack(rs.Body, append(append([]ast.Node{}, stack...), rs), func(n ast.Node, all []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			r.unsupported(n.Pos(), "defer inside a range-over-func loop is not supported", hint)
			bad = true
		case *ast.ReturnStmt:
			if r.innermostFuncRange(all) != rs {
				r.unsupported(n.Pos(), "return from nested range-over-func loops is not supported",
					"move the inner loop into a function that returns what you need, or collect the values into a slice first")
				bad = true
			}
			returns = append(returns, n)
		case *ast.BranchStmt:
			if n.Tok == token.GOTO {
				r.unsupported(n.Pos(), "goto inside a range-over-func loop is not supported", hint)
				bad = true
			}
			if t := branchTarget(n, all); t != nil && !within(t, rs) && t != rs {
				r.unsupported(n.Pos(), n.Tok.String()+" out of a range-over-func loop to an enclosing statement is not supported",
					"use a flag variable, or collect the values into a slice first and range over it")
				bad = true
			}
		}
		return true
	})
	if bad {
		return
	}

	// The yield function's parameters: the loop variables.
	var params, assign []string
	vars := []ast.Expr{rs.Key, rs.Value}
	for i := range yield.Params().Len() {
		t, ok := r.typeString(yield.Params().At(i).Type())
		if !ok {
			r.unsupported(rs.For, "range over a function yielding "+yield.Params().At(i).Type().String()+" is not supported", hint)
			return
		}
		name := "_"
		if i < len(vars) && vars[i] != nil {
			if id, ok := vars[i].(*ast.Ident); ok && rs.Tok == token.DEFINE {
				name = id.Name
			} else if !(ok && id.Name == "_") {
				name = r.name("v")
				assign = append(assign, r.text(vars[i])+" = "+name)
			}
		}
		params = append(params, name+" "+t)
	}

	// Once the body returned false, or the whole loop has ended, Go
	// panics if the iterator calls it again.
	stopped := r.name("stop")
	exited := r.name("exit")

	// Returns store their results and leave the iteration.
	var before, after string
	if len(returns) > 0 {
		fsig, named := r.enclosingFunc(stack)
		if fsig == nil {
			r.unsupported(rs.For, "return inside this range-over-func loop is not supported", hint)
			return
		}
		done := r.name("ret")
		before = "{ var " + done + " bool; "
		results := fsig.Results()
		var temps []string
		if named {
			for i := range results.Len() {
				temps = append(temps, results.At(i).Name())
			}
		} else {
			for i := range results.Len() {
				t, ok := r.typeString(results.At(i).Type())
				if !ok {
					r.unsupported(rs.For, "return inside this range-over-func loop is not supported", hint)
					return
				}
				tmp := r.name("r")
				temps = append(temps, tmp)
				before += "var " + tmp + " " + t + "; "
			}
		}
		after = "; if " + done + " { return"
		if !named && len(temps) > 0 {
			after += " " + strings.Join(temps, ", ")
		}
		after += " } }"
		for _, ret := range returns {
			if named && len(ret.Results) > 0 && !r.resultsVisible(ret, results) {
				r.unsupported(ret.Pos(), "return inside this range-over-func loop is not supported (a result name is shadowed)", hint)
				return
			}
		}
		for _, ret := range returns {
			end := " " + done + " = true; " + stopped + " = true; return false }"
			if len(ret.Results) == 0 {
				r.replace(ret.Pos(), ret.End(), "{"+end)
				continue
			}
			r.replace(ret.Pos(), ret.Pos()+token.Pos(len("return")), "{ "+strings.Join(temps, ", ")+" =")
			r.suffix(ret.End(), ";"+end, 0)
		}
	}

	r.branches(rs, stack, func(b *ast.BranchStmt, target ast.Stmt, inner []ast.Node) {
		if target != rs {
			return
		}
		if b.Tok == token.BREAK {
			r.replace(b.Pos(), b.End(), "{ "+stopped+" = true; return false }")
		} else {
			r.replace(b.Pos(), b.End(), "return true")
		}
	})

	start := rs.For
	if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == rs {
		start = l.Pos() // the label is left unused
	}
	r.replace(start, rs.X.Pos(), "{ var "+stopped+", "+exited+" bool; "+before)
	after += " }"
	head := "(func(" + strings.Join(params, ", ") + ") bool { if " + stopped + " { panic(" + r.runtimeShim("RangeContinued") + "()) };" +
		" if " + exited + " { panic(" + r.runtimeShim("RangeExhausted") + "()) };"
	if len(assign) > 0 {
		head += " " + strings.Join(assign, "; ") + ";"
	}
	r.replace(rs.X.End(), rs.Body.Lbrace+1, head)
	r.replace(rs.Body.Rbrace, rs.Body.Rbrace+1, "; return true }); "+exited+" = true"+after)
	r.rewrite(rs.For, "range over func")
}

// innermostFuncRange returns the innermost range-over-func loop of stack,
// within the innermost function.
func (r *compatRewriter) innermostFuncRange(stack []ast.Node) *ast.RangeStmt {
	for i := len(stack) - 1; i >= 0; i-- {
		switch s := stack[i].(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		case *ast.RangeStmt:
			if t := r.info.TypeOf(s.X); t != nil {
				if _, ok := t.Underlying().(*types.Signature); ok {
					return s
				}
			}
		}
	}
	return nil
}

// within reports whether n lies inside outer.
func within(n, outer ast.Node) bool {
	return outer.Pos() <= n.Pos() && n.End() <= outer.End()
}

// enclosingFunc returns the signature of the innermost function of stack,
// and whether its results are named.
func (r *compatRewriter) enclosingFunc(stack []ast.Node) (*types.Signature, bool) {
	for i := len(stack) - 1; i >= 0; i-- {
		var t types.Type
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			t = r.info.TypeOf(f)
		case *ast.FuncDecl:
			if obj := r.info.Defs[f.Name]; obj != nil {
				t = obj.Type()
			}
		default:
			continue
		}
		sig, ok := t.(*types.Signature)
		if !ok {
			return nil, false
		}
		named := sig.Results().Len() > 0 && sig.Results().At(0).Name() != ""
		for i := range sig.Results().Len() {
			if sig.Results().At(i).Name() == "_" {
				return nil, false
			}
		}
		return sig, named
	}
	return nil, false
}

// resultsVisible reports whether the named results are not shadowed at ret.
func (r *compatRewriter) resultsVisible(ret *ast.ReturnStmt, results *types.Tuple) bool {
	scope := r.pkg.Scope().Innermost(ret.Pos())
	if scope == nil {
		return false
	}
	for i := range results.Len() {
		if _, obj := scope.LookupParent(results.At(i).Name(), ret.Pos()); obj != results.At(i) {
			return false
		}
	}
	return true
}

// rangeAssign rewrites "for k, v = range x", which the interpreter runs with
// new variables of the same names (the outer k and v never change), into a
// definition of fresh variables assigned to k and v as each iteration
// starts, which is what Go does.
func (r *compatRewriter) rangeAssign(rs *ast.RangeStmt) {
	var defs, lhs, rhs []string
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e == nil {
			continue
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			defs = append(defs, "_")
			continue
		}
		name := r.name("r")
		defs = append(defs, name)
		lhs = append(lhs, r.text(e))
		rhs = append(rhs, name)
	}
	if len(lhs) == 0 {
		return
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e != nil && strings.Contains(r.text(e), "\n") {
			// The moved text would move lines.
			r.unsupported(e.Pos(), "a range loop assigning to an expression over several lines is not supported by the interpreter",
				"range with := into new variables, and assign them in the loop body")
			return
		}
	}
	end := rs.Key.End()
	if rs.Value != nil {
		end = rs.Value.End()
	}
	r.replace(rs.Key.Pos(), end, strings.Join(defs, ", "))
	r.replace(rs.TokPos, rs.TokPos+1, ":=")
	r.suffix(rs.Body.Lbrace+1, " "+strings.Join(lhs, ", ")+" = "+strings.Join(rhs, ", ")+";", 0)
	r.rewrite(rs.For, "range loop assigning existing variables")
}
