package bound

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/airlockhq/airlock/plan/model"
	"github.com/airlockhq/airlock/plan/pass"
)

// inf is an execution count or trip count with no static bound.
const inf int64 = -1

// mulCount multiplies execution counts, capping at MaxCallBound. Code that
// never runs contributes nothing, even inside an unbounded loop.
func mulCount(a, b int64) int64 {
	switch {
	case a == 0 || b == 0:
		return 0
	case a == inf || b == inf:
		return inf
	case a > model.MaxCallBound/b:
		return model.MaxCallBound
	}
	return min(a*b, model.MaxCallBound)
}

func addCount(a, b int64) int64 {
	if a == inf || b == inf {
		return inf
	}
	return min(a+b, model.MaxCallBound)
}

// Review bounds the tool calls one run of p makes and notes what makes
// its runs differ from one another (clock, randomness, map order) or
// leaves its calls without a bound. It tolerates a program with type
// errors: what the checker could not resolve is left alone.
func Review(p *pass.Program) ([]model.Note, *model.CallBound) {
	l := &linter{
		p:        p,
		info:     p.Info,
		declOf:   map[*types.Func]int{},
		methods:  map[string][]*types.Func{},
		litBody:  map[*ast.FuncLit]int{},
		writes:   map[types.Object][]ast.Expr{},
		writePos: map[types.Object][]token.Pos{},
		written:  map[*ast.Ident]bool{},
		callee:   map[*ast.Ident]bool{},
		called:   map[*ast.FuncLit]bool{},
		litVar:   map[types.Object]*ast.FuncLit{},
		bound:    map[*ast.FuncLit]bool{},
		loopNote: map[string]bool{},
	}
	if l.info == nil {
		return nil, &model.CallBound{Bounded: true}
	}
	l.index()
	l.walkAll()
	bound := l.count()
	if least, loop := l.least(); least > 0 {
		bound.Min, bound.Loop = int(min(least, int64(bound.Max))), loop
		if !bound.Bounded {
			bound.Min = int(min(least, model.MaxCallBound))
		}
	}
	l.callNotes()
	l.clockAndRandom()
	l.mapOrder()
	slices.SortStableFunc(l.notes, func(a, b model.Note) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	return l.notes, &bound
}

// linter holds the state of one lint.
type linter struct {
	p     *pass.Program
	info  *types.Info
	notes []model.Note

	// bodies are the units of code that run: 0 is the package-level
	// initialisation, then every function declaration and literal.
	bodies  []*body
	declOf  map[*types.Func]int
	methods map[string][]*types.Func // the program's methods by name
	litBody map[*ast.FuncLit]int
	edges   []edge
	sites   []site

	// writes holds, for each variable, the value of every assignment to it
	// (nil when unknown: an operator assignment, ++, &v); writePos where.
	writes   map[types.Object][]ast.Expr
	writePos map[types.Object][]token.Pos
	written  map[*ast.Ident]bool // identifiers assigned to, not read
	callee   map[*ast.Ident]bool // identifiers naming the function of a call
	called   map[*ast.FuncLit]bool
	// litVar maps a variable assigned exactly once, a function literal, to
	// it; its calls are the literal's calls.
	litVar map[types.Object]*ast.FuncLit
	bound  map[*ast.FuncLit]bool

	loopNote map[string]bool
}

// body is one function's code, or the package-level initialisation.
type body struct {
	name  string // "main", "(T).M", "the function literal at line 9"
	pos   token.Pos
	root  bool     // runs once: main, init and package-level initialisation
	lib   bool     // a method that library code may call (String, Less...)
	gotos []region // labelled statements that a later goto jumps back to

	count int64
	reach map[string]bool // tools used, directly or through calls
	cycle bool            // calls itself, directly or not
}

// region is a stretch of code repeated by a backward goto.
type region struct {
	from, to token.Pos
	label    string
}

// edge is one place where a body runs another.
type edge struct {
	from, to int
	mult     int64 // times per execution of from; inf when unknown
	loop     *loop // innermost enclosing loop without a bound
	pos      token.Pos
	value    bool   // a function used as a value: its calls are not counted
	lib      bool   // a method library code may call
	name     string // what the program calls the function used as a value
}

// site is one tool use.
type site struct {
	body  int
	mult  int64
	loop  *loop
	tool  string
	pos   token.Pos
	value bool
}

// loop is a loop whose trip count has no constant bound.
type loop struct {
	pos    token.Pos
	header string
	hint   string
}

// walkCtx is where the walk is: which body, how many times per execution
// of it the current code runs, and the innermost unbounded loop.
type walkCtx struct {
	body int
	mult int64
	loop *loop
}

// index finds the bodies, the assignments to every variable and the
// callees of every call.
func (l *linter) index() {
	l.bodies = append(l.bodies, &body{name: "package initialisation", root: true})
	for _, d := range l.p.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		bd := &body{name: fd.Name.Name, pos: fd.Name.Pos()}
		if fd.Recv == nil {
			bd.root = fd.Name.Name == "main" || fd.Name.Name == "init"
		} else {
			bd.name = recvName(fd) + "." + fd.Name.Name
			bd.lib = libraryMethods[fd.Name.Name]
		}
		bd.gotos = gotoRegions(fd.Body)
		id := len(l.bodies)
		l.bodies = append(l.bodies, bd)
		if fn, ok := l.info.Defs[fd.Name].(*types.Func); ok && fd.Name.Name != "init" {
			l.declOf[fn] = id
			if fd.Recv != nil {
				l.methods[fn.Name()] = append(l.methods[fn.Name()], fn)
			}
		}
	}
	ast.Inspect(l.p.File, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			l.litBody[n] = len(l.bodies)
			l.bodies = append(l.bodies, &body{
				name:  fmt.Sprintf("the function literal at line %d", l.p.Pos(n.Pos()).Line),
				pos:   n.Pos(),
				gotos: gotoRegions(n.Body),
			})
		case *ast.CallExpr:
			switch f := calleeExpr(l.info, n.Fun).(type) {
			case *ast.Ident:
				l.callee[f] = true
			case *ast.FuncLit:
				l.called[f] = true
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok || id.Name == "_" {
					continue
				}
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
					rhs = n.Rhs[i]
				}
				if obj := l.info.Defs[id]; obj != nil {
					l.write(obj, rhs, id.Pos())
				} else if obj := l.info.Uses[id]; obj != nil {
					l.written[id] = true
					l.write(obj, rhs, id.Pos())
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				obj := l.info.Defs[id]
				if obj == nil || len(n.Values) == 0 {
					continue
				}
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				l.write(obj, rhs, id.Pos())
			}
		case *ast.IncDecStmt:
			l.writeIdent(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				l.writeIdent(n.X)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				l.writeIdent(n.Key)
				l.writeIdent(n.Value)
			}
		case *ast.SelectorExpr:
			// v.M() with a pointer receiver takes v's address.
			if sel := l.info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				if fn, ok := sel.Obj().(*types.Func); ok {
					if _, ptr := fn.Signature().Recv().Type().(*types.Pointer); ptr {
						if t := l.info.Types[n.X].Type; t != nil {
							if _, isPtr := t.Underlying().(*types.Pointer); !isPtr {
								l.writeIdent(n.X)
							}
						}
					}
				}
			}
		}
		return true
	})
	for obj, ws := range l.writes {
		if len(ws) != 1 {
			continue
		}
		if lit, ok := ast.Unparen(ws[0]).(*ast.FuncLit); ok {
			if _, isVar := obj.(*types.Var); isVar {
				l.litVar[obj] = lit
				l.bound[lit] = true
			}
		}
	}
}

func (l *linter) write(obj types.Object, rhs ast.Expr, p token.Pos) {
	if _, ok := obj.(*types.Var); !ok {
		return
	}
	l.writes[obj] = append(l.writes[obj], rhs)
	l.writePos[obj] = append(l.writePos[obj], p)
}

// writeIdent records an assignment of an unknown value to e, when e names
// a variable.
func (l *linter) writeIdent(e ast.Expr) {
	if e == nil {
		return
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return
	}
	obj := l.info.Uses[id]
	if obj == nil {
		obj = l.info.Defs[id]
	}
	if obj != nil {
		l.written[id] = true
		l.write(obj, nil, id.Pos())
	}
}

// libraryMethods are methods that library code calls on a program's
// values (fmt, sort, encoding/json, errors, io), any number of times.
var libraryMethods = map[string]bool{
	"String": true, "GoString": true, "Format": true, "Error": true, "Unwrap": true, "Is": true, "As": true,
	"Len": true, "Less": true, "Swap": true, "Push": true, "Pop": true,
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalText": true, "UnmarshalText": true,
	"Read": true, "Write": true, "Close": true, "ReadFrom": true, "WriteTo": true,
	"Scan": true, "Value": true, "ServeHTTP": true,
}

func recvName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	ptr := ""
	if s, ok := t.(*ast.StarExpr); ok {
		t, ptr = s.X, "*"
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return "(" + ptr + id.Name + ")"
	}
	return "(?)"
}

// gotoRegions finds the labelled statements of a function body that a
// later goto jumps back to, making a loop.
func gotoRegions(fn *ast.BlockStmt) []region {
	labels := map[string]token.Pos{}
	var gotos []*ast.BranchStmt
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.LabeledStmt:
			labels[n.Label.Name] = n.Pos()
		case *ast.BranchStmt:
			if n.Tok == token.GOTO && n.Label != nil {
				gotos = append(gotos, n)
			}
		}
		return true
	})
	var rs []region
	for _, g := range gotos {
		if p, ok := labels[g.Label.Name]; ok && p < g.Pos() {
			rs = append(rs, region{from: p, to: g.End(), label: g.Label.Name})
		}
	}
	return rs
}

// calleeExpr is the function a call calls, seen through parentheses and
// instantiation: an identifier (the selector's for a qualified name or a
// method), a function literal, or another expression.
func calleeExpr(info *types.Info, fun ast.Expr) ast.Expr {
	for {
		switch f := fun.(type) {
		case *ast.ParenExpr:
			fun = f.X
			continue
		case *ast.IndexExpr:
			if isInstance(info, f.X) {
				fun = f.X
				continue
			}
		case *ast.IndexListExpr:
			fun = f.X
			continue
		case *ast.SelectorExpr:
			return f.Sel
		}
		return fun
	}
}

func isInstance(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Instances[x]
		return ok
	case *ast.SelectorExpr:
		_, ok := info.Instances[x.Sel]
		return ok
	}
	return false
}

// walkAll walks every body, recording tool uses and the calls between
// bodies with how often each runs.
func (l *linter) walkAll() {
	id := 0
	for _, d := range l.p.File.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Body == nil {
				continue
			}
			id++
			l.walk(d.Body, walkCtx{body: id, mult: 1})
		case *ast.GenDecl:
			for _, s := range d.Specs {
				if vs, ok := s.(*ast.ValueSpec); ok {
					for _, v := range vs.Values {
						l.walk(v, walkCtx{body: 0, mult: 1})
					}
				}
			}
		}
	}
	// Library code may call these methods any number of times.
	for id, bd := range l.bodies {
		if bd.lib {
			l.edges = append(l.edges, edge{from: 0, to: id, mult: inf, pos: bd.pos, value: true, lib: true})
		}
	}
}

// walk records what n does, in ctx.
func (l *linter) walk(n ast.Node, ctx walkCtx) {
	if n == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			l.funcLit(n, ctx)
			return false
		case *ast.ForStmt:
			l.walk(n.Init, ctx)
			trips := l.forTrips(n)
			in := l.enter(ctx, trips, n, n.Body.Lbrace)
			cond := in
			cond.mult = mulCount(ctx.mult, addCount(trips, 1)) // the condition runs once more
			l.walk(n.Cond, cond)
			l.walk(n.Post, in)
			l.walk(n.Body, in)
			return false
		case *ast.RangeStmt:
			l.walk(n.X, ctx) // evaluated once
			in := l.enter(ctx, l.rangeTrips(n), n, n.Body.Lbrace)
			l.walk(n.Key, in)
			l.walk(n.Value, in)
			l.walk(n.Body, in)
			return false
		case *ast.Ident:
			l.ident(n, ctx)
		}
		return true
	})
}

// enter is the context inside a loop of trips iterations.
func (l *linter) enter(ctx walkCtx, trips int64, n ast.Stmt, lbrace token.Pos) walkCtx {
	in := walkCtx{body: ctx.body, mult: mulCount(ctx.mult, trips), loop: ctx.loop}
	if trips == inf {
		in.loop = &loop{pos: n.Pos(), header: l.header(n.Pos(), lbrace), hint: l.loopHint(n)}
	}
	return in
}

// header is the source of a loop's header, shortened.
func (l *linter) header(from, to token.Pos) string {
	s := strings.Join(strings.Fields(string(l.p.Src[l.p.Offset(from):l.p.Offset(to)])), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s + " { ... }"
}

func (l *linter) loopHint(n ast.Stmt) string {
	const otherwise = "; otherwise the number of tool calls is only known at run time"
	r, ok := n.(*ast.RangeStmt)
	if !ok {
		return "count the iterations with a constant bound, e.g. for i := 0; i < 100 && cond; i++" + otherwise
	}
	xs := "xs"
	if id, ok := ast.Unparen(r.X).(*ast.Ident); ok {
		xs = id.Name
	}
	var t types.Type
	if t = l.info.Types[r.X].Type; t != nil {
		t = t.Underlying()
	}
	switch t.(type) {
	case *types.Map:
		return fmt.Sprintf("if the data has a known limit, range over a prefix of the sorted keys with a constant bound, "+
			"e.g. keys := slices.Sorted(maps.Keys(%s)) and range keys[:min(len(keys), 100)]", xs) + otherwise
	case *types.Chan:
		return fmt.Sprintf("receive a constant number of values, e.g. for i := 0; i < 100; i++ { v, ok := <-%s; ... }", xs) + otherwise
	case *types.Slice, *types.Basic:
		return fmt.Sprintf("if the data has a known limit, range over a prefix with a constant bound, "+
			"e.g. range %s[:min(len(%s), 100)]", xs, xs) + otherwise
	}
	return "loop a constant number of times, e.g. for i := 0; i < 100 && cond; i++" + otherwise
}

// at adjusts ctx for code at p inside a stretch a backward goto repeats.
func (l *linter) at(ctx walkCtx, p token.Pos) walkCtx {
	for _, r := range l.bodies[ctx.body].gotos {
		if r.from <= p && p < r.to {
			ctx.mult = inf
			ctx.loop = &loop{pos: r.from, header: "goto " + r.label,
				hint: "use a loop with a constant bound instead of goto; otherwise the number of tool calls is only known at run time"}
		}
	}
	return ctx
}

// funcLit records how often a function literal runs: per call when it is
// called where written, through its variable when assigned to one once,
// and without a bound when used as a value otherwise.
func (l *linter) funcLit(lit *ast.FuncLit, ctx walkCtx) {
	id := l.litBody[lit]
	ctx = l.at(ctx, lit.Pos())
	switch {
	case l.called[lit]:
		l.edges = append(l.edges, edge{from: ctx.body, to: id, mult: ctx.mult, loop: ctx.loop, pos: lit.Pos()})
	case l.bound[lit]:
	default:
		l.edges = append(l.edges, edge{from: ctx.body, to: id, mult: inf, pos: lit.Pos(), value: true})
	}
	l.walk(lit.Body, walkCtx{body: id, mult: 1})
}

// ident records a use of a tool or of one of the program's functions.
func (l *linter) ident(id *ast.Ident, ctx walkCtx) {
	if l.written[id] {
		return
	}
	obj := l.info.Uses[id]
	if obj == nil {
		return
	}
	ctx = l.at(ctx, id.Pos())
	call := l.callee[id]
	link := func(to int) {
		e := edge{from: ctx.body, to: to, mult: ctx.mult, loop: ctx.loop, pos: id.Pos()}
		if !call {
			e.mult, e.loop, e.value, e.name = inf, nil, true, id.Name
		}
		l.edges = append(l.edges, e)
	}
	switch obj := obj.(type) {
	case *types.Func:
		fn := obj.Origin()
		if tool, ok := l.p.Tools[fn.Pkg()]; ok && fn.Pkg() != nil {
			s := site{body: ctx.body, mult: ctx.mult, loop: ctx.loop, tool: pass.ToolName(tool, fn), pos: id.Pos()}
			if !call {
				s.mult, s.loop, s.value = inf, nil, true
			}
			l.sites = append(l.sites, s)
			return
		}
		if to, ok := l.declOf[fn]; ok {
			link(to)
			return
		}
		// A method called through an interface may be any of the
		// program's methods of that name whose type implements it.
		if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			iface, _ := recv.Type().Underlying().(*types.Interface)
			for _, m := range l.methods[fn.Name()] {
				if implements(m, iface) {
					link(l.declOf[m])
				}
			}
		}
	case *types.Var:
		if lit, ok := l.litVar[obj]; ok {
			link(l.litBody[lit])
		}
	}
}

// implements reports whether the receiver type of method m may implement
// iface; a generic receiver is assumed to.
func implements(m *types.Func, iface *types.Interface) bool {
	recv := m.Signature().Recv()
	if recv == nil {
		return false
	}
	if iface == nil {
		return true
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.TypeParams().Len() > 0 {
		return true
	}
	return types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface)
}

// forTrips is the trip count of a three-clause loop that counts a variable
// from a constant to a constant bound by a constant step, the variable
// not assigned in the body; inf for any other loop.
func (l *linter) forTrips(f *ast.ForStmt) int64 {
	if f.Init == nil || f.Cond == nil || f.Post == nil {
		return inf
	}
	// The counter is declared by the loop, so no other code assigns it.
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || len(init.Lhs) != 1 || len(init.Rhs) != 1 || init.Tok != token.DEFINE {
		return inf
	}
	v, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return inf
	}
	obj := l.info.ObjectOf(v)
	start := l.intConst(init.Rhs[0])
	if obj == nil || start == nil {
		return inf
	}
	var step constant.Value
	switch p := f.Post.(type) {
	case *ast.IncDecStmt:
		if !l.is(p.X, obj) {
			return inf
		}
		step = constant.MakeInt64(1)
		if p.Tok == token.DEC {
			step = constant.MakeInt64(-1)
		}
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || !l.is(p.Lhs[0], obj) {
			return inf
		}
		c := l.intConst(p.Rhs[0])
		if c == nil || constant.Sign(c) <= 0 {
			return inf
		}
		switch p.Tok {
		case token.ADD_ASSIGN:
			step = c
		case token.SUB_ASSIGN:
			step = constant.UnaryOp(token.SUB, c, 0)
		default:
			return inf
		}
	default:
		return inf
	}
	for _, p := range l.writePos[obj] {
		if f.Body.Pos() <= p && p < f.Body.End() {
			return inf
		}
	}
	up := constant.Sign(step) > 0
	lim, incl, ok := l.condBound(f.Cond, obj, up)
	if !ok {
		return inf
	}
	diff := constant.BinaryOp(lim, token.SUB, start)
	if !up {
		diff = constant.UnaryOp(token.SUB, diff, 0)
		step = constant.UnaryOp(token.SUB, step, 0)
	}
	var trips constant.Value
	switch {
	case incl && constant.Sign(diff) >= 0:
		trips = constant.BinaryOp(constant.BinaryOp(diff, token.QUO_ASSIGN, step), token.ADD, constant.MakeInt64(1))
	case !incl && constant.Sign(diff) > 0:
		d := constant.BinaryOp(diff, token.ADD, constant.BinaryOp(step, token.SUB, constant.MakeInt64(1)))
		trips = constant.BinaryOp(d, token.QUO_ASSIGN, step)
	default:
		return 0
	}
	return clampCount(trips)
}

func clampCount(v constant.Value) int64 {
	if constant.Sign(v) <= 0 {
		return 0
	}
	if n, exact := constant.Int64Val(v); exact && n <= model.MaxCallBound {
		return n
	}
	return model.MaxCallBound
}

// condBound reads a loop condition that keeps the counter obj below (up)
// or above a constant: the bound and whether it is inclusive. Of a
// conjunction, the tighter bound of either side.
func (l *linter) condBound(e ast.Expr, obj types.Object, up bool) (constant.Value, bool, bool) {
	be, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return nil, false, false
	}
	if be.Op == token.LAND {
		x, xi, xok := l.condBound(be.X, obj, up)
		y, yi, yok := l.condBound(be.Y, obj, up)
		switch {
		case xok && yok:
			// Compare as exclusive bounds.
			if xi {
				x, xi = constant.BinaryOp(x, token.ADD, step1(up)), false
			}
			if yi {
				y, yi = constant.BinaryOp(y, token.ADD, step1(up)), false
			}
			if up == constant.Compare(y, token.LSS, x) {
				return y, yi, true
			}
			return x, xi, true
		case xok:
			return x, xi, true
		case yok:
			return y, yi, true
		}
		return nil, false, false
	}
	op, other := be.Op, be.Y
	switch {
	case l.is(be.X, obj):
	case l.is(be.Y, obj):
		other = be.X
		switch op {
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	default:
		return nil, false, false
	}
	switch {
	case up && (op == token.LSS || op == token.LEQ), !up && (op == token.GTR || op == token.GEQ):
		if v := l.constBound(other, up); v != nil {
			return v, op == token.LEQ || op == token.GEQ, true
		}
	}
	return nil, false, false
}

func step1(up bool) constant.Value {
	if up {
		return constant.MakeInt64(1)
	}
	return constant.MakeInt64(-1)
}

// constBound is the value of an integer constant, or a bound on min(...)
// (up) or max(...) (down) with a constant argument.
func (l *linter) constBound(e ast.Expr, up bool) constant.Value {
	if v := l.intConst(e); v != nil {
		return v
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return nil
	}
	b, ok := l.info.Uses[id].(*types.Builtin)
	if !ok || (up && b.Name() != "min") || (!up && b.Name() != "max") {
		return nil
	}
	var best constant.Value
	for _, a := range call.Args {
		v := l.intConst(a)
		if v == nil {
			continue
		}
		if best == nil || (up && constant.Compare(v, token.LSS, best)) || (!up && constant.Compare(v, token.GTR, best)) {
			best = v
		}
	}
	return best
}

func (l *linter) intConst(e ast.Expr) constant.Value {
	v := l.info.Types[e].Value
	if v == nil {
		return nil
	}
	v = constant.ToInt(v)
	if v.Kind() != constant.Int {
		return nil
	}
	return v
}

// is reports whether e names obj.
func (l *linter) is(e ast.Expr, obj types.Object) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && l.info.ObjectOf(id) == obj
}

// rangeTrips is the trip count of a range loop: over a constant, an
// integer bounded by a constant, an array, a literal, a variable assigned
// only a slice literal, or a slice of a constant length; inf otherwise.
func (l *linter) rangeTrips(r *ast.RangeStmt) int64 {
	tv := l.info.Types[r.X]
	if tv.Type == nil {
		return inf
	}
	if tv.Value != nil && tv.Value.Kind() == constant.String {
		return clampCount(constant.MakeInt64(int64(len(constant.StringVal(tv.Value)))))
	}
	switch u := tv.Type.Underlying().(type) {
	case *types.Basic:
		if u.Info()&types.IsInteger != 0 {
			if v := l.constBound(r.X, true); v != nil {
				return clampCount(v)
			}
		}
	case *types.Array:
		return clampCount(constant.MakeInt64(u.Len()))
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return clampCount(constant.MakeInt64(a.Len()))
		}
	case *types.Slice, *types.Map:
		return l.seqLen(r.X, 0)
	}
	return inf
}

// seqLen bounds the length of a slice or map expression.
func (l *linter) seqLen(e ast.Expr, depth int) int64 {
	if depth > 8 {
		return inf
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return l.litLen(x)
	case *ast.Ident:
		obj, ok := l.info.Uses[x].(*types.Var)
		if !ok || len(l.writes[obj]) != 1 || l.writes[obj][0] == nil {
			return inf
		}
		if _, isSlice := obj.Type().Underlying().(*types.Slice); !isSlice {
			return inf // a map grows without being assigned
		}
		if cl, ok := ast.Unparen(l.writes[obj][0]).(*ast.CompositeLit); ok {
			return l.litLen(cl)
		}
	case *ast.SliceExpr:
		lo := int64(0)
		if x.Low != nil {
			v := l.intConst(x.Low)
			if v == nil {
				return inf
			}
			lo = clampCount(v)
		}
		hi := inf
		if x.High != nil {
			if v := l.constBound(x.High, true); v != nil {
				hi = clampCount(v)
			}
		}
		if hi == inf {
			hi = l.seqLen(x.X, depth+1)
		}
		if hi == inf {
			return inf
		}
		return max(hi-lo, 0)
	}
	return inf
}

// litLen is the length of a slice or map literal.
func (l *linter) litLen(cl *ast.CompositeLit) int64 {
	t := l.info.Types[cl].Type
	if t == nil {
		return inf
	}
	if _, ok := t.Underlying().(*types.Map); ok {
		return int64(len(cl.Elts))
	}
	var n, i int64
	for _, el := range cl.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			v := l.intConst(kv.Key)
			if v == nil {
				return inf
			}
			i = clampCount(v)
		}
		i++
		n = max(n, i)
	}
	return n
}

// count computes how often each body runs and the bound on tool calls.
func (l *linter) count() model.CallBound {
	n := len(l.bodies)
	out := make([][]edge, n)
	in := make([][]edge, n)
	for _, e := range l.edges {
		if e.mult != 0 {
			out[e.from] = append(out[e.from], e)
			in[e.to] = append(in[e.to], e)
		}
	}
	for _, bd := range l.bodies {
		bd.reach = map[string]bool{}
	}
	for _, s := range l.sites {
		l.bodies[s.body].reach[s.tool] = true
	}
	// Tarjan's algorithm yields the components callees first.
	sccs := tarjan(n, out)
	for _, c := range sccs {
		// Tools reached: the component's own and its callees'.
		reach := map[string]bool{}
		for _, v := range c {
			for t := range l.bodies[v].reach {
				reach[t] = true
			}
			for _, e := range out[v] {
				for t := range l.bodies[e.to].reach {
					reach[t] = true
				}
			}
		}
		cyclic := len(c) > 1
		for _, v := range c {
			for _, e := range out[v] {
				cyclic = cyclic || e.to == v
			}
		}
		for _, v := range c {
			l.bodies[v].reach = reach
			l.bodies[v].cycle = cyclic
		}
	}
	for i := len(sccs) - 1; i >= 0; i-- {
		c := sccs[i]
		member := map[int]bool{}
		for _, v := range c {
			member[v] = true
		}
		total := int64(0)
		for _, v := range c {
			bd := l.bodies[v]
			if bd.root {
				total = addCount(total, 1)
			}
			for _, e := range in[v] {
				if !member[e.from] {
					total = addCount(total, mulCount(l.bodies[e.from].count, e.mult))
				}
			}
		}
		if l.bodies[c[0]].cycle && total != 0 {
			total = inf
		}
		for _, v := range c {
			l.bodies[v].count = total
		}
	}
	bound := model.CallBound{Bounded: true}
	sum := int64(0)
	for _, s := range l.sites {
		c := mulCount(l.bodies[s.body].count, s.mult)
		if c == inf {
			bound.Bounded = false
			continue
		}
		sum = addCount(sum, c)
	}
	bound.Max = int(sum)
	return bound
}

// tarjan returns the strongly connected components of a graph, each after
// every component it reaches.
func tarjan(n int, out [][]edge) [][]int {
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var sccs [][]int
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for _, e := range out[v] {
			w := e.to
			switch {
			case index[w] < 0:
				visit(w)
				low[v] = min(low[v], low[w])
			case on[w]:
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var c []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				c = append(c, w)
				if w == v {
					break
				}
			}
			slices.Sort(c)
			sccs = append(sccs, c)
		}
	}
	for v := range n {
		if index[v] < 0 {
			visit(v)
		}
	}
	return sccs
}

// callNotes explains every reason the tool calls have no bound: a loop
// without one, recursion, and functions and tools used as values.
func (l *linter) callNotes() {
	for _, s := range l.sites {
		switch {
		case s.value:
			l.note(s.pos, "unbounded-calls",
				fmt.Sprintf("%s is used as a value, so its calls cannot be counted before the program runs", s.tool),
				"call "+s.tool+" directly where it is needed")
		case s.loop != nil:
			l.loopNoteFor(s.loop, s.tool, "")
		}
	}
	for _, e := range l.edges {
		to := l.bodies[e.to]
		tools := sortedKeys(to.reach)
		if len(tools) == 0 {
			continue
		}
		switch {
		case e.value:
			what := cmp.Or(e.name, to.name)
			if strings.HasPrefix(what, "the function literal") {
				what = "a function literal"
			}
			if e.lib {
				l.note(to.pos, "unbounded-calls",
					fmt.Sprintf("library code (fmt, sort, encoding/json...) may call the method %s any number of times, and it calls %s",
						to.name, strings.Join(tools, ", ")),
					"call tools from the program's own functions, not from methods that library code calls")
				continue
			}
			l.note(e.pos, "unbounded-calls",
				fmt.Sprintf("%s is used as a value and calls %s, so those calls cannot be counted before the program runs", what, strings.Join(tools, ", ")),
				"call the function directly, in code whose loops have constant bounds")
		case e.loop != nil:
			via := to.name
			if strings.HasPrefix(via, "the function literal") {
				via = ""
			}
			for _, t := range tools {
				l.loopNoteFor(e.loop, t, via)
			}
		}
	}
	for _, bd := range l.bodies {
		if bd.cycle && len(bd.reach) > 0 && bd.pos.IsValid() {
			l.note(bd.pos, "unbounded-calls",
				fmt.Sprintf("%s is recursive and calls %s, so the number of calls has no bound before the program runs",
					bd.name, strings.Join(sortedKeys(bd.reach), ", ")),
				"replace the recursion with a loop of constant bound, or accept that the number of tool calls is only known at run time")
		}
	}
}

func (l *linter) loopNoteFor(lp *loop, tool, via string) {
	key := fmt.Sprint(lp.pos, tool, via)
	if l.loopNote[key] {
		return
	}
	l.loopNote[key] = true
	called := tool + " is called"
	if via != "" {
		called = tool + " is called through " + via
	}
	l.note(lp.pos, "unbounded-calls",
		fmt.Sprintf("%s in a loop with no constant bound (%s)", called, lp.header), lp.hint)
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (l *linter) note(p token.Pos, rule, msg, hint string) {
	l.notes = append(l.notes, model.Note{Pos: l.p.Pos(p), Rule: rule, Message: msg, Hint: hint})
}

// clockFuncs are the functions of package time whose results depend on
// when the program runs.
var clockFuncs = map[string]bool{
	"Now": true, "Since": true, "Until": true, "Tick": true, "After": true,
	"AfterFunc": true, "NewTimer": true, "NewTicker": true,
}

// seededRand are the functions of math/rand and math/rand/v2 that make a
// generator from a seed: deterministic for a constant seed.
var seededRand = map[string]bool{
	"New": true, "NewSource": true, "NewPCG": true, "NewChaCha8": true, "NewZipf": true,
}

// clockAndRandom notes every use of the clock and of random numbers.
func (l *linter) clockAndRandom() {
	ast.Inspect(l.p.File, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		obj := l.info.Uses[id]
		if obj == nil || obj.Pkg() == nil || obj.Pkg().Scope().Lookup(obj.Name()) != obj {
			return true // not package-level: methods, fields, locals
		}
		name := obj.Name()
		switch obj.Pkg().Path() {
		case "time":
			if _, fn := obj.(*types.Func); fn && clockFuncs[name] {
				l.note(id.Pos(), "time",
					fmt.Sprintf("time.%s depends on when the program runs, so runs can differ", name),
					"pass the time in as a constant, or accept that runs differ")
			}
		case "context":
			if _, fn := obj.(*types.Func); fn && (name == "WithTimeout" || name == "WithDeadline" || name == "WithTimeoutCause" || name == "WithDeadlineCause") {
				l.note(id.Pos(), "time",
					fmt.Sprintf("context.%s depends on when the program runs, so runs can differ", name),
					"let the run's time limit bound the program, or accept that runs differ")
			}
		case "math/rand", "math/rand/v2":
			if _, fn := obj.(*types.Func); fn && !seededRand[name] {
				seed := "rand.New(rand.NewSource(1))"
				if obj.Pkg().Path() == "math/rand/v2" {
					seed = "rand.New(rand.NewPCG(1, 2))"
				}
				l.note(id.Pos(), "random",
					fmt.Sprintf("rand.%s (%s) uses a generator seeded differently on each run, so runs can differ", name, obj.Pkg().Path()),
					"use a generator with a constant seed, r := "+seed+", and call its methods; or accept that runs differ")
			}
		case "crypto/rand":
			l.note(id.Pos(), "random",
				fmt.Sprintf("rand.%s (crypto/rand) gives different values on each run, so runs can differ", name),
				"if the values need not be secret, use math/rand/v2 with a constant seed, rand.New(rand.NewPCG(1, 2)); otherwise accept that runs differ")
		}
		return true
	})
}

// clockUses are the functions that read the clock or wait on it, by
// package path.
var clockUses = map[string]map[string]bool{
	"time": {"Now": true, "Since": true, "Until": true, "Sleep": true, "Tick": true, "After": true,
		"AfterFunc": true, "NewTimer": true, "NewTicker": true},
	"context": {"WithTimeout": true, "WithDeadline": true, "WithTimeoutCause": true, "WithDeadlineCause": true},
	// A logger writing into the program's own writer stamps the time.
	"log":      {"New": true, "SetOutput": true},
	"net/http": {"TimeoutHandler": true},
}

// Clock lists where p reads the clock or waits on it: what timing can
// carry. Methods of the values these make (Timer.Reset, Ticker.C) need
// one of them first.
func Clock(p *pass.Program) []model.ClockUse {
	if p.Info == nil {
		return nil
	}
	var out []model.ClockUse
	ast.Inspect(p.File, func(n ast.Node) bool {
		var id *ast.Ident
		switch n := n.(type) {
		case *ast.SelectorExpr:
			id = n.Sel
		case *ast.Ident:
			id = n // a dot import
		default:
			return true
		}
		fn, ok := p.Info.Uses[id].(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Signature().Recv() != nil || !clockUses[fn.Pkg().Path()][fn.Name()] {
			return true
		}
		out = append(out, model.ClockUse{Pos: p.Pos(n.Pos()), Func: fn.Pkg().Path() + "." + fn.Name()})
		return false
	})
	return out
}

// sortFuncs are the functions that sort a slice in place or return it
// sorted, by package path.
var sortFuncs = map[string]map[string]bool{
	"sort":   {"Strings": true, "Ints": true, "Float64s": true, "Sort": true, "Stable": true, "Slice": true, "SliceStable": true},
	"slices": {"Sort": true, "SortFunc": true, "SortStableFunc": true, "Sorted": true, "SortedFunc": true, "SortedStableFunc": true},
}

// mapOrder notes range loops over maps whose iteration order reaches
// output, tool arguments, a string or a slice not sorted afterwards.
func (l *linter) mapOrder() {
	ast.PreorderStack(l.p.File, nil, func(n ast.Node, stack []ast.Node) bool {
		rs, ok := n.(*ast.RangeStmt)
		if !ok || (rs.Key == nil && rs.Value == nil) {
			return true
		}
		m, ok := l.mapOf(rs.X)
		if !ok {
			return true
		}
		var fn ast.Node
		for i := len(stack) - 1; i >= 0 && fn == nil; i-- {
			switch f := stack[i].(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				fn = f
			}
		}
		leak, hint := l.leak(rs, fn)
		if leak == "" {
			return true
		}
		mt := l.p.Text(m)
		if len(mt) > 40 {
			mt = "the map"
		}
		if hint == "" {
			hint = fmt.Sprintf("range over the keys in order: for _, k := range slices.Sorted(maps.Keys(%s))", mt)
		}
		l.note(rs.For, "map-order",
			fmt.Sprintf("ranging over map %s visits its entries in a different order on each run, and the loop %s", mt, leak), hint)
		return true
	})
}

// mapOf returns the map a range loop visits: ranged over directly or
// through maps.Keys, maps.Values or maps.All.
func (l *linter) mapOf(x ast.Expr) (ast.Expr, bool) {
	if t := l.info.Types[x].Type; t != nil {
		if _, ok := t.Underlying().(*types.Map); ok {
			return x, true
		}
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil, false
	}
	id, ok := calleeExpr(l.info, call.Fun).(*ast.Ident)
	if !ok {
		return nil, false
	}
	fn, ok := l.info.Uses[id].(*types.Func)
	if ok && fn.Pkg() != nil && fn.Pkg().Path() == "maps" && (fn.Name() == "Keys" || fn.Name() == "Values" || fn.Name() == "All") {
		return call.Args[0], true
	}
	return nil, false
}

// leak describes the first thing the body of rs does whose result depends
// on the iteration order, and a hint when the usual one does not fit.
func (l *linter) leak(rs *ast.RangeStmt, fn ast.Node) (leak, hint string) {
	// iter reports whether e uses a variable declared inside the loop.
	iter := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !found {
				if obj := l.info.Uses[id]; obj != nil {
					if _, isVar := obj.(*types.Var); isVar && rs.Pos() <= obj.Pos() && obj.Pos() < rs.End() {
						found = true
					}
				}
			}
			return !found
		})
		return found
	}
	outside := func(obj types.Object) bool {
		return obj != nil && (obj.Pos() < rs.Pos() || obj.Pos() >= rs.End())
	}
	ast.Inspect(rs.Body, func(n ast.Node) bool {
		if leak != "" {
			return false
		}
		switch n := n.(type) {
		case *ast.SendStmt:
			if iter(n.Value) {
				leak = "sends on a channel"
			}
		case *ast.CallExpr:
			what := l.callLeak(n)
			if what != "" && iter(n) {
				leak = what
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				id, ok := ast.Unparen(lhs).(*ast.Ident)
				if !ok {
					continue
				}
				obj, rhs := l.info.Uses[id], n.Rhs[i]
				if !outside(obj) || !iter(rhs) {
					continue
				}
				if isString(obj.Type()) && (n.Tok == token.ADD_ASSIGN || n.Tok == token.ASSIGN && mentions(l.info, rhs, obj)) {
					leak = "builds the string " + id.Name
					return false
				}
				if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && n.Tok == token.ASSIGN && l.isBuiltin(call.Fun, "append") &&
					len(call.Args) > 1 && slices.ContainsFunc(call.Args[1:], iter) && l.unsortedAfter(obj, rs, fn) {
					leak = fmt.Sprintf("appends to %s, which is used after the loop without being sorted", id.Name)
					hint = fmt.Sprintf("sort %s after the loop, e.g. slices.Sort(%s) or sort.Slice(%s, ...), or range over slices.Sorted(maps.Keys(m))",
						id.Name, id.Name, id.Name)
					return false
				}
			}
		}
		return true
	})
	return leak, hint
}

// callLeak says what a call does whose order shows: print, write, use a
// tool or call a function that does.
func (l *linter) callLeak(call *ast.CallExpr) string {
	e := calleeExpr(l.info, call.Fun)
	if lit, ok := e.(*ast.FuncLit); ok {
		if tools := sortedKeys(l.bodies[l.litBody[lit]].reach); len(tools) > 0 {
			return "calls " + strings.Join(tools, ", ")
		}
		return ""
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return ""
	}
	switch obj := l.info.Uses[id].(type) {
	case *types.Builtin:
		if obj.Name() == "print" || obj.Name() == "println" {
			return "prints with " + obj.Name()
		}
	case *types.Func:
		fn := obj.Origin()
		if tool, ok := l.p.Tools[fn.Pkg()]; ok && fn.Pkg() != nil {
			return "calls " + pass.ToolName(tool, fn)
		}
		if to, ok := l.declOf[fn]; ok {
			if tools := sortedKeys(l.bodies[to].reach); len(tools) > 0 {
				return fmt.Sprintf("calls %s, which calls %s", fn.Name(), strings.Join(tools, ", "))
			}
			return ""
		}
		pkg := ""
		if fn.Pkg() != nil {
			pkg = fn.Pkg().Path()
		}
		name := fn.Name()
		switch {
		case pkg == "fmt" && (strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fprint")):
			return "prints with fmt." + name
		case pkg == "log" && (strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")):
			return "prints with log." + name
		case fn.Signature().Recv() != nil && (name == "Write" || name == "WriteString" || name == "WriteByte" || name == "WriteRune" || name == "Encode"):
			return "writes with " + name
		case pkg == "io" && name == "WriteString":
			return "writes with io.WriteString"
		}
	case *types.Var:
		if lit, ok := l.litVar[obj]; ok {
			if tools := sortedKeys(l.bodies[l.litBody[lit]].reach); len(tools) > 0 {
				return fmt.Sprintf("calls %s, which calls %s", id.Name, strings.Join(tools, ", "))
			}
		}
	}
	return ""
}

// unsortedAfter reports whether the slice variable obj, appended to in rs,
// can be seen unsorted after it: it is not sorted later in fn, and is
// declared outside fn or used after the loop other than by len and cap.
func (l *linter) unsortedAfter(obj types.Object, rs *ast.RangeStmt, fn ast.Node) bool {
	if fn == nil {
		return true
	}
	sorted, used := false, false
	skip := map[*ast.Ident]bool{}
	ast.Inspect(fn, func(n ast.Node) bool {
		if n == nil || n.End() <= rs.Pos() {
			return false // before the loop
		}
		switch n := n.(type) {
		case *ast.CallExpr:
			if n.Pos() < rs.End() {
				return true
			}
			if l.isBuiltin(n.Fun, "len") || l.isBuiltin(n.Fun, "cap") {
				for _, a := range n.Args {
					if id, ok := ast.Unparen(a).(*ast.Ident); ok {
						skip[id] = true
					}
				}
			}
			if id, ok := calleeExpr(l.info, n.Fun).(*ast.Ident); ok {
				if f, ok := l.info.Uses[id].(*types.Func); ok && f.Pkg() != nil && sortFuncs[f.Pkg().Path()][f.Name()] {
					for _, a := range n.Args {
						if mentions(l.info, a, obj) {
							sorted = true
						}
					}
				}
			}
		case *ast.Ident:
			if n.Pos() >= rs.End() && !skip[n] && !l.written[n] && l.info.Uses[n] == obj {
				used = true
			}
		}
		return true
	})
	if sorted {
		return false
	}
	if obj.Pos() < fn.Pos() || obj.Pos() >= fn.End() {
		return true
	}
	return used
}

func (l *linter) isBuiltin(fun ast.Expr, name string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := l.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// mentions reports whether e uses obj.
func mentions(info *types.Info, e ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
