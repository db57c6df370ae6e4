package flow

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/airlockhq/airlock/internal/library"
	"github.com/airlockhq/airlock/plan/model"
	"github.com/airlockhq/airlock/plan/pass"
)

// The analysis behind Flows is flow-insensitive, context-insensitive and
// field-insensitive: a variable holds everything ever assigned to it, a
// function's results are the union over all its calls, and writing one
// field or element taints the whole container. Containers reached through
// pointers, slices, maps, channels and interfaces are shared between the
// variables a reference was copied between (alias classes, unified as in
// Steensgaard's analysis). Standard-library calls are assumed to compute
// their results from all their arguments and to write through the
// references they are given. It iterates over the whole program to a
// fixpoint, within a budget.
const (
	MaxPasses    = 200        // passes over the program
	flowMaxWork  = 20_000_000 // expressions and statements visited, over all passes
	flowMaxTime  = time.Second
	flowMaxPath  = 24     // steps kept in a path
	flowMaxFlows = 50_000 // flows reported
)

// model.Flow kinds.
const (
	flowData    = "data"
	flowControl = "control"
)

// outputSink is Flow.To for the program's output.
const outputSink = -1

// labelStdout marks a value that writes to the program's output
// (os.Stdout and writers wrapping it). It is not a source.
const labelStdout = -2

// labelMaybeNil in what decides a variable's own value says it may hold
// nil (or a slice of any length): a value not made here was assigned to
// it, or none. labelMayFail in the cause of a possible run-time error
// says the operation may fail whatever its operands carry: whether it
// runs is then part of the cause. Neither is a source.
const (
	labelMaybeNil = -3
	labelMayFail  = -4
)

// maybeNilT and mayFailT return the labels as new taints: a node owns
// its taints and adds to them in place.
func maybeNilT() taint { return taint{labelMaybeNil: {certain: true}} }
func mayFailT() taint  { return taint{labelMayFail: {certain: true}} }

// Reasons the analysis gives for an uncertain flow; WhyBudget for one it
// did not finish.
const (
	WhyBudget    = "the analysis ran out of its time or step budget"
	whyInterface = "a method called through an interface"
)

// fact is how one source reaches a value.
type fact struct {
	certain bool
	why     string
	path    []model.Pos
}

// taint maps a source (an index in Plan.Uses, or labelStdout) to how it
// reaches a value. A taint is never changed once it may be shared: merge
// into a node's own map only.
type taint map[int]*fact

// target is a function a function value may hold.
type target struct {
	fn    *fnInfo     // a function of the program
	bound bool        // a method value: the receiver is bound already
	use   int         // a tool taken as a value: its index in Plan.Uses, else -1
	tool  *types.Func // the tool's declaration
	lib   *types.Func // a library function or method, or an interface's method
	recv  int         // for a method value, the node of its bound receiver
	iface bool        // lib is an interface's method: any implementation runs
}

// val is what evaluating an expression yields.
type val struct {
	t     taint
	roots []int           // nodes whose referenced memory the value may share
	fns   map[target]bool // the functions it may be, when it is a function
	// unknown says why the function value cannot be tracked: the functions
	// in fns may not be all of them.
	unknown string
	// fresh marks a value made here (&x, new, make, a literal): not nil,
	// of a length known here. head is then what decides it, the branch it
	// was made under; otherwise t does.
	fresh bool
	head  taint
	// state is, for a receiver whose address a method call takes, what
	// decides the variable's own value (a strings.Builder copied).
	state taint
}

// header is what decides whether v is nil and its length.
func (v val) header() taint {
	if v.fresh {
		return v.head
	}
	return union(v.t, maybeNilT())
}

// node is an abstract location: a variable, a parameter, a function's
// result or control context.
type node struct {
	t       taint
	parent  int   // union-find over alias classes
	heap    taint // at a class's root: what was written through a reference
	head    taint // what decides the variable's own value: nil or not, its length
	headW   taint // at a class's root: the head of whole values written through a pointer
	sync    taint // at a class's root: the control of the sends and closes of a channel
	fns     map[target]bool
	unknown string
}

// fnInfo describes a function of the program: a declaration, a function
// literal, or the body of a range-over-func loop.
type fnInfo struct {
	name     string
	body     *ast.BlockStmt
	sig      *types.Signature
	recv     int // node of the receiver, -1 without
	params   []int
	results  []int
	ctl      int // node of the control context of its calls
	stops    int // node of the control under which a call may not return: a panic, os.Exit
	jumps    int // node of the control under which a goto in its body jumps
	variadic bool
}

// flowKey identifies a model.Flow for deduplication.
type flowKey struct {
	from, to  int
	arg, kind string
}

// errFlowBudget stops the analysis when it runs over its budget.
type errFlowBudget struct{}

type flowAnalysis struct {
	p         *pass.Program
	info      *types.Info
	nodes     []node
	varNode   map[*types.Var]int
	fns       map[*types.Func]*fnInfo
	lits      map[*ast.FuncLit]*fnInfo
	ranges    map[*ast.RangeStmt]*fnInfo
	fnList    []*fnInfo
	taken     []target // tools and functions used as values, in order seen
	takenSet  map[target]bool
	identUse  map[*ast.Ident]int  // tool references to their index in Plan.Uses
	useFn     map[int]*types.Func // the tool of each use
	refs      map[types.Type]bool
	flows     map[flowKey]*model.Flow
	changed   bool
	work      int // units of work done, over all passes
	ticks     int // calls of tick
	deadline  time.Time
	cur       *fnInfo // the function being walked, nil at package level
	panicN    int
	libVars   int       // the libraries' package variables
	libState  int       // the state stateful packages keep
	initStops int       // the control under which initialisation may stop the program
	stopping  taint     // the control under which the statement being walked may stop the program
	lastExit  token.Pos // in the function being walked, the end of the last statement that may leave it
	ctlNow    taint     // the control of the statement or expression being walked
	commaOK   ast.Expr
	inRange   map[*types.Var]*types.Var // index variables of loops, to what they index
	minLen    map[*types.Var]int64      // lengths a guard in force ensures
	comps     map[types.Type][]types.Type
	callees   map[*fnInfo]map[*fnInfo]bool // the call graph seen so far
	site      map[string]int               // a library function's node: what its results reference
	bound     map[*ast.SelectorExpr]int    // a method value's bound receiver
	callbacks map[ast.Expr]int             // a callback's results: whether the library calls it again
	toolState map[string]int               // a tool package's node: what its calls were given
	loops     map[ast.Stmt]int
}

// Analyse finds how the results of p's tool uses flow through the
// program into tool arguments and its output. p.Uses must be sorted: flows
// refer to uses by index. A program too large to analyse gives no flows
// and a finding.
func Analyse(p *pass.Program) (flows []model.Flow, findings []model.Finding) {
	if p.Info == nil || len(p.Uses) == 0 {
		return nil, nil
	}
	a := &flowAnalysis{
		p:        p,
		info:     p.Info,
		varNode:  map[*types.Var]int{},
		fns:      map[*types.Func]*fnInfo{},
		lits:     map[*ast.FuncLit]*fnInfo{},
		ranges:   map[*ast.RangeStmt]*fnInfo{},
		takenSet: map[target]bool{},
		identUse: map[*ast.Ident]int{},
		useFn:    map[int]*types.Func{},
		refs:     map[types.Type]bool{},
		flows:    map[flowKey]*model.Flow{},
		deadline: time.Now().Add(flowMaxTime),
	}
	defer func() {
		if r := recover(); r != nil {
			why := WhyBudget
			if _, ok := r.(errFlowBudget); !ok {
				why = fmt.Sprintf("the analysis failed: %v", r)
			}
			if a.pairs() > flowMaxFlows {
				findings = []model.Finding{{Pos: p.Pos(p.File.Pos()), Rule: "too-complex",
					Message: fmt.Sprintf("the flows between the program's %d tool uses could not be analysed", len(p.Uses)),
					Hint:    "make fewer tool calls, or split the work into smaller programs"}}
				flows = nil
				return
			}
			a.giveUp(why)
			flows = a.result()
		}
	}()
	a.site = map[string]int{}
	a.callees = map[*fnInfo]map[*fnInfo]bool{}
	a.bound = map[*ast.SelectorExpr]int{}
	a.callbacks = map[ast.Expr]int{}
	a.toolState = map[string]int{}
	a.loops = map[ast.Stmt]int{}
	a.panicN = a.newNode()
	a.libVars = a.newNode()
	a.nodes[a.libVars].head = maybeNilT()
	a.libState = a.newNode()
	a.initStops = a.newNode()
	a.indexUses()
	a.declare()
	for pass := 0; ; pass++ {
		if pass == MaxPasses {
			panic(errFlowBudget{})
		}
		a.changed = false
		a.pass()
		if !a.changed {
			break
		}
	}
	return a.result(), nil
}

// result lists the flows found, sorted.
func (a *flowAnalysis) result() []model.Flow {
	list := make([]model.Flow, 0, len(a.flows))
	for _, f := range a.flows {
		list = append(list, *f)
	}
	slices.SortFunc(list, func(x, y model.Flow) int {
		return cmp.Or(cmp.Compare(x.From, y.From), cmp.Compare(x.To, y.To),
			cmp.Compare(x.Arg, y.Arg), cmp.Compare(x.Kind, y.Kind))
	})
	if len(list) == 0 {
		return nil
	}
	return list
}

// giveUp records that any source may reach any sink.
func (a *flowAnalysis) giveUp(why string) {
	uses := a.p.Uses
	for from, u := range uses {
		if u.Kind != "call" || !a.hasResult(a.useFn[from]) {
			continue
		}
		f := &fact{why: why, path: []model.Pos{u.Pos}}
		for to, v := range uses {
			a.record(from, to, "", flowControl, f, v.Pos)
			for _, arg := range v.Args {
				a.record(from, to, arg.Name, flowData, f, v.Pos)
			}
		}
		a.record(from, outputSink, "", flowControl, f, model.Pos{})
		a.record(from, outputSink, "", flowData, f, model.Pos{})
	}
}

// pairs counts the flows giveUp would record.
func (a *flowAnalysis) pairs() int {
	sinks := 0
	for _, u := range a.p.Uses {
		sinks += 1 + len(u.Args)
	}
	sources := 0
	for i, u := range a.p.Uses {
		if u.Kind == "call" && a.hasResult(a.useFn[i]) {
			sources++
		}
	}
	return sources * (sinks + 2)
}

// hasResult reports whether a tool returns anything, an error included;
// it assumes so of a tool it does not know.
func (a *flowAnalysis) hasResult(fn *types.Func) bool {
	return fn == nil || fn.Signature().Results().Len() > 0
}

// record notes a flow, keeping a certain flow over an uncertain one and
// then the shortest path.
func (a *flowAnalysis) record(from, to int, arg, kind string, f *fact, at model.Pos) {
	path := f.path
	if at.Line > 0 && (len(path) == 0 || path[len(path)-1] != at) {
		path = append(slices.Clip(path), at)
	}
	k := flowKey{from, to, arg, kind}
	old := a.flows[k]
	if old == nil && len(a.flows) >= flowMaxFlows {
		panic(errFlowBudget{})
	}
	if old != nil && (old.Certain && !f.certain || old.Certain == f.certain && len(old.Path) <= len(path)) {
		return
	}
	fl := &model.Flow{From: from, To: to, Arg: arg, Kind: kind, Certain: f.certain, Path: path}
	if !f.certain {
		fl.Why = f.why
	}
	a.flows[k] = fl
}

// tick counts work and stops the analysis past its budget.
func (a *flowAnalysis) tick() {
	a.work++
	a.ticks++
	if a.work > flowMaxWork || a.ticks&255 == 0 && time.Now().After(a.deadline) {
		panic(errFlowBudget{})
	}
}

// indexUses maps each reference to a tool to its use in the plan.
func (a *flowAnalysis) indexUses() {
	type key struct {
		pos        model.Pos
		tool, kind string
	}
	index := map[key]int{}
	for i, u := range a.p.Uses {
		index[key{u.Pos, u.Tool, u.Kind}] = i
	}
	ast.PreorderStack(a.p.File, nil, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || len(stack) == 0 {
			return true
		}
		fn, ok := a.info.Uses[id].(*types.Func)
		if !ok {
			return true
		}
		tool, ok := a.p.Tools[fn.Pkg()]
		if !ok {
			return true
		}
		u := a.p.UseOf(tool, fn, id, stack)
		if i, ok := index[key{u.Pos, u.Tool, u.Kind}]; ok {
			a.identUse[id] = i
			a.useFn[i] = fn
		}
		return true
	})
}

// newNode adds a node.
func (a *flowAnalysis) newNode() int {
	a.nodes = append(a.nodes, node{parent: len(a.nodes)})
	return len(a.nodes) - 1
}

// varOf returns the node of a variable.
func (a *flowAnalysis) varOf(v *types.Var) int {
	if n, ok := a.varNode[v]; ok {
		return n
	}
	n := a.newNode()
	a.varNode[v] = n
	return n
}

// declare creates the functions of the program.
func (a *flowAnalysis) declare() {
	for _, d := range a.p.File.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		obj, ok := a.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		fi := a.newFn(fd.Name.Name, fd.Recv, fd.Type, fd.Body, obj.Signature())
		a.fns[obj] = fi
	}
}

// newFn creates the description of a function.
func (a *flowAnalysis) newFn(name string, recv *ast.FieldList, ft *ast.FuncType, body *ast.BlockStmt, sig *types.Signature) *fnInfo {
	fi := &fnInfo{name: name, body: body, sig: sig, recv: -1, ctl: a.newNode(), stops: a.newNode(), jumps: a.newNode()}
	if sig != nil {
		fi.variadic = sig.Variadic()
	}
	fields := func(fl *ast.FieldList) []int {
		var list []int
		if fl == nil {
			return list
		}
		for _, f := range fl.List {
			if len(f.Names) == 0 {
				list = append(list, a.newNode())
				continue
			}
			for _, id := range f.Names {
				if v, ok := a.info.Defs[id].(*types.Var); ok {
					list = append(list, a.varOf(v))
				} else {
					list = append(list, a.newNode())
				}
			}
		}
		return list
	}
	if recv != nil {
		if r := fields(recv); len(r) > 0 {
			fi.recv = r[0]
		}
	}
	fi.params = fields(ft.Params)
	fi.results = fields(ft.Results)
	// Whatever a caller passes, or a result left unassigned, may be nil.
	for _, n := range append(append(slices.Clone(fi.params), fi.results...), fi.recv) {
		if n >= 0 {
			a.nodes[n].head = union(a.nodes[n].head, maybeNilT())
		}
	}
	a.fnList = append(a.fnList, fi)
	return fi
}

// pass walks the whole program once.
func (a *flowAnalysis) pass() {
	for _, d := range a.p.File.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			a.cur = nil
			for _, s := range d.Specs {
				if vs, ok := s.(*ast.ValueSpec); ok {
					a.stopping = nil
					a.valueSpec(vs, nil)
					// An initialiser that may stop the program stops it
					// before main runs.
					a.store(a.initStops, val{t: a.stopping}, token.NoPos, false, "")
				}
			}
		case *ast.FuncDecl:
			obj, _ := a.info.Defs[d.Name].(*types.Func)
			if fi := a.fns[obj]; fi != nil && fi.body != nil {
				a.walkFn(fi)
				if d.Recv == nil && d.Name.Name == "init" {
					a.store(a.initStops, val{t: a.read(fi.stops)}, token.NoPos, false, "")
				}
			}
		}
	}
	a.cur, a.stopping = nil, nil
}

// walkFn walks a function's body in its control context. A goto may jump
// back to any statement before it: the whole body runs under the control
// of its gotos.
func (a *flowAnalysis) walkFn(fi *fnInfo) {
	outer, stopping, lastExit := a.cur, a.stopping, a.lastExit
	a.cur, a.stopping, a.lastExit = fi, nil, token.NoPos
	base := union(callersControl(a.read(fi.ctl)), a.read(fi.jumps))
	if fi.name == "main" && fi.recv < 0 {
		base = union(base, continuation(a.read(a.initStops))) // main runs only if the initialisers did not stop
	}
	a.block(fi.body.List, base)
	a.cur, a.stopping, a.lastExit = outer, stopping, lastExit
}

// continuationLocal reports whether id is a local variable of the function
// being walked declared after the last point it may have left at: its
// whole life is in what runs after, and its callers' control over whether
// it runs is no part of its value.
func (a *flowAnalysis) continuationLocal(id *ast.Ident) bool {
	v, ok := a.info.ObjectOf(id).(*types.Var)
	if !ok || a.cur == nil || a.cur.body == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	return v.Pos() > a.lastExit && v.Pos() >= a.cur.body.Pos() && v.Pos() < a.cur.body.End()
}

// mayStop notes that the statement being walked may stop the program
// (panic, os.Exit, a run-time error) under control t: what runs after it
// runs only if it did not, and a recovered panic tells that it did. why is
// "" for a stop the program asks for, a reason for a run-time error.
func (a *flowAnalysis) mayStop(t taint, at token.Pos, why string) {
	if t[labelMayFail] != nil || t[labelMaybeNil] != nil {
		// It may fail whatever its operands carry: whether the code that
		// may raise it runs, the branch it is under, decides too.
		t = union(t, a.ctlNow)
	}
	t = a.stepped(sources(t), at, why)
	if len(t) == 0 {
		return
	}
	a.stopping = union(a.stopping, t)
	if a.cur != nil {
		a.store(a.cur.stops, val{t: t}, token.NoPos, false, "")
	}
	a.store(a.panicN, val{t: t}, token.NoPos, false, "")
}

// reaches reports whether from calls to, directly or through others.
func (a *flowAnalysis) reaches(from, to *fnInfo) bool {
	seen := map[*fnInfo]bool{}
	stack := []*fnInfo{from}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if f == to {
			return true
		}
		if seen[f] {
			continue
		}
		seen[f] = true
		for g := range a.callees[f] {
			stack = append(stack, g)
		}
	}
	return false
}

// selectionStops notes the nil pointers a selection x.f may go through:
// x itself when it is a pointer (or an interface whose method is called),
// and the embedded pointers on the way to a promoted field or method,
// which what x holds decides.
func (a *flowAnalysis) selectionStops(sel *types.Selection, x ast.Expr, v val, at token.Pos) {
	t := sel.Recv()
	_, isPtr := underlying(t).(*types.Pointer)
	through := isPtr && (sel.Kind() == types.FieldVal || !ptrRecv(sel))
	if types.IsInterface(t) && sel.Kind() == types.MethodVal {
		through = true
	}
	var cause taint
	if through {
		cause = a.own(x, v)
	}
	// The path's embedded fields: a pointer among them may be nil.
	idx := sel.Index()
	cur := pass.Deref(t)
	for _, i := range idx[:len(idx)-1] {
		st, ok := underlying(cur).(*types.Struct)
		if !ok || i >= st.NumFields() {
			break
		}
		f := st.Field(i).Type()
		if _, ok := underlying(f).(*types.Pointer); ok {
			cause = union(cause, v.t, maybeNilT())
		}
		cur = pass.Deref(f)
	}
	if len(cause) > 0 {
		a.mayStop(cause, at, whyRunError)
	}
}

// ptrRecv reports a method selection whose method takes a pointer.
func ptrRecv(sel *types.Selection) bool {
	fn, ok := sel.Obj().(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	_, isPtr := types.Unalias(fn.Signature().Recv().Type()).(*types.Pointer)
	return isPtr
}

// assigned is what was assigned to the variable x, not written through
// references to it; for another expression, all it carries.
func (a *flowAnalysis) assigned(x ast.Expr) taint {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		if obj, ok := a.info.ObjectOf(id).(*types.Var); ok {
			if n, ok := a.varNode[obj]; ok {
				return a.nodes[n].t
			}
		}
	}
	return nil
}

// own is what decides the value of x itself, not of what it references:
// whether it is nil, its length. For a variable, what was assigned to it.
func (a *flowAnalysis) own(x ast.Expr, v val) taint {
	if id, ok := ast.Unparen(x).(*ast.Ident); ok {
		if obj, ok := a.info.ObjectOf(id).(*types.Var); ok {
			if n, ok := a.varNode[obj]; ok {
				return a.headOf(n)
			}
		}
	}
	return v.header()
}

// indexStops notes the run-time error x[i] may give: an index out of
// range decided by the index or the length. A constant index into an
// array, and a loop's index into what the loop ranges over, cannot be.
func (a *flowAnalysis) indexStops(x, i ast.Expr, xv, iv val, at token.Pos) {
	var t taint
	switch u := underlying(a.typeOf(x)).(type) {
	case *types.Map:
		if holdsInterface(u.Key()) {
			// A key that is not hashable panics.
			a.mayStop(union(iv.t, mayFailT()), at, whyRunError)
		}
		return
	case *types.Array:
		if a.info.Types[i].Value != nil {
			return
		}
		t = iv.t
	case *types.Pointer:
		if _, ok := underlying(u.Elem()).(*types.Array); ok && a.info.Types[i].Value != nil {
			t = a.own(x, xv) // nil
		} else {
			t = union(a.own(x, xv), iv.t)
		}
	default:
		if a.indexes(x, i) {
			return
		}
		t = union(a.own(x, xv), iv.t)
	}
	a.mayStop(union(t, mayFailT()), at, whyRunError)
}

// indexes reports whether i is the index of a loop over x, neither
// assigned in the loop: for i := range x, for i := 0; i < len(x); i++.
func (a *flowAnalysis) indexes(x, i ast.Expr) bool {
	xid, ok1 := ast.Unparen(x).(*ast.Ident)
	if ok1 && a.info.Types[i].Value != nil {
		if c, ok := constant.Int64Val(constant.ToInt(a.info.Types[i].Value)); ok && c >= 0 {
			if xv, _ := a.info.ObjectOf(xid).(*types.Var); xv != nil && a.minLen[xv] > c {
				return true // a guard made len(x) > c
			}
		}
	}
	iid, ok2 := ast.Unparen(i).(*ast.Ident)
	if !ok1 || !ok2 {
		return false
	}
	iv, _ := a.info.ObjectOf(iid).(*types.Var)
	xv, _ := a.info.ObjectOf(xid).(*types.Var)
	return iv != nil && xv != nil && a.inRange[iv] == xv
}

// loopIndex records the index variable of a loop over a variable, when
// neither is assigned in the body; it returns the variable to forget once
// the loop is walked.
func (a *flowAnalysis) loopIndex(key, over ast.Expr, body ast.Node, post ast.Stmt) *types.Var {
	kid, ok1 := ast.Unparen(key).(*ast.Ident)
	xid, ok2 := ast.Unparen(over).(*ast.Ident)
	if !ok1 || !ok2 {
		return nil
	}
	kv, _ := a.info.ObjectOf(kid).(*types.Var)
	xv, _ := a.info.ObjectOf(xid).(*types.Var)
	if kv == nil || xv == nil {
		return nil
	}
	assigned := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		case *ast.FuncLit:
			// A closure may outlive the loop or run it again: look inside
			// all the same.
		}
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok {
				if o := a.info.ObjectOf(id); o == kv || o == xv {
					assigned = true
				}
			}
		}
		return !assigned
	})
	if assigned {
		return nil
	}
	if post != nil {
		inc, ok := post.(*ast.IncDecStmt)
		if !ok || inc.Tok != token.INC || identOf(inc.X) == nil || a.info.ObjectOf(identOf(inc.X)) != kv {
			return nil
		}
	}
	if a.inRange == nil {
		a.inRange = map[*types.Var]*types.Var{}
	}
	a.inRange[kv] = xv
	return kv
}

// leaves reports whether a loop body may leave the loop: a break out of
// it, a return, a goto, a panic or a call (which may not return).
func leaves(body *ast.BlockStmt) bool {
	found := false
	depth := 0 // loops, switches and selects a plain break leaves instead
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt, *ast.CallExpr:
			found = true
		case *ast.BranchStmt:
			if n.Tok == token.GOTO || n.Label != nil || n.Tok == token.BREAK && depth == 0 {
				found = true
			}
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			depth++
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return walk(m)
			})
			depth--
			return false
		}
		return !found
	}
	ast.Inspect(body, walk)
	return found
}

// guard records the lengths cond (when holds) or its negation ensures,
// for len(x) compared with a constant, and returns how to forget them.
func (a *flowAnalysis) guard(cond ast.Expr, holds bool) func() {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return func() {}
	}
	if b.Op == token.LAND && holds || b.Op == token.LOR && !holds {
		r1, r2 := a.guard(b.X, holds), a.guard(b.Y, holds)
		return func() { r2(); r1() }
	}
	x, k, op, ok := a.lenCompare(b)
	if !ok {
		return func() {}
	}
	if !holds {
		op = map[token.Token]token.Token{token.LSS: token.GEQ, token.LEQ: token.GTR, token.GTR: token.LEQ,
			token.GEQ: token.LSS, token.EQL: token.NEQ, token.NEQ: token.EQL}[op]
	}
	var least int64 // len(x) >= least
	switch op {
	case token.GEQ, token.EQL:
		least = k
	case token.GTR:
		least = k + 1
	default:
		return func() {}
	}
	if a.minLen == nil {
		a.minLen = map[*types.Var]int64{}
	}
	old, had := a.minLen[x]
	if least <= old {
		return func() {}
	}
	a.minLen[x] = least
	return func() {
		if had {
			a.minLen[x] = old
		} else {
			delete(a.minLen, x)
		}
	}
}

// lenCompare matches len(x) OP k or k OP len(x), k a constant, as
// len(x) OP' k.
func (a *flowAnalysis) lenCompare(b *ast.BinaryExpr) (*types.Var, int64, token.Token, bool) {
	flip := map[token.Token]token.Token{token.LSS: token.GTR, token.LEQ: token.GEQ, token.GTR: token.LSS,
		token.GEQ: token.LEQ, token.EQL: token.EQL, token.NEQ: token.NEQ}
	if _, ok := flip[b.Op]; !ok {
		return nil, 0, 0, false
	}
	lenOf := func(e ast.Expr) *types.Var {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return nil
		}
		if id := identOf(call.Fun); id == nil || a.info.Uses[id] != types.Universe.Lookup("len") {
			return nil
		}
		if id := identOf(call.Args[0]); id != nil {
			v, _ := a.info.ObjectOf(id).(*types.Var)
			return v
		}
		return nil
	}
	konst := func(e ast.Expr) (int64, bool) {
		tv := a.info.Types[e]
		if tv.Value == nil {
			return 0, false
		}
		return constant.Int64Val(constant.ToInt(tv.Value))
	}
	if x := lenOf(b.X); x != nil {
		if k, ok := konst(b.Y); ok {
			return x, k, b.Op, true
		}
	}
	if x := lenOf(b.Y); x != nil {
		if k, ok := konst(b.X); ok {
			return x, k, flip[b.Op], true
		}
	}
	return nil, 0, 0, false
}

// alwaysLeaves reports whether a block ends by leaving: return, continue,
// break, goto or panic.
func alwaysLeaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id := identOf(call.Fun); id != nil && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

// assignsAny reports whether stmts assign, or take the address of, a
// variable whose length cond tests.
func assignsAny(stmts []ast.Stmt, cond ast.Expr, info *types.Info) bool {
	vars := map[types.Object]bool{}
	ast.Inspect(cond, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 1 {
			if id := identOf(call.Args[0]); id != nil {
				vars[info.ObjectOf(id)] = true
			}
		}
		return true
	})
	found := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					lhs = []ast.Expr{n.X}
				}
			case *ast.RangeStmt:
				lhs = []ast.Expr{n.Key, n.Value}
			}
			for _, l := range lhs {
				if id := identOf(l); id != nil && vars[info.ObjectOf(id)] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// changes reports whether a loop's body or post statement may change what
// its condition reads: assigns a variable it names, or calls anything
// (the condition's own calls included).
func changes(s *ast.ForStmt, info *types.Info) bool {
	vars := map[types.Object]bool{}
	calls := false
	ast.Inspect(s.Cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if v, ok := info.ObjectOf(n).(*types.Var); ok {
				vars[v] = true
			}
		case *ast.CallExpr:
			if tv := info.Types[n.Fun]; !tv.IsType() {
				calls = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				calls = true
			}
		}
		return true
	})
	if calls {
		return true
	}
	found := false
	check := func(root ast.Node) {
		if root == nil {
			return
		}
		ast.Inspect(root, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			case *ast.CallExpr, *ast.SendStmt, *ast.GoStmt:
				found = true // a call may change what the condition reads
			case *ast.UnaryExpr:
				if n.Op == token.AND || n.Op == token.ARROW {
					found = true
				}
			}
			for _, l := range lhs {
				ast.Inspect(l, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && vars[info.ObjectOf(id)] {
						found = true
					}
					return true
				})
			}
			return !found
		})
	}
	check(s.Body)
	check(s.Post)
	return found
}

// countsUp returns i and x of a loop for i := 0; i < len(x); i++.
func countsUp(s *ast.ForStmt) (ast.Expr, ast.Expr) {
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 {
		return nil, nil
	}
	if lit, ok := ast.Unparen(init.Rhs[0]).(*ast.BasicLit); !ok || lit.Kind != token.INT || strings.HasPrefix(lit.Value, "-") {
		return nil, nil
	}
	cond, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.LSS || identOf(cond.X) == nil || identOf(init.Lhs[0]) == nil || identOf(cond.X).Name != identOf(init.Lhs[0]).Name {
		return nil, nil
	}
	call, ok := ast.Unparen(cond.Y).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || identOf(call.Fun) == nil || identOf(call.Fun).Name != "len" {
		return nil, nil
	}
	return cond.X, call.Args[0]
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

func isInteger(t types.Type) bool {
	b, ok := underlying(t).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

// whyRunError marks the control of a run-time error that depends on data.
const whyRunError = "it may decide whether the program stops on the way: a run-time error, a panic, a wait that never ends"

// find returns the root of n's alias class.
func (a *flowAnalysis) find(n int) int {
	for a.nodes[n].parent != n {
		a.nodes[n].parent = a.nodes[a.nodes[n].parent].parent
		n = a.nodes[n].parent
	}
	return n
}

// union merges the alias classes of x and y.
func (a *flowAnalysis) union(x, y int) {
	x, y = a.find(x), a.find(y)
	if x == y {
		return
	}
	if x > y {
		x, y = y, x // the older node stays the root, for stable paths
	}
	a.nodes[y].parent = x
	a.changed = true
	if h := a.nodes[y].heap; len(h) > 0 {
		a.nodes[x].heap = a.mergeInto(a.nodes[x].heap, h)
		a.nodes[y].heap = nil
	}
	if h := a.nodes[y].headW; len(h) > 0 {
		a.nodes[x].headW = a.mergeInto(a.nodes[x].headW, h)
		a.nodes[y].headW = nil
	}
	if h := a.nodes[y].sync; len(h) > 0 {
		a.nodes[x].sync = a.mergeInto(a.nodes[x].sync, h)
		a.nodes[y].sync = nil
	}
}

// unionAll merges n with each of roots.
func (a *flowAnalysis) unionAll(n int, roots []int) {
	for _, r := range roots {
		a.union(n, r)
	}
}

// mergeInto adds src to dst, which it owns, noting a change.
func (a *flowAnalysis) mergeInto(dst, src taint) taint {
	a.work += len(src)
	for l, f := range src {
		if dst == nil {
			dst = taint{}
		}
		old := dst[l]
		switch {
		case old == nil || f.certain && !old.certain:
			dst[l] = f
			a.changed = true
		case f.certain == old.certain && len(f.path) < len(old.path):
			dst[l] = f // a shorter path is no change
		}
	}
	return dst
}

// read is everything a node's variable may hold.
func (a *flowAnalysis) read(n int) taint {
	t, h := a.nodes[n].t, a.nodes[a.find(n)].heap
	switch {
	case len(h) == 0:
		return t
	case len(t) == 0:
		return h
	}
	return union(t, h)
}

// value is a node's variable as a value.
func (a *flowAnalysis) value(n int) val {
	nd := &a.nodes[n]
	v := val{t: a.read(n), roots: []int{n}, fns: nd.fns, unknown: nd.unknown}
	if root := &a.nodes[a.find(n)]; root != nd {
		// A function stored through a pointer to the variable.
		for t := range root.fns {
			if !v.fns[t] {
				v.fns = maps.Clone(v.fns)
				if v.fns == nil {
					v.fns = map[target]bool{}
				}
				v.fns[t] = true
			}
		}
		v.unknown = cmp.Or(v.unknown, root.unknown)
	}
	// A variable only ever given values made here is not nil.
	if h := a.headOf(n); h[labelMaybeNil] == nil {
		v.fresh, v.head = true, h
	}
	return v
}

// headOf is what decides a node's own value: its assignments, and whole
// values written through pointers to it.
func (a *flowAnalysis) headOf(n int) taint {
	return union(a.nodes[n].head, a.nodes[a.find(n)].headW)
}

// store adds v to node n, with step as a step of the path.
func (a *flowAnalysis) store(n int, v val, step token.Pos, ref bool, why string) {
	nd := &a.nodes[n]
	nd.t = a.mergeInto(nd.t, a.stepped(v.t, step, why))
	if h := v.header(); len(h) > 0 {
		nd.head = a.mergeInto(nd.head, a.stepped(h, step, why))
	}
	if ref {
		a.unionAll(n, v.roots)
	}
	a.storeFns(n, v)
}

// storeFns adds the functions v may be to node n.
func (a *flowAnalysis) storeFns(n int, v val) {
	nd := &a.nodes[n]
	for t := range v.fns {
		if !nd.fns[t] {
			if nd.fns == nil {
				nd.fns = map[target]bool{}
			}
			nd.fns[t] = true
			a.changed = true
		}
	}
	if v.unknown != "" && nd.unknown == "" {
		nd.unknown = v.unknown
		a.changed = true
	}
}

// writeThrough adds t to the memory referenced by roots.
func (a *flowAnalysis) writeThrough(roots []int, t taint, step token.Pos, why string) {
	if len(t) == 0 {
		return
	}
	t = a.stepped(t, step, why)
	for _, r := range roots {
		r = a.find(r)
		a.nodes[r].heap = a.mergeInto(a.nodes[r].heap, t)
	}
}

// signal notes that the channels of roots are sent on or closed under
// control t: whether a receive ever returns depends on it.
func (a *flowAnalysis) signal(roots []int, t taint, step token.Pos) {
	t = a.stepped(sources(t), step, "")
	if len(t) == 0 {
		return
	}
	for _, r := range roots {
		r = a.find(r)
		a.nodes[r].sync = a.mergeInto(a.nodes[r].sync, t)
	}
}

// waits notes a receive from channel x, which may wait for ever.
func (a *flowAnalysis) waits(x ast.Expr, v val, at token.Pos) {
	t := a.own(x, v)
	for _, r := range v.roots {
		t = union(t, a.nodes[a.find(r)].sync)
	}
	a.mayStop(union(t, mayFailT()), at, whyRunError)
}

// stepped returns t with step added to each path, uncertain for why.
func (a *flowAnalysis) stepped(t taint, step token.Pos, why string) taint {
	if len(t) == 0 || !step.IsValid() && why == "" {
		return t
	}
	a.work += len(t)
	p := a.p.Pos(step)
	out := make(taint, len(t))
	for l, f := range t {
		g := &fact{certain: f.certain && why == "", why: f.why, path: f.path}
		if g.why == "" {
			g.why = why
		}
		if step.IsValid() && len(f.path) < flowMaxPath && (len(f.path) == 0 || f.path[len(f.path)-1] != p) {
			g.path = append(slices.Clip(f.path), p)
		}
		out[l] = g
	}
	return out
}

// union merges taints into a new one.
func union(ts ...taint) taint {
	var out taint
	var only taint
	n := 0
	for _, t := range ts {
		if len(t) > 0 {
			only = t
			n++
		}
	}
	if n <= 1 {
		return only
	}
	out = taint{}
	for _, t := range ts {
		for l, f := range t {
			old := out[l]
			if old == nil || f.certain && !old.certain || f.certain == old.certain && len(f.path) < len(old.path) {
				out[l] = f
			}
		}
	}
	return out
}

// contBase offsets the labels of a continuation's control: the control
// under which the rest of a block runs because an earlier statement may
// have left it (return, break, a panic). A value assigned there does not
// vary with it; only whether the assignment happens does.
const contBase = 1 << 40

// ctxBase offsets the labels of a function's callers' control, under
// which its body runs: what it returns, or assigns to its own variables,
// does not vary with it (each caller adds its own), but what it writes
// elsewhere does.
const ctxBase = 2 * contBase

// plainLabel is the source a label stands for.
func plainLabel(l int) int {
	switch {
	case l >= ctxBase:
		return l - ctxBase
	case l >= contBase:
		return l - contBase
	}
	return l
}

// sources drops labels that are not sources, and makes a continuation's
// control plain control: it becomes data wherever it is stored.
func sources(t taint) taint {
	plain := true
	for l := range t {
		if l < 0 || l >= contBase {
			plain = false
			break
		}
	}
	if plain {
		return t
	}
	out := make(taint, len(t))
	for l, f := range t {
		if l < 0 {
			continue
		}
		p := plainLabel(l)
		if old := out[p]; old == nil || f.certain && !old.certain || f.certain == old.certain && len(f.path) < len(old.path) {
			out[p] = f
		}
	}
	return out
}

// isNil reports the predeclared nil.
func (a *flowAnalysis) isNil(e ast.Expr) bool {
	tv, ok := a.info.Types[e]
	return ok && tv.IsNil()
}

// holdsAnyInterface reports whether any of types holds an interface.
func holdsAnyInterface(list []types.Type) bool {
	for _, t := range list {
		if _, ok := underlying(t).(*types.Interface); ok {
			return true
		}
		if _, ok := types.Unalias(t).(*types.TypeParam); ok {
			return true
		}
	}
	return false
}

// holdsInterface reports a type whose values may hold an interface, or a
// type parameter: comparing or hashing them may panic.
func holdsInterface(t types.Type) bool {
	seen := map[types.Type]bool{}
	var walk func(types.Type) bool
	walk = func(u types.Type) bool {
		if u == nil || seen[u] {
			return false
		}
		seen[u] = true
		if _, ok := types.Unalias(u).(*types.TypeParam); ok {
			return true
		}
		switch x := u.Underlying().(type) {
		case *types.Interface:
			return true
		case *types.Array:
			return walk(x.Elem())
		case *types.Struct:
			for i := range x.NumFields() {
				if walk(x.Field(i).Type()) {
					return true
				}
			}
		}
		return false
	}
	return walk(t)
}

// nilable reports a type whose values may be nil or of any length.
func nilable(t types.Type) bool {
	switch underlying(t).(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
		return true
	}
	return false
}

// sources2 is sources keeping labelMaybeNil.
func sources2(t taint) taint {
	out := sources(t)
	if f := t[labelMaybeNil]; f != nil {
		out = union(out, maybeNilT())
	}
	return out
}

// continuation marks control as a continuation's.
func continuation(t taint) taint {
	if len(t) == 0 {
		return nil
	}
	out := make(taint, len(t))
	for l, f := range t {
		switch {
		case l >= contBase:
			out[l] = f
		case l >= 0:
			out[l+contBase] = f
		}
	}
	return out
}

// branchOnly drops a continuation's control and the callers'.
func branchOnly(t taint) taint { return below(t, contBase) }

// ownControl drops the callers' control.
func ownControl(t taint) taint { return below(t, ctxBase) }

// below keeps the labels under limit.
func below(t taint, limit int) taint {
	for l := range t {
		if l >= limit {
			out := make(taint, len(t))
			for l, f := range t {
				if l < limit {
					out[l] = f
				}
			}
			return out
		}
	}
	return t
}

// callersControl marks control as the callers'.
func callersControl(t taint) taint {
	if len(t) == 0 {
		return nil
	}
	out := make(taint, len(t))
	for l, f := range t {
		if l >= 0 {
			out[plainLabel(l)+ctxBase] = f
		}
	}
	return out
}

// isRef reports whether values of type t may reference shared memory.
func (a *flowAnalysis) isRef(t types.Type) bool {
	if t == nil {
		return true
	}
	if r, ok := a.refs[t]; ok {
		return r
	}
	a.refs[t] = false // recursive types: assume no until seen
	r := false
	switch u := t.Underlying().(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface, *types.Signature:
		r = true
	case *types.Array:
		r = a.isRef(u.Elem())
	case *types.Struct:
		for i := range u.NumFields() {
			if a.isRef(u.Field(i).Type()) {
				r = true
				break
			}
		}
	case *types.Basic:
		r = u.Kind() == types.UnsafePointer
	default:
		r = true
	}
	a.refs[t] = r
	return r
}

// typeOf is the type of e, nil when unknown.
func (a *flowAnalysis) typeOf(e ast.Expr) types.Type {
	if tv, ok := a.info.Types[e]; ok {
		return tv.Type
	}
	if id, ok := e.(*ast.Ident); ok {
		if obj := a.info.ObjectOf(id); obj != nil {
			return obj.Type()
		}
	}
	return nil
}

// ---- statements ----

// exits is the control taint under which a statement may leave early:
// out of the function, or out of the innermost loop.
type exits struct{ fn, loop taint }

func (e exits) or(f exits) exits { return exits{union(e.fn, f.fn), union(e.loop, f.loop)} }

// block walks statements; one that may leave early puts the rest of the
// block under the condition it left on.
func (a *flowAnalysis) block(list []ast.Stmt, ctl taint) exits {
	var all exits
	outer := a.stopping
	var restores []func()
	defer func() {
		for _, r := range slices.Backward(restores) {
			r()
		}
	}()
	for i, s := range list {
		a.stopping = nil
		e := a.stmt(s, ctl)
		e.fn = union(e.fn, a.stopping) // what follows runs only if it did not stop
		outer = union(outer, a.stopping)
		if len(e.fn) > 0 || len(e.loop) > 0 {
			ctl = union(ctl, continuation(e.fn), continuation(e.loop))
			a.lastExit = max(a.lastExit, s.End())
		}
		all = all.or(e)
		// if len(x) < 4 { continue }: what follows has len(x) >= 4, while x
		// is not assigned again.
		if is, ok := s.(*ast.IfStmt); ok && is.Init == nil && is.Else == nil && alwaysLeaves(is.Body) && !assignsAny(list[i+1:], is.Cond, a.info) {
			restores = append(restores, a.guard(is.Cond, false))
		}
	}
	a.stopping = outer
	return all
}

func (a *flowAnalysis) stmt(s ast.Stmt, ctl taint) exits {
	a.tick()
	defer func(outer taint) { a.ctlNow = outer }(a.ctlNow)
	a.ctlNow = ctl
	switch s := s.(type) {
	case *ast.BlockStmt:
		return a.block(s.List, ctl)
	case *ast.ExprStmt:
		a.eval(s.X, ctl)
		if isExit(a.info, s.X) {
			return exits{fn: ctl}
		}
	case *ast.AssignStmt:
		a.assignStmt(s, ctl)
	case *ast.DeclStmt:
		if gd, ok := s.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					a.valueSpec(vs, ctl)
				}
			}
		}
	case *ast.IncDecStmt:
		a.assign(s.X, a.eval(s.X, ctl), s.Pos(), ctl)
	case *ast.SendStmt:
		ch := a.eval(s.Chan, ctl)
		v := a.eval(s.Value, ctl)
		// Which channel receives, and whether one does, is the branch's
		// choice: a select elsewhere reads it.
		a.writeThrough(ch.roots, union(v.t, sources(ctl)), s.Value.Pos(), "")
		a.signal(ch.roots, ctl, s.Pos())
		a.waits(s.Chan, ch, s.Arrow) // a send waits for a receiver, or finds the channel closed
		if a.isRef(a.typeOf(s.Value)) {
			for _, r := range ch.roots {
				a.unionAll(r, v.roots)
			}
		}
	case *ast.GoStmt:
		a.eval(s.Call, ctl)
		// How many goroutines run is the runtime's state.
		a.writeThrough([]int{a.libState}, sources(ctl), s.Pos(), "")
	case *ast.DeferStmt:
		// A deferred call runs when the function returns: not if it stops
		// first (os.Exit, log.Fatal, a wait that never ends, a later
		// deferred call that exits).
		dctl := ctl
		if a.cur != nil {
			dctl = union(ctl, continuation(a.read(a.cur.stops)))
		}
		a.eval(s.Call, dctl)
	case *ast.ReturnStmt:
		a.returnStmt(s, ctl)
		return exits{fn: ctl}
	case *ast.BranchStmt:
		if s.Tok == token.GOTO && a.cur != nil {
			a.store(a.cur.jumps, val{t: sources(ctl)}, s.Pos(), false, "")
		}
		if s.Tok == token.GOTO || s.Label != nil {
			return exits{fn: ctl}
		}
		if s.Tok != token.FALLTHROUGH {
			return exits{loop: ctl}
		}
	case *ast.LabeledStmt:
		return a.stmt(s.Stmt, ctl)
	case *ast.IfStmt:
		var e exits
		if s.Init != nil {
			e = a.stmt(s.Init, ctl)
		}
		c := a.cond(s.Cond, ctl)
		inner := union(ctl, c)
		restore := func() {}
		if !assignsAny(s.Body.List, s.Cond, a.info) {
			restore = a.guard(s.Cond, true)
		}
		e = e.or(a.block(s.Body.List, inner))
		restore()
		if s.Else != nil {
			if !assignsAny([]ast.Stmt{s.Else}, s.Cond, a.info) {
				restore = a.guard(s.Cond, false)
			}
			e = e.or(a.stmt(s.Else, inner))
			restore()
		}
		return e
	case *ast.ForStmt:
		var e exits
		if s.Init != nil {
			e = a.stmt(s.Init, ctl)
		}
		var c taint
		if s.Cond != nil {
			c = a.cond(s.Cond, ctl)
		}
		// An iteration runs only if no earlier one left the loop.
		again := a.loopNode(s)
		inner := union(ctl, c, continuation(a.read(again)))
		a.lastExit = max(a.lastExit, s.Pos())
		if s.Cond == nil && !leaves(s.Body) {
			a.mayStop(ctl, s.Pos(), "") // a loop that never ends: nothing after it runs
		}
		if s.Cond != nil && !leaves(s.Body) && !changes(s, a.info) {
			// Nothing in the loop changes its condition: once true, it
			// never ends.
			a.mayStop(union(c, mayFailT()), s.Pos(), whyRunError)
		}
		if k, x := countsUp(s); k != nil {
			if kv := a.loopIndex(k, x, s.Body, s.Post); kv != nil {
				defer delete(a.inRange, kv)
			}
		}
		body := a.block(s.Body.List, inner)
		a.store(again, val{t: union(body.fn, body.loop)}, token.NoPos, false, "")
		if s.Post != nil {
			a.stmt(s.Post, union(inner, body.loop))
		}
		return e.or(exits{fn: body.fn})
	case *ast.RangeStmt:
		return a.rangeStmt(s, ctl)
	case *ast.SwitchStmt:
		var e exits
		if s.Init != nil {
			e = a.stmt(s.Init, ctl)
		}
		var c taint
		if s.Tag != nil {
			c = a.cond(s.Tag, ctl)
		}
		for _, cc := range s.Body.List {
			for _, x := range cc.(*ast.CaseClause).List {
				// A case is evaluated only when the earlier ones did not
				// match.
				c = union(c, a.cond(x, union(ctl, c)))
				if s.Tag != nil && holdsInterface(a.typeOf(s.Tag)) && holdsInterface(a.typeOf(x)) && !a.isNil(x) {
					a.mayStop(union(c, mayFailT()), x.Pos(), whyRunError) // comparing what is not comparable
				}
			}
		}
		inner := union(ctl, c)
		for _, cc := range s.Body.List {
			e = e.or(a.block(cc.(*ast.CaseClause).Body, inner))
		}
		return e
	case *ast.TypeSwitchStmt:
		var e exits
		if s.Init != nil {
			e = a.stmt(s.Init, ctl)
		}
		var x ast.Expr
		switch as := s.Assign.(type) {
		case *ast.AssignStmt:
			if len(as.Rhs) == 1 {
				x = as.Rhs[0]
			}
		case *ast.ExprStmt:
			x = as.X
		}
		if ta, ok := ast.Unparen(x).(*ast.TypeAssertExpr); ok {
			x = ta.X
		}
		var v val
		var c taint
		if x != nil {
			v = a.eval(x, ctl)
			c = a.stepped(sources(v.t), x.Pos(), "")
		}
		inner := union(ctl, c)
		for _, cc := range s.Body.List {
			clause := cc.(*ast.CaseClause)
			if obj, ok := a.info.Implicits[clause].(*types.Var); ok {
				a.store(a.varOf(obj), v, clause.Pos(), a.isRef(obj.Type()), "")
			}
			e = e.or(a.block(clause.Body, inner))
		}
		return e
	case *ast.SelectStmt:
		if len(s.Body.List) == 0 {
			a.mayStop(ctl, s.Pos(), "") // select {} waits for ever
		}
		var c taint
		for _, cc := range s.Body.List {
			comm := cc.(*ast.CommClause).Comm
			if comm == nil {
				continue
			}
			a.stmt(comm, ctl)
			if ch := commChan(comm); ch != nil {
				c = union(c, a.cond(ch, ctl))
				// Which case is ready is the other side's choice too.
				for _, r := range a.eval(ch, ctl).roots {
					c = union(c, a.nodes[a.find(r)].sync)
				}
			}
		}
		inner := union(ctl, c)
		var e exits
		for _, cc := range s.Body.List {
			e = e.or(a.block(cc.(*ast.CommClause).Body, inner))
		}
		return e
	}
	return exits{}
}

// commChan is the channel a select case uses.
func commChan(s ast.Stmt) ast.Expr {
	var x ast.Expr
	switch s := s.(type) {
	case *ast.SendStmt:
		return s.Chan
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}

// isExit reports a call that never returns: panic and os.Exit.
func isExit(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		b, ok := info.Uses[f].(*types.Builtin)
		return ok && b.Name() == "panic"
	case *ast.SelectorExpr:
		fn, ok := info.Uses[f.Sel].(*types.Func)
		return ok && fn.Pkg() != nil && fn.Pkg().Path() == "os" && fn.Name() == "Exit"
	}
	return false
}

// cond evaluates a condition, returning the sources it depends on.
func (a *flowAnalysis) cond(e ast.Expr, ctl taint) taint {
	return a.stepped(sources(a.eval(e, ctl).t), e.Pos(), "")
}

func (a *flowAnalysis) rangeStmt(s *ast.RangeStmt, ctl taint) exits {
	x := a.eval(s.X, ctl)
	xt := a.typeOf(s.X)
	vars := []ast.Expr{s.Key, s.Value}
	elem := x
	elem.fns, elem.unknown = nil, "a function value ranged over"
	if sig, ok := types.Unalias(underlying(xt)).(*types.Signature); ok && sig.Params().Len() == 1 {
		// Range over a function: the loop body is the yield function.
		fi := a.ranges[s]
		if fi == nil {
			yield, _ := sig.Params().At(0).Type().Underlying().(*types.Signature)
			fi = &fnInfo{name: "range", sig: yield, recv: -1, ctl: a.newNode(), stops: a.newNode(), jumps: a.newNode()}
			for range 2 {
				fi.params = append(fi.params, a.newNode())
			}
			fi.results = []int{a.newNode()}
			for _, n := range append(slices.Clone(fi.params), fi.results...) {
				a.nodes[n].head = maybeNilT()
			}
			a.ranges[s] = fi
			a.fnList = append(a.fnList, fi)
		}
		a.call(x, []val{{fns: map[target]bool{{fn: fi, use: -1}: true}}}, []ast.Expr{s.X}, s.X.Pos(), ctl, a.sigOf(s.X), x.t)
		if x.unknown != "" {
			// An iterator the analysis cannot see into (a library's)
			// yields what it was made from: slices.Chunk's chunks alias
			// the slice.
			for _, p := range fi.params {
				a.store(p, val{t: x.t, roots: x.roots}, s.X.Pos(), true, "")
			}
		}
		for i, v := range vars {
			if v != nil {
				a.assign(v, a.value(fi.params[i]), s.X.Pos(), ctl)
			}
		}
	} else {
		for _, v := range vars {
			if v != nil {
				a.assign(v, elem, s.X.Pos(), ctl)
			}
		}
	}
	if p, ok := underlying(xt).(*types.Pointer); ok && s.Value != nil {
		if _, isArray := underlying(p.Elem()).(*types.Array); isArray {
			a.mayStop(a.own(s.X, x), s.X.Pos(), whyRunError) // a nil array pointer
		}
	}
	switch underlying(xt).(type) {
	case *types.Slice, *types.Array, *types.Basic, *types.Pointer:
		if s.Key != nil {
			if kv := a.loopIndex(s.Key, s.X, s.Body, nil); kv != nil {
				defer delete(a.inRange, kv)
			}
		}
	case *types.Chan:
		a.waits(s.X, x, s.X.Pos()) // whether the senders ever close it
	}
	c := a.stepped(sources(x.t), s.X.Pos(), "")
	if fi := a.ranges[s]; fi != nil {
		c = union(c, a.read(fi.ctl)) // how the iterator calls yield
	}
	again := a.loopNode(s)
	a.lastExit = max(a.lastExit, s.Pos())
	body := a.block(s.Body.List, union(ctl, c, continuation(a.read(again))))
	a.store(again, val{t: union(body.fn, body.loop)}, token.NoPos, false, "")
	if fi := a.ranges[s]; fi != nil {
		// yield returns false when the body leaves the loop: the iterator
		// sees that choice.
		a.store(fi.results[0], val{t: union(body.fn, body.loop)}, s.X.Pos(), false, "")
	}
	return exits{fn: body.fn}
}

// loopNode returns the node of the control under which an iteration of
// loop s may leave it: later iterations run under it.
func (a *flowAnalysis) loopNode(s ast.Stmt) int {
	n, ok := a.loops[s]
	if !ok {
		n = a.newNode()
		a.loops[s] = n
	}
	return n
}

func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}

func (a *flowAnalysis) valueSpec(vs *ast.ValueSpec, ctl taint) {
	if len(vs.Values) == 0 {
		for _, id := range vs.Names {
			if obj, ok := a.info.Defs[id].(*types.Var); ok && nilable(obj.Type()) {
				n := a.varOf(obj)
				a.nodes[n].head = union(a.nodes[n].head, maybeNilT()) // its zero value
			}
		}
	}
	switch {
	case len(vs.Values) == len(vs.Names):
		for i, id := range vs.Names {
			a.assign(id, a.eval(vs.Values[i], ctl), vs.Values[i].Pos(), ctl)
		}
	case len(vs.Values) == 1:
		vals := a.evalMulti(vs.Values[0], len(vs.Names), ctl)
		for i, id := range vs.Names {
			a.assign(id, vals[i], vs.Values[0].Pos(), ctl)
		}
	}
}

func (a *flowAnalysis) assignStmt(s *ast.AssignStmt, ctl taint) {
	switch {
	case len(s.Lhs) == len(s.Rhs):
		for i, l := range s.Lhs {
			v := a.eval(s.Rhs[i], ctl)
			if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
				a.eval(l, ctl) // op=: the variable keeps what it had
			}
			a.assign(l, v, s.Rhs[i].Pos(), ctl)
		}
	case len(s.Rhs) == 1:
		vals := a.evalMulti(s.Rhs[0], len(s.Lhs), ctl)
		for i, l := range s.Lhs {
			a.assign(l, vals[i], s.Rhs[0].Pos(), ctl)
		}
	}
}

// assign stores v into the place l denotes.
func (a *flowAnalysis) assign(l ast.Expr, v val, step token.Pos, ctl taint) {
	a.tick()
	// Implicit flow: the branch decides the value. A variable declared
	// after the last point the function may have left at lives only in
	// what runs after it: whether it is assigned depends on that, not
	// what it is assigned.
	vctl := ctl
	if id, ok := ast.Unparen(l).(*ast.Ident); ok && a.continuationLocal(id) {
		vctl = branchOnly(ctl)
	}
	v.t = union(v.t, sources(vctl))
	v.head = union(v.head, sources(vctl))
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		obj, ok := a.info.ObjectOf(l).(*types.Var)
		if !ok {
			return
		}
		a.store(a.varOf(obj), v, step, a.isRef(obj.Type()), "")
	case *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.StarExpr:
		base, key := l, ast.Expr(nil)
		switch x := l.(type) {
		case *ast.SelectorExpr:
			if sel := a.info.Selections[x]; sel == nil {
				// A library's variable (the program's own globals are
				// identifiers).
				a.store(a.libVars, v, step, true, "")
				return
			}
			base = x.X
		case *ast.IndexExpr:
			base, key = x.X, x.Index
		case *ast.StarExpr:
			base = x.X
		}
		b := a.eval(base, ctl)
		t := v.t
		if key != nil {
			k := a.eval(key, ctl)
			t = union(t, k.t)
			if m, isMap := underlying(a.typeOf(base)).(*types.Map); isMap {
				cause := a.own(base, b) // a nil map
				if holdsInterface(m.Key()) {
					cause = union(cause, k.t, mayFailT()) // a key that is not hashable
				}
				a.mayStop(cause, l.Pos(), whyRunError)
			} else {
				a.indexStops(base, key, b, k, l.Pos())
			}
		} else {
			_, deref := l.(*ast.StarExpr)
			if x, ok := l.(*ast.SelectorExpr); ok && a.info.Selections[x].Indirect() || deref {
				a.mayStop(a.own(base, b), l.Pos(), whyRunError) // a nil pointer
			}
		}
		a.writeThrough(b.roots, t, step, "")
		if _, deref := l.(*ast.StarExpr); deref && nilable(a.typeOf(l)) {
			// A whole value written through a pointer: the variable it
			// points to now holds it (nil or not, its length).
			for _, r := range b.roots {
				r = a.find(r)
				a.nodes[r].headW = a.mergeInto(a.nodes[r].headW, a.stepped(sources2(v.header()), step, ""))
			}
		}
		if a.isRef(a.typeOf(l)) {
			for _, r := range b.roots {
				a.unionAll(r, v.roots)
				a.storeFns(r, v)
			}
		}
	}
}

func (a *flowAnalysis) returnStmt(s *ast.ReturnStmt, ctl taint) {
	fi := a.cur
	if fi == nil {
		return
	}
	var vals []val
	switch {
	case len(s.Results) == len(fi.results):
		for _, r := range s.Results {
			vals = append(vals, a.eval(r, ctl))
		}
	case len(s.Results) == 1:
		vals = a.evalMulti(s.Results[0], len(fi.results), ctl)
	default:
		return // a bare return: the named results hold the values
	}
	for i, n := range fi.results {
		if i < len(vals) {
			// Which return runs is the branch's choice: the result depends
			// on every condition it is under in the function (its callers
			// add theirs where they take it).
			vals[i].t = union(vals[i].t, sources(ownControl(ctl)))
			ref := true
			if fi.sig != nil && i < fi.sig.Results().Len() {
				ref = a.isRef(fi.sig.Results().At(i).Type())
			}
			a.store(n, vals[i], s.Pos(), ref, "")
		}
	}
}

// ---- expressions ----

// evalMulti evaluates an expression with n values.
func (a *flowAnalysis) evalMulti(e ast.Expr, n int, ctl taint) []val {
	var vals []val
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		vals = a.callExpr(call, ctl)
	} else {
		if n == 2 {
			a.commaOK = ast.Unparen(e)
		}
		v := a.eval(e, ctl) // v, ok := m[k], x.(T) or <-ch
		a.commaOK = nil
		for range n {
			vals = append(vals, v)
		}
	}
	for len(vals) < n {
		vals = append(vals, val{})
	}
	return vals
}

// eval evaluates an expression: what it may carry, walking the function
// literals in it and recording the flows of the calls in it.
func (a *flowAnalysis) eval(e ast.Expr, ctl taint) val {
	a.tick()
	defer func(outer taint) { a.ctlNow = outer }(a.ctlNow)
	a.ctlNow = ctl
	switch e := e.(type) {
	case nil:
		return val{}
	case *ast.Ident:
		return a.ident(e)
	case *ast.BasicLit:
		return val{}
	case *ast.ParenExpr:
		return a.eval(e.X, ctl)
	case *ast.FuncLit:
		fi := a.lit(e, ctl)
		a.take(target{fn: fi, use: -1})
		return val{fns: map[target]bool{{fn: fi, use: -1}: true}, fresh: true}
	case *ast.CompositeLit:
		v := val{fresh: true}
		for _, el := range e.Elts {
			x := a.eval(el, ctl)
			v.t = union(v.t, x.t)
			v.roots = append(v.roots, x.roots...)
			for t := range x.fns { // functions it holds (a FuncMap, handlers)
				if v.fns == nil {
					v.fns = map[target]bool{}
				}
				v.fns[t] = true
			}
		}
		if len(v.fns) > 0 {
			v.unknown = "a function value taken from a map or slice"
		}
		return v
	case *ast.KeyValueExpr:
		k := val{}
		if _, isField := e.Key.(*ast.Ident); !isField || a.info.Types[e.Key].Type != nil {
			k = a.eval(e.Key, ctl)
		}
		v := a.eval(e.Value, ctl)
		return val{t: union(k.t, v.t), roots: append(k.roots, v.roots...), fns: v.fns}
	case *ast.SelectorExpr:
		sel := a.info.Selections[e]
		if sel == nil {
			return a.ident(e.Sel) // a package's member
		}
		x := a.eval(e.X, ctl)
		switch sel.Kind() {
		case types.MethodVal:
			m, _ := sel.Obj().(*types.Func)
			a.selectionStops(sel, e.X, x, e.Sel.Pos())
			x.fns, x.unknown = nil, ""
			// The receiver is bound now: it is passed, not what decides
			// which function runs.
			if i, ok := a.identUse[e.Sel]; ok {
				if r := m.Signature().Recv(); r != nil {
					a.sink(x.t, i, pass.ParamName(r.Name(), "recv"), flowData, e.Pos(), "")
				}
				t := target{use: i, tool: m, bound: true}
				a.take(t)
				return val{fns: map[target]bool{t: true}}
			}
			if fi := a.fnOf(m); fi != nil && !types.IsInterface(sel.Recv()) {
				ref := true
				if fi.sig != nil && fi.sig.Recv() != nil {
					ref = a.isRef(fi.sig.Recv().Type())
				}
				a.store(fi.recv, x, e.Pos(), ref, "")
				t := target{fn: fi, bound: true, use: -1}
				a.take(t)
				return val{fns: map[target]bool{t: true}}
			}
			// A library method value, or an interface's: the receiver is
			// bound now. Called, it is the call it would have been.
			n, ok := a.bound[e]
			if !ok {
				n = a.newNode()
				a.bound[e] = n
			}
			a.store(n, x, e.Pos(), true, "")
			t := target{lib: m, bound: true, use: -1, recv: n, iface: types.IsInterface(sel.Recv())}
			a.take(t)
			return val{fns: map[target]bool{t: true}}
		case types.MethodExpr:
			m, _ := sel.Obj().(*types.Func)
			if i, ok := a.identUse[e.Sel]; ok {
				t := target{use: i, tool: m}
				a.take(t)
				return val{fns: map[target]bool{t: true}}
			}
			if fi := a.fnOf(m); fi != nil {
				t := target{fn: fi, use: -1}
				a.take(t)
				return val{fns: map[target]bool{t: true}}
			}
			t := target{lib: m, use: -1} // called with the receiver first
			a.take(t)
			return val{fns: map[target]bool{t: true}}
		}
		a.selectionStops(sel, e.X, x, e.Sel.Pos())
		x.fns, x.unknown = nil, "a function value stored in a struct field"
		return x
	case *ast.IndexExpr:
		if tv, ok := a.info.Types[e.Index]; ok && tv.IsType() {
			return a.eval(e.X, ctl) // an instantiation
		}
		x := a.eval(e.X, ctl)
		i := a.eval(e.Index, ctl)
		a.indexStops(e.X, e.Index, x, i, e.Lbrack)
		return val{t: union(x.t, i.t), roots: x.roots, unknown: "a function value taken from a map or slice"}
	case *ast.IndexListExpr:
		return a.eval(e.X, ctl)
	case *ast.SliceExpr:
		x := a.eval(e.X, ctl)
		t := x.t
		bounds := a.own(e.X, x)
		if _, isArray := underlying(a.typeOf(e.X)).(*types.Array); isArray {
			bounds = nil
		}
		for _, i := range []ast.Expr{e.Low, e.High, e.Max} {
			if i != nil {
				it := a.eval(i, ctl).t
				t = union(t, it)
				bounds = union(bounds, it)
			}
		}
		if e.Low != nil || e.High != nil || e.Max != nil {
			a.mayStop(union(bounds, mayFailT()), e.Lbrack, whyRunError) // out of range
		}
		return val{t: t, roots: x.roots}
	case *ast.StarExpr:
		x := a.eval(e.X, ctl)
		a.mayStop(a.own(e.X, x), e.Star, whyRunError) // a nil pointer
		x.fns, x.unknown = nil, "a function value read through a pointer"
		return x
	case *ast.UnaryExpr:
		x := a.eval(e.X, ctl)
		if e.Op == token.AND {
			x.fresh, x.head = true, nil
		}
		if e.Op == token.ARROW {
			// Whether a value ever comes is the senders' choice; whether a
			// sender goes on, the receivers'.
			a.waits(e.X, x, e.OpPos)
			a.signal(x.roots, ctl, e.OpPos)
			x.fns, x.unknown = nil, "a function value received from a channel"
		}
		return x
	case *ast.BinaryExpr:
		x := a.eval(e.X, ctl)
		var y val
		switch e.Op {
		case token.LAND, token.LOR:
			// The right side runs only when the left one allows: a length
			// it tested holds there.
			// and whether it runs at all is the left side's choice.
			restore := a.guard(e.X, e.Op == token.LAND)
			y = a.eval(e.Y, union(ctl, a.stepped(sources(x.t), e.OpPos, "")))
			restore()
		default:
			y = a.eval(e.Y, ctl)
		}
		switch e.Op {
		case token.EQL, token.NEQ:
			// Comparing interfaces panics when they hold values that are
			// not comparable (slices, maps, functions).
			// (nil never panics; nor a comparison with a value of a
			// comparable type that is not an interface).
			if holdsInterface(a.typeOf(e.X)) && holdsInterface(a.typeOf(e.Y)) && !a.isNil(e.X) && !a.isNil(e.Y) {
				a.mayStop(union(x.t, y.t, mayFailT()), e.OpPos, whyRunError)
			}
		case token.QUO, token.REM, token.SHL, token.SHR:
			// Division by zero, a negative shift count.
			if tv := a.info.Types[e.Y]; tv.Value == nil && isInteger(tv.Type) {
				a.mayStop(union(y.t, mayFailT()), e.OpPos, whyRunError)
			}
		}
		return val{t: union(x.t, y.t)}
	case *ast.TypeAssertExpr:
		x := a.eval(e.X, ctl)
		if a.commaOK != e {
			a.mayStop(union(x.t, mayFailT()), e.Lparen, whyRunError) // a failed assertion
		}
		x.fns, x.unknown = nil, "a function value in an interface"
		return x
	case *ast.CallExpr:
		vals := a.callExpr(e, ctl)
		switch len(vals) {
		case 0:
			return val{}
		case 1:
			return vals[0]
		}
		v := vals[0]
		for _, w := range vals[1:] {
			v.t = union(v.t, w.t)
			v.roots = append(v.roots, w.roots...)
		}
		return v
	}
	return val{} // types and the like
}

// ident evaluates a name, alone or qualified by its package.
func (a *flowAnalysis) ident(id *ast.Ident) val {
	switch obj := a.info.ObjectOf(id).(type) {
	case *types.Var:
		if obj.Pkg() != nil && obj.Pkg().Path() == "os" && (obj.Name() == "Stdout" || obj.Name() == "Stderr") {
			return val{t: taint{labelStdout: {certain: true}}}
		}
		if obj.IsField() {
			return val{} // a field's name in a composite literal
		}
		if obj.Pkg() != nil && obj.Pkg().Path() != "main" && obj.Parent() == obj.Pkg().Scope() {
			// The libraries' variables are one location: what the
			// program writes there, library code may read anywhere.
			v := a.value(a.libVars)
			v.unknown = "a library's variable"
			return v
		}
		return a.value(a.varOf(obj))
	case *types.Func:
		if i, ok := a.identUse[id]; ok {
			t := target{use: i, tool: obj}
			a.take(t)
			return val{fns: map[target]bool{t: true}}
		}
		if fi := a.fnOf(obj); fi != nil {
			t := target{fn: fi, use: -1}
			a.take(t)
			return val{fns: map[target]bool{t: true}}
		}
		// Called later, it is the library call it would have been.
		t := target{lib: obj, use: -1}
		a.take(t)
		return val{fns: map[target]bool{t: true}}
	}
	return val{}
}

// take notes a function used as a value: a call the analysis cannot
// resolve may reach it.
func (a *flowAnalysis) take(t target) {
	if !a.takenSet[t] {
		a.takenSet[t] = true
		a.taken = append(a.taken, t)
		a.changed = true
	}
}

// fnOf returns the program's function fn, or nil.
func (a *flowAnalysis) fnOf(fn *types.Func) *fnInfo {
	if fn == nil {
		return nil
	}
	return a.fns[fn.Origin()]
}

// lit walks a function literal's body, in the control context where it is
// written and those it is called in.
func (a *flowAnalysis) lit(e *ast.FuncLit, ctl taint) *fnInfo {
	fi := a.lits[e]
	if fi == nil {
		sig, _ := a.typeOf(e).(*types.Signature)
		fi = a.newFn("func literal", nil, e.Type, e.Body, sig)
		a.lits[e] = fi
	}
	a.store(fi.ctl, val{t: ctl}, token.NoPos, false, "")
	a.walkFn(fi)
	return fi
}

// sigOf is the signature of a function-typed expression.
func (a *flowAnalysis) sigOf(e ast.Expr) *types.Signature {
	s, _ := underlying(a.typeOf(e)).(*types.Signature)
	return s
}

// callExpr evaluates a call, one value per result.
func (a *flowAnalysis) callExpr(call *ast.CallExpr, ctl taint) []val {
	if tv, ok := a.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			v := a.eval(call.Args[0], ctl) // a conversion
			if _, fromSlice := underlying(a.typeOf(call.Args[0])).(*types.Slice); fromSlice {
				switch to := underlying(a.typeOf(call)).(type) {
				case *types.Array:
					a.mayStop(union(a.own(call.Args[0], v), mayFailT()), call.Lparen, whyRunError) // too short
				case *types.Pointer:
					if _, ok := underlying(to.Elem()).(*types.Array); ok {
						a.mayStop(union(a.own(call.Args[0], v), mayFailT()), call.Lparen, whyRunError)
					}
				}
			}
			v.fns, v.unknown = nil, "a converted function value"
			return []val{v}
		}
		return []val{{}}
	}
	fun := ast.Unparen(call.Fun)
	for {
		switch f := fun.(type) {
		case *ast.IndexExpr:
			if tv, ok := a.info.Types[f.Index]; ok && tv.IsType() {
				fun = ast.Unparen(f.X)
				continue
			}
		case *ast.IndexListExpr:
			fun = ast.Unparen(f.X)
			continue
		}
		break
	}
	var id *ast.Ident
	var sel *types.Selection
	var recvX ast.Expr
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
		sel = a.info.Selections[f]
		recvX = f.X
	case *ast.FuncLit:
		fi := a.lit(f, ctl)
		args, exprs := a.args(call, ctl)
		return a.callFn(fi, false, nil, args, exprs, call.Pos(), ctl, "")
	}
	if id != nil {
		switch obj := a.info.Uses[id].(type) {
		case *types.Builtin:
			args, exprs := a.args(call, ctl)
			return a.builtin(obj.Name(), call, args, exprs, ctl)
		case *types.Func:
			if sel != nil && sel.Kind() == types.FieldVal {
				break
			}
			var recv *val
			methodExpr := sel != nil && sel.Kind() == types.MethodExpr
			if sel != nil && sel.Kind() == types.MethodVal {
				r := a.eval(recvX, ctl)
				_, isPtr := underlying(a.typeOf(recvX)).(*types.Pointer)
				_, ptrMethod := types.Unalias(obj.Signature().Recv().Type()).(*types.Pointer)
				switch {
				case !isPtr && ptrMethod && !types.IsInterface(a.typeOf(recvX)):
					// Its state: what was assigned to it (a strings.Builder
					// copied from one written under a branch panics).
					r.state = union(a.own(recvX, r), a.assigned(recvX))
					r.fresh, r.head = true, nil // &x taken for a pointer method
				default:
					r.state = a.own(recvX, r)
				}
				a.selectionStops(sel, recvX, r, call.Fun.(*ast.SelectorExpr).Sel.Pos())
				recv = &r
			}
			args, exprs := a.args(call, ctl)
			if i, ok := a.identUse[id]; ok {
				return a.toolCall(i, obj, recv, args, exprs, call.Fun.Pos(), ctl, "", false)
			}
			if obj.Pkg() != nil && obj.Pkg().Path() == library.RuntimePath && obj.Name() == "Result" {
				for i, v := range args {
					a.output(v.t, exprs[i].Pos(), "")
				}
				a.outputControl(ctl, call.Pos())
				return nil
			}
			if r := obj.Signature().Recv(); r != nil && types.IsInterface(r.Type()) {
				if methodExpr && len(args) > 0 {
					r := args[0]
					recv, args, exprs = &r, args[1:], exprs[1:]
				}
				if recv == nil {
					recv = &val{}
				}
				return a.dynCall(obj, *recv, args, exprs, call.Pos(), ctl)
			}
			if fi := a.fnOf(obj); fi != nil {
				return a.callFn(fi, !methodExpr && recv == nil, recv, args, exprs, call.Pos(), ctl, "")
			}
			return a.libCall(obj, recv, args, exprs, call.Pos(), ctl)
		}
	}
	// A function value, which may be nil.
	fv := a.eval(call.Fun, ctl)
	a.mayStop(a.own(call.Fun, fv), call.Lparen, whyRunError)
	args, exprs := a.args(call, ctl)
	return a.call(fv, args, exprs, call.Pos(), ctl, a.sigOf(call.Fun), fv.t)
}

// args evaluates a call's arguments, spreading f(g()).
func (a *flowAnalysis) args(call *ast.CallExpr, ctl taint) ([]val, []ast.Expr) {
	if len(call.Args) == 1 {
		if t, ok := a.typeOf(call.Args[0]).(*types.Tuple); ok && t.Len() > 1 {
			vals := a.evalMulti(call.Args[0], t.Len(), ctl)
			exprs := make([]ast.Expr, len(vals))
			for i := range exprs {
				exprs[i] = call.Args[0]
			}
			return vals, exprs
		}
	}
	vals := make([]val, len(call.Args))
	for i, x := range call.Args {
		vals[i] = a.eval(x, ctl)
	}
	return vals, call.Args
}

// call calls a function value fv. calleeTaint is what decides which
// function it is.
func (a *flowAnalysis) call(fv val, args []val, exprs []ast.Expr, at token.Pos, ctl taint, sig *types.Signature, calleeTaint taint) []val {
	ctl = union(ctl, a.stepped(sources(calleeTaint), at, ""))
	var results []val
	add := func(vals []val) {
		for i, v := range vals {
			if i < len(results) {
				results[i].t = union(results[i].t, v.t)
				results[i].roots = append(results[i].roots, v.roots...)
				for t := range v.fns {
					if results[i].fns == nil {
						results[i].fns = map[target]bool{}
					}
					results[i].fns[t] = true
				}
				results[i].unknown = cmp.Or(results[i].unknown, v.unknown)
			} else {
				results = append(results, v)
			}
		}
	}
	do := func(t target, why string) {
		if t.tool != nil {
			add(a.toolCall(t.use, t.tool, nil, args, exprs, at, ctl, why, !t.bound))
			return
		}
		if t.lib != nil {
			add(a.libValueCall(t, args, exprs, at, ctl, why))
			return
		}
		add(a.callFn(t.fn, t.bound, nil, args, exprs, at, ctl, why))
	}
	for _, t := range sortedTargets(fv.fns) {
		do(t, "")
	}
	if fv.unknown != "" {
		why := "passed to " + fv.unknown
		for _, t := range a.candidates(sig) {
			if !fv.fns[t] {
				do(t, why)
			}
		}
		if sig != nil {
			// Whatever it is may compute its results from its arguments
			// and what it closes over, and write what it is given there:
			// a library's function (context's cancel) changes the state it
			// was made with.
			var t taint
			for _, v := range args {
				t = union(t, v.t)
			}
			if fv.unknown == whyLibraryFunc {
				a.writeThrough(fv.roots, union(sources(t), sources(ctl)), at, why)
				t = union(t, fv.t)
				for _, r := range fv.roots {
					t = union(t, a.nodes[a.find(r)].heap)
				}
			}
			var vals []val
			for range sig.Results().Len() {
				vals = append(vals, val{t: a.stepped(t, at, why), unknown: fv.unknown})
			}
			add(vals)
		}
	}
	if sig != nil {
		for len(results) < sig.Results().Len() {
			results = append(results, val{})
		}
	}
	// Which function ran decides what came back.
	if choice := sources(calleeTaint); len(choice) > 0 {
		for i := range results {
			results[i].t = union(results[i].t, a.stepped(choice, at, ""))
		}
	}
	return results
}

// libValueCall calls a library function or method taken as a value: a
// bound method value with its receiver, a method expression with the
// first argument as receiver.
func (a *flowAnalysis) libValueCall(t target, args []val, exprs []ast.Expr, at token.Pos, ctl taint, why string) []val {
	var recv *val
	if t.lib.Signature().Recv() != nil {
		switch {
		case t.bound:
			r := a.value(t.recv)
			recv = &r
		case len(args) > 0:
			r := args[0]
			recv, args, exprs = &r, args[1:], exprs[1:]
		}
	}
	var vals []val
	if t.iface {
		r := val{}
		if recv != nil {
			r = *recv
		}
		vals = a.dynCall(t.lib, r, args, exprs, at, ctl)
	} else {
		vals = a.libCall(t.lib, recv, args, exprs, at, ctl)
	}
	if why != "" {
		for i := range vals {
			vals[i].t = a.stepped(vals[i].t, at, why)
		}
	}
	return vals
}

// sortedTargets orders a set of targets by when they were declared.
func sortedTargets(m map[target]bool) []target {
	list := make([]target, 0, len(m))
	for t := range m {
		list = append(list, t)
	}
	slices.SortFunc(list, func(x, y target) int {
		return cmp.Or(cmp.Compare(x.use, y.use), cmp.Compare(fnOrder(x.fn), fnOrder(y.fn)), cmpBool(x.bound, y.bound),
			cmp.Compare(libOrder(x.lib), libOrder(y.lib)), cmp.Compare(x.recv, y.recv))
	})
	return list
}

func libOrder(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	return LibName(fn)
}

func fnOrder(fi *fnInfo) int {
	if fi == nil {
		return -1
	}
	return fi.ctl // nodes are numbered in creation order
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

// candidates lists the functions used as values an unresolved call of
// signature sig may reach.
func (a *flowAnalysis) candidates(sig *types.Signature) []target {
	var list []target
	for _, t := range a.taken {
		var s *types.Signature
		switch {
		case t.tool != nil:
			s = t.tool.Signature()
		case t.fn != nil:
			s = t.fn.sig
		case t.lib != nil:
			s = t.lib.Signature()
		}
		if sig == nil || s == nil || sameShape(a, s, sig, (t.tool != nil || t.lib != nil) && !t.bound || t.fn != nil && !t.bound && t.fn.recv >= 0) {
			list = append(list, t)
		}
	}
	return list
}

// sameShape reports whether a function of signature s can be called as
// sig; withRecv puts s's receiver first.
func sameShape(a *flowAnalysis, s, sig *types.Signature, withRecv bool) bool {
	var params []types.Type
	if withRecv && s.Recv() != nil {
		params = append(params, s.Recv().Type())
	}
	for i := range s.Params().Len() {
		params = append(params, s.Params().At(i).Type())
	}
	if len(params) != sig.Params().Len() || s.Results().Len() != sig.Results().Len() || s.Variadic() != sig.Variadic() {
		return false
	}
	for i, p := range params {
		if !types.Identical(p, sig.Params().At(i).Type()) {
			return false
		}
	}
	return types.Identical(s.Results(), sig.Results())
}

// callFn calls a function of the program. bound is set for a method value
// whose receiver was stored already; for a method expression called as a
// function (not bound, no recv) the first argument is the receiver.
func (a *flowAnalysis) callFn(fi *fnInfo, bound bool, recv *val, args []val, exprs []ast.Expr, at token.Pos, ctl taint, why string) []val {
	a.store(fi.ctl, val{t: ctl}, at, false, why)
	if a.cur != nil {
		if a.callees[a.cur] == nil {
			a.callees[a.cur] = map[*fnInfo]bool{}
		}
		if !a.callees[a.cur][fi] {
			a.callees[a.cur][fi] = true
			a.changed = true
		}
		if a.reaches(fi, a.cur) {
			// How deep the recursion goes, and whether the stack
			// overflows, is what it recurses under.
			a.mayStop(union(ctl, mayFailT()), at, whyRunError)
		}
	}
	if fi.recv >= 0 && !bound {
		if recv == nil && len(args) > 0 {
			r := args[0]
			recv, args, exprs = &r, args[1:], exprs[1:]
		}
		if recv != nil {
			ref := true
			if fi.sig != nil && fi.sig.Recv() != nil {
				ref = a.isRef(fi.sig.Recv().Type())
			}
			a.store(fi.recv, *recv, at, ref, why)
		}
	}
	for i, v := range args {
		j := i
		if j >= len(fi.params) {
			if !fi.variadic || len(fi.params) == 0 {
				break
			}
			j = len(fi.params) - 1
		}
		a.store(fi.params[j], v, exprs[i].Pos(), a.paramRef(fi, j), why)
	}
	// A callee's function-typed parameters receive what they are given;
	// one called from an unresolved call may receive anything.
	if why != "" {
		for _, p := range fi.params {
			a.storeFns(p, val{unknown: "a parameter of a function called indirectly"})
		}
	}
	a.mayStop(a.read(fi.stops), at, why)
	vals := make([]val, len(fi.results))
	for i, n := range fi.results {
		v := a.value(n)
		v.t = a.stepped(v.t, at, why)
		vals[i] = v
	}
	return vals
}

// paramRef reports whether parameter i may reference memory.
func (a *flowAnalysis) paramRef(fi *fnInfo, i int) bool {
	if fi.sig == nil || i >= fi.sig.Params().Len() {
		return true
	}
	return a.isRef(fi.sig.Params().At(i).Type())
}

// toolCall records the flows into a tool call and returns its results, a
// new source. spreadRecv is set for a tool method expression value called
// with its receiver first.
func (a *flowAnalysis) toolCall(i int, fn *types.Func, recv *val, args []val, exprs []ast.Expr, at token.Pos, ctl taint, why string, spreadRecv bool) []val {
	sig := fn.Signature()
	var names []string
	if i >= 0 && i < len(a.p.Uses) && a.p.Uses[i].Kind == "call" {
		for _, arg := range a.p.Uses[i].Args {
			names = append(names, arg.Name)
		}
	} else {
		if spreadRecv && sig.Recv() != nil {
			names = append(names, pass.ParamName(sig.Recv().Name(), "recv"))
		}
		for j := range sig.Params().Len() {
			names = append(names, pass.ParamName(sig.Params().At(j).Name(), fmt.Sprintf("arg%d", j)))
		}
	}
	name := func(j int) string {
		switch {
		case j < len(names):
			return names[j]
		case sig.Variadic() && len(names) > 0:
			return names[len(names)-1]
		}
		return fmt.Sprintf("arg%d", j)
	}
	// A tool package's tools share what is behind them (a workspace, a
	// database, a server's memory): what one call is given, or whether it
	// is made, a later call may return.
	var shared taint
	if i >= 0 && fn.Pkg() != nil {
		n, ok := a.toolState[fn.Pkg().Path()]
		if !ok {
			n = a.newNode()
			a.toolState[fn.Pkg().Path()] = n
		}
		given := sources(ctl)
		for _, v := range args {
			given = union(given, sources(v.t))
		}
		if recv != nil {
			given = union(given, sources(recv.t))
		}
		a.store(n, val{t: given}, at, false, why)
		shared = a.read(n)
	}
	if i >= 0 {
		for j, v := range args {
			a.sink(v.t, i, name(j), flowData, exprs[j].Pos(), why)
		}
		if recv != nil && sig.Recv() != nil {
			a.sink(recv.t, i, pass.ParamName(sig.Recv().Name(), "recv"), flowData, at, why)
		}
		a.sink(ctl, i, "", flowControl, at, why)
	}
	vals := make([]val, sig.Results().Len())
	for j := range vals {
		if i < 0 {
			continue
		}
		f := &fact{certain: why == "", why: why, path: []model.Pos{a.p.Pos(at)}}
		t := taint{i: f}
		// A tool computes its results from its arguments (the files a
		// pattern matches), and its error echoes them: both carry what
		// the arguments carry.
		for _, v := range args {
			t = union(t, v.t)
		}
		if recv != nil {
			t = union(t, recv.t)
		}
		t = union(t, shared)
		vals[j] = val{t: t, unknown: "a tool's result"}
	}
	return vals
}

// sink records the flows of t into a tool's argument.
func (a *flowAnalysis) sink(t taint, to int, arg, kind string, at token.Pos, why string) {
	a.work += len(t)
	p := a.p.Pos(at)
	for l, f := range t {
		if l < 0 {
			continue
		}
		l = plainLabel(l)
		if why != "" && f.certain {
			f = &fact{why: why, path: f.path}
		}
		a.record(l, to, arg, kind, f, p)
	}
}

// output records the flows of t to the program's output.
func (a *flowAnalysis) output(t taint, at token.Pos, why string) {
	a.sink(t, outputSink, "", flowData, at, why)
}

// outputControl records the control flows to an output statement.
func (a *flowAnalysis) outputControl(ctl taint, at token.Pos) {
	a.sink(ctl, outputSink, "", flowControl, at, "")
}

// dynCall calls method m through an interface: any of the program's
// methods of that name may run, or a library type's.
func (a *flowAnalysis) dynCall(m *types.Func, recv val, args []val, exprs []ast.Expr, at token.Pos, ctl taint) []val {
	a.mayStop(recv.state, at, whyRunError) // a nil interface
	var results []val
	merge := func(vals []val) {
		for i, v := range vals {
			if i < len(results) {
				results[i].t = union(results[i].t, v.t)
				results[i].roots = append(results[i].roots, v.roots...)
			} else {
				results = append(results, v)
			}
		}
	}
	choice := a.stepped(sources(recv.t), at, "")
	ictl := union(ctl, choice)
	defer func() {
		// Which method ran decides what came back.
		for i := range results {
			results[i].t = union(results[i].t, choice)
		}
	}()
	for _, fi := range a.fnList {
		if fi.recv < 0 || fi.name != m.Name() {
			continue
		}
		merge(a.callFn(fi, false, &recv, args, exprs, at, ictl, whyInterface))
	}
	if m.Exported() || m.Pkg() == nil || m.Pkg().Path() != "main" {
		// A library type may implement the interface too.
		merge(a.libCall(m, &recv, args, exprs, at, ctl))
	}
	return results
}

// builtin evaluates a call of a built-in function.
func (a *flowAnalysis) builtin(name string, call *ast.CallExpr, args []val, exprs []ast.Expr, ctl taint) []val {
	all := func(list []val) val {
		var v val
		for _, x := range list {
			v.t = union(v.t, x.t)
			v.roots = append(v.roots, x.roots...)
		}
		return v
	}
	switch name {
	case "append":
		// In place when there is room: the slice's backing array is written
		// under the branch the call is under.
		v := all(args)
		v.t = a.stepped(v.t, call.Pos(), "")
		if len(args) > 1 {
			a.writeThrough(args[0].roots, union(all(args[1:]).t, sources(ctl)), call.Pos(), "")
		}
		return []val{v}
	case "copy":
		if len(args) == 2 {
			a.writeThrough(args[0].roots, union(args[1].t, sources(ctl)), call.Pos(), "")
			return []val{{t: union(args[0].t, args[1].t)}}
		}
	case "delete":
		// Which keys remain is data: of the key, and of the branch.
		if len(args) == 2 {
			a.writeThrough(args[0].roots, union(args[1].t, sources(ctl)), call.Pos(), "")
		}
		return nil
	case "clear":
		if len(args) == 1 {
			a.writeThrough(args[0].roots, sources(ctl), call.Pos(), "")
		}
		return nil
	case "close":
		// A receive tells whether the channel was closed.
		if len(args) == 1 {
			a.writeThrough(args[0].roots, sources(ctl), call.Pos(), "")
			a.signal(args[0].roots, ctl, call.Pos())
			a.waits(exprs[0], args[0], call.Pos()) // closing a closed channel
		}
		return nil
	case "len", "cap", "min", "max", "complex", "real", "imag":
		v := all(args)
		return []val{{t: v.t}}
	case "make":
		var t taint
		for i, v := range args[min(1, len(args)):] {
			t = union(t, v.t)
			if a.info.Types[exprs[i+1]].Value == nil {
				t = union(t, mayFailT())
			}
		}
		a.mayStop(t, call.Pos(), whyRunError) // a negative or huge size
		if len(args) >= 2 {
			if _, ok := underlying(a.typeOf(call)).(*types.Slice); ok {
				return []val{{t: args[1].t, fresh: true, head: args[1].t}} // len of the result is data
			}
		}
		return []val{{fresh: true}}
	case "new":
		return []val{{fresh: true}}
	case "panic", "print", "println":
		if name == "panic" {
			for _, v := range args {
				a.store(a.panicN, v, call.Pos(), true, "")
			}
			a.mayStop(ctl, call.Pos(), "")
		}
		for i, v := range args {
			a.output(v.t, exprs[i].Pos(), "")
		}
		a.outputControl(ctl, call.Pos())
		return nil
	case "recover":
		v := a.value(a.panicN)
		v.unknown = "a recovered panic value"
		return []val{v}
	}
	return []val{{}}
}

// libCall evaluates a call of a library function or method: the results
// come from every argument and the receiver, references it is given may be
// written with all of them, function arguments are called with them, and
// anything written to the program's output is output.
func (a *flowAnalysis) libCall(fn *types.Func, recv *val, args []val, exprs []ast.Expr, at token.Pos, ctl taint) []val {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Path()
	}
	if stopsProgram(pkg, fn.Name()) {
		a.mayStop(ctl, at, "")
	}
	// What a call is given may make it panic, unless it never does.
	// What a call is given may make it panic, unless the function never
	// does (libTotal); a method's receiver may be nil or copied, and a
	// callback nil, whatever the function.
	_, total := libTotal[LibName(fn)]
	if total && (pkg == "slices" || pkg == "maps") {
		// Generic: comparing interfaces they are given may panic.
		for i := range args {
			if holdsAnyInterface(a.components(a.typeOf(exprs[i]))) {
				total = false
			}
		}
	}
	var stop taint
	if recv != nil {
		stop = recv.state
		if !total {
			stop = union(stop, recv.t)
		}
	}
	for i, v := range args {
		_, isFunc := underlying(a.typeOf(exprs[i])).(*types.Signature)
		switch {
		case !total:
			stop = union(stop, v.t) // what it holds too: its contents may make it panic
		case !total || isFunc || isMethodIface(paramType(fn.Signature(), i)):
			stop = union(stop, a.own(exprs[i], v)) // nil
		}
	}
	if !total {
		stop = union(stop, mayFailT())
	}
	a.mayStop(stop, at, whyRunError)
	if pkg == "sync" && recv != nil && (fn.Name() == "Wait" || strings.HasSuffix(fn.Name(), "Lock")) {
		a.mayStop(union(recv.t, mayFailT()), at, whyRunError) // waits for the calls of other goroutines
	}
	ins := slices.Clone(args)
	if recv != nil {
		ins = append(ins, *recv)
	}
	in := sources(a.read(a.libVars)) // what the program wrote into the libraries' variables
	var roots []int
	for i, v := range ins {
		in = union(in, v.t)
		if i < len(args) && a.isRef(a.typeOf(exprs[i])) || i == len(args) {
			roots = append(roots, v.roots...)
		}
	}
	stateful := statefulPackages[pkg]
	if stateful {
		// The package keeps what it is given (log.SetOutput's writer,
		// flag.StringVar's pointer, a handler), changes its state, and
		// answers from it. What it only prints (log.Print) it keeps not.
		if !printsOnly[LibName(fn)] {
			a.unionAll(a.libState, roots)
		}
		roots = append(roots, a.libState)
		in = union(in, sources(a.read(a.libState)))
	}

	// Output: writing to os.Stdout or a writer wrapping it.
	if pkg == "fmt" && (fn.Name() == "Print" || fn.Name() == "Println" || fn.Name() == "Printf") {
		for i, v := range args {
			a.output(v.t, exprs[i].Pos(), "")
		}
		a.outputControl(ctl, at)
	} else {
		for i, w := range ins {
			if _, ok := w.t[labelStdout]; !ok {
				continue
			}
			for j, v := range args {
				if j != i {
					a.output(v.t, exprs[j].Pos(), "")
				}
			}
			a.outputControl(ctl, at)
			break
		}
	}

	// Every call of a function may hand out the same object (a cached
	// table, a package's variable): its results share one node.
	sn, ok := a.site[LibName(fn)]
	if !ok {
		sn = a.newNode()
		a.site[LibName(fn)] = sn
	}

	// Callbacks run with the other arguments: functions given for a
	// parameter of function type (a function given as any is printed or
	// encoded, not called; a template calls what its FuncMap holds).
	var cbResults taint
	params := fn.Signature().Params()
	for i, v := range args {
		sig, ok := underlying(a.typeOf(exprs[i])).(*types.Signature)
		if !ok {
			continue
		}
		if !templates(pkg) && i < len(exprs) {
			var pt types.Type
			switch {
			case fn.Signature().Variadic() && i >= params.Len()-1:
				if sl, ok := params.At(params.Len() - 1).Type().Underlying().(*types.Slice); ok {
					pt = sl.Elem()
				}
			case i < params.Len():
				pt = params.At(i).Type()
			}
			if _, isFunc := underlying(pt).(*types.Signature); pt != nil && !isFunc {
				continue
			}
		}
		var cbArgs []val
		var cbExprs []ast.Expr
		for k := range sig.Params().Len() {
			p := val{t: in, roots: roots}
			if _, isFunc := underlying(sig.Params().At(k).Type()).(*types.Signature); isFunc {
				// The library's own function (slices.Collect's yield):
				// what the program passes it reaches the library's result.
				p = val{t: in, roots: []int{sn}, unknown: whyLibraryFunc, fresh: true}
			}
			cbArgs = append(cbArgs, p)
			cbExprs = append(cbExprs, exprs[i])
		}
		// Whether the library calls it again (strings.IndexFunc stops at
		// the first true) is what it returned before.
		again, ok := a.callbacks[exprs[i]]
		if !ok {
			again = a.newNode()
			a.callbacks[exprs[i]] = again
		}
		var got taint
		// Whether, and how often, the library calls it is what the library
		// was given (strings.Map calls it once per rune) and what it
		// returned before (strings.IndexFunc stops at the first true).
		cbctl := union(ctl, a.stepped(sources(in), exprs[i].Pos(), ""), a.read(again))
		for _, r := range a.call(v, cbArgs, cbExprs, exprs[i].Pos(), cbctl, sig, nil) {
			got = union(got, r.t)
		}
		a.store(again, val{t: sources(got)}, exprs[i].Pos(), false, "")
		cbResults = union(cbResults, got)
	}
	in = union(in, cbResults)
	if templates(pkg) {
		// A template calls the functions of its FuncMap, held in a map.
		for i, v := range ins {
			fns := map[target]bool{}
			for t := range v.fns {
				fns[t] = true
			}
			for _, r := range v.roots {
				for t := range a.nodes[a.find(r)].fns {
					fns[t] = true
				}
			}
			if i >= len(exprs) {
				i = len(exprs) - 1 // the receiver: its position is the call's
			}
			if i < 0 {
				continue
			}
			if len(fns) == 0 {
				continue
			}
			var cbArgs []val
			var cbExprs []ast.Expr
			for range 4 {
				cbArgs = append(cbArgs, val{t: in, roots: roots})
				cbExprs = append(cbExprs, exprs[i])
			}
			for _, r := range a.call(val{fns: fns}, cbArgs, cbExprs, exprs[i].Pos(), union(ctl, a.stepped(sources(in), at, "")), nil, nil) {
				in = union(in, r.t)
			}
		}
	}

	// Library code calls some methods of the values it is given (fmt calls
	// String and Error, encoding/json MarshalJSON, io Read and Write): run
	// the program's methods of those names on what the call passes, and let
	// what they return reach the call's result.
	for i := range args {
		t := a.typeOf(exprs[i])
		for _, fi := range a.fnList {
			if fi.recv < 0 || !a.mayCall(pkg, t, fi) {
				continue
			}
			ps := make([]val, len(fi.params))
			pex := make([]ast.Expr, len(fi.params))
			for k := range ps {
				ps[k], pex[k] = val{t: in, roots: roots}, exprs[i]
			}
			recv := args[i]
			// Whether, and how often, it is called is what the library was
			// given (a verb, a dynamic type, the order sort.Sort finds).
			mctl := union(ctl, a.stepped(sources(in), at, ""))
			for _, r := range a.callFn(fi, false, &recv, ps, pex, at, mctl, whyLibrary) {
				in = union(in, r.t)
			}
		}
	}

	// References the call may write, with what it is given and the branch
	// it is called under. The output label is not data.
	written := union(sources(in), sources(ctl))
	if stateful {
		a.writeThrough([]int{a.libState}, written, at, "")
	}
	for i, v := range ins {
		if !LibWrites(fn, i, len(args)) {
			continue
		}
		var t types.Type
		if i < len(args) {
			t = a.typeOf(exprs[i])
		} else if fn.Signature().Recv() != nil {
			t = fn.Signature().Recv().Type()
		}
		switch underlying(t).(type) {
		case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface:
			a.writeThrough(v.roots, written, at, "")
			if pt, ok := underlying(t).(*types.Pointer); ok && nilable(pt.Elem()) {
				// It may replace the whole value (json.Unmarshal sizes a
				// slice): nil or not, its length, are its arguments'.
				for _, r := range v.roots {
					r = a.find(r)
					a.nodes[r].headW = a.mergeInto(a.nodes[r].headW, union(a.stepped(written, at, ""), maybeNilT()))
				}
			}
			// It may keep the functions it was given (a template's
			// FuncMap): they are its to call later.
			for _, w := range args {
				if len(w.fns) > 0 {
					for _, r := range v.roots {
						a.storeFns(a.find(r), val{fns: w.fns})
					}
				}
			}
		}
	}

	sig := fn.Signature()
	vals := make([]val, sig.Results().Len())
	out := a.stepped(in, at, "")

	for i := range vals {
		vals[i] = val{t: out, unknown: whyLibraryFunc}
		if a.isRef(sig.Results().At(i).Type()) {
			vals[i].roots = append(slices.Clip(roots), sn)
			if a.handsOutVars(fn, sig.Results().At(i).Type()) {
				// crc32.MakeTable(IEEE) is crc32.IEEETable; Location is time.Local.
				vals[i].roots = append(vals[i].roots, a.libVars)
			}
		}
	}
	return vals
}

// templates reports the template packages, which call what their data
// and FuncMap hold.
func templates(pkg string) bool { return pkg == "text/template" || pkg == "html/template" }

// handsOutVars reports whether fn's package has an exported variable of
// type t, which fn may return.
func (a *flowAnalysis) handsOutVars(fn *types.Func, t types.Type) bool {
	if fn.Pkg() == nil {
		return false
	}
	scope := fn.Pkg().Scope()
	for _, name := range scope.Names() {
		if v, ok := scope.Lookup(name).(*types.Var); ok && v.Exported() && types.Identical(v.Type(), t) {
			return true
		}
	}
	return false
}

// paramType is the type of the parameter argument i is passed for.
func paramType(sig *types.Signature, i int) types.Type {
	params := sig.Params()
	switch {
	case sig.Variadic() && i >= params.Len()-1:
		if sl, ok := params.At(params.Len() - 1).Type().Underlying().(*types.Slice); ok {
			return sl.Elem()
		}
	case i < params.Len():
		return params.At(i).Type()
	}
	return nil
}

// isMethodIface reports an interface type with methods: a nil one panics
// when library code calls them.
func isMethodIface(t types.Type) bool {
	if t == nil {
		return false
	}
	i, ok := underlying(t).(*types.Interface)
	return ok && i.NumMethods() > 0
}

// printsOnly are functions of stateful packages that keep no reference
// they are given: they format it into the package's state.
var printsOnly = map[string]bool{
	"log.Print": true, "log.Printf": true, "log.Println": true, "log.Fatal": true, "log.Fatalf": true,
	"log.Fatalln": true, "log.Panic": true, "log.Panicf": true, "log.Panicln": true,
	"log.Logger.Print": true, "log.Logger.Printf": true, "log.Logger.Println": true,
	"log.Logger.Fatal": true, "log.Logger.Fatalf": true, "log.Logger.Fatalln": true,
	"log.Logger.Panic": true, "log.Logger.Panicf": true, "log.Logger.Panicln": true,
}

// statefulPackages are the offered packages with state of their own that
// their functions keep references in, change and answer from: the
// runtime's count of goroutines (a go statement changes it), log's
// output, flag's flags, net/http's default mux, math/rand's source, the
// program's environment in os, the registries of mime, image and
// encoding/gob. (time's state is its package variables, time.Local.)
var statefulPackages = map[string]bool{
	"runtime": true, "log": true, "flag": true, "net/http": true, "net/http/httptest": true,
	"math/rand": true, "math/rand/v2": true, "expvar": true, "mime": true, "image": true,
	"encoding/gob": true, "os": true,
}

// stopsProgram reports a library function that ends the program or the
// goroutine: it does not return.
func stopsProgram(pkg, name string) bool {
	switch pkg {
	case "os":
		return name == "Exit"
	case "runtime":
		return name == "Goexit"
	case "log":
		return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")
	}
	return false
}

// implicitMethods are the methods library code may call on values it is
// given: those of every interface type the offered packages export (io's
// Reader, sort's Interface, heap's, json's Marshaler...), and those the
// standard library asks for through interfaces it does not export.
var implicitMethods = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, name := range unexportedInterfaceMethods {
		set[name] = true
	}
	for key, syms := range library.Symbols {
		if strings.HasPrefix(key, "airlock/") {
			continue
		}
		for _, v := range syms {
			if !v.IsValid() || v.Kind() != reflect.Pointer || !v.IsNil() || v.Type().Elem().Kind() != reflect.Interface {
				continue
			}
			for i := range v.Type().Elem().NumMethod() {
				set[v.Type().Elem().Method(i).Name] = true
			}
		}
	}
	return set
})

// unexportedInterfaceMethods are methods the standard library calls
// through interfaces it declares unexported or inline: errors.Is, As and
// Unwrap; encoding's text and binary marshalers, which the sandbox does
// not offer as a package but json, xml and fmt use.
var unexportedInterfaceMethods = []string{
	"Is", "As", "Unwrap", "MarshalText", "UnmarshalText", "MarshalBinary", "UnmarshalBinary",
	"AppendText", "AppendBinary", "GobEncode", "GobDecode", "String", "Error", "Format", "GoString",
}

// anyMethods are the methods library code calls on a value it holds as
// an interface whatever the interface: to print, compare and encode it.
var anyMethods = map[string]bool{
	"String": true, "GoString": true, "Error": true, "Format": true, "Is": true, "As": true, "Unwrap": true,
	"MarshalJSON": true, "UnmarshalJSON": true, "MarshalText": true, "UnmarshalText": true,
	"MarshalXML": true, "UnmarshalXML": true,
}

// whyLibraryFunc marks a function value a library call returned.
const whyLibraryFunc = "a function value returned by a library"

// whyLibrary marks flows through a method library code calls.
const whyLibrary = "a method called by library code"

// mayCall reports whether library code of package pkg given a value of
// static type t may call the program method fi. Templates call any
// exported method their text names. Otherwise the method is one library
// code calls (implicitMethods), and t is fi's receiver type (or a pointer
// to it), or an interface fi's type implements, when fi is one of the
// interface's methods or one library code calls on any value.
func (a *flowAnalysis) mayCall(pkg string, t types.Type, fi *fnInfo) bool {
	if t == nil || fi.sig == nil || fi.sig.Recv() == nil {
		return false
	}
	template := templates(pkg)
	if !template && !implicitMethods()[fi.name] || template && !token.IsExported(fi.name) {
		return false
	}
	rt := pass.Deref(fi.sig.Recv().Type())
	// Library code reaches what the value holds: elements, fields (the
	// embedded ones promote their methods), map keys and values.
	for _, u := range a.components(t) {
		if iface, ok := underlying(u).(*types.Interface); ok {
			if !types.Implements(rt, iface) && !types.Implements(types.NewPointer(rt), iface) {
				continue
			}
			if template || anyMethods[fi.name] {
				return true
			}
			for i := range iface.NumMethods() {
				if iface.Method(i).Name() == fi.name {
					return true
				}
			}
			continue
		}
		if sameOrigin(pass.Deref(u), rt) {
			return true
		}
	}
	return false
}

// sameOrigin reports whether two types are the same, or instances of the
// same generic type.
func sameOrigin(x, y types.Type) bool {
	if types.Identical(x, y) {
		return true
	}
	nx, ok1 := types.Unalias(x).(*types.Named)
	ny, ok2 := types.Unalias(y).(*types.Named)
	return ok1 && ok2 && nx.Origin() == ny.Origin()
}

// components lists t and the types its values hold, through pointers,
// elements, map keys and values, and struct fields.
func (a *flowAnalysis) components(t types.Type) []types.Type {
	if list, ok := a.comps[t]; ok {
		return list
	}
	seen := map[types.Type]bool{}
	var list []types.Type
	var walk func(types.Type)
	walk = func(u types.Type) {
		if u == nil || seen[u] || len(list) > 200 {
			return
		}
		seen[u] = true
		list = append(list, u)
		switch x := u.Underlying().(type) {
		case *types.Pointer:
			walk(x.Elem())
		case *types.Slice:
			walk(x.Elem())
		case *types.Array:
			walk(x.Elem())
		case *types.Chan:
			walk(x.Elem())
		case *types.Map:
			walk(x.Key())
			walk(x.Elem())
		case *types.Struct:
			for i := range x.NumFields() {
				walk(x.Field(i).Type())
			}
		}
	}
	walk(t)
	if a.comps == nil {
		a.comps = map[types.Type][]types.Type{}
	}
	a.comps[t] = list
	return list
}
