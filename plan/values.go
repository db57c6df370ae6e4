package plan

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"
)

// maxValues caps the set of values an argument is known to take; a larger
// set is left to run time.
const maxValues = 32

// maxValueDepth bounds how far values are followed through variables,
// parameters and expressions.
const maxValueDepth = 12

// values follows arguments that are not constants to the values they may
// take, flow-insensitively and soundly: a local or package variable is
// any of the values assigned to it anywhere (closures included), as long
// as its address is never taken and it is never assigned in a way that
// cannot be followed (x++, x += y, a call's several results); a parameter
// of one of the program's functions or unexported methods is any of the
// arguments its direct calls pass (and the calls through a variable that
// holds it and is only called), when it is never used otherwise; the
// variable of a range over a literal list or map is any of its elements,
// and so is an element at an index not known; a field of a struct value
// built from literals is any of the literals' values for it, when nothing
// writes the field or may change the value. String concatenation,
// fmt.Sprintf and Sprint, and a few pure functions of strings, path and
// strconv are computed on the sets.
//
// It works on the type-checked syntax rather than on SSA: the program is
// one file, the facts needed are per variable, and an SSA build of a
// 1,000-line program costs more than the planner's whole budget.
type values struct {
	info     *types.Info
	writes   map[*types.Var][]ast.Expr // nil entry: a zero value
	escapes  map[*types.Var]int        // writes that cannot be followed, counted
	ranges   map[*types.Var]ast.Expr   // a range's value variable -> the ranged list
	params   map[*types.Var][]ast.Expr // a parameter -> the arguments of every direct call
	counted  map[*types.Var][]any      // a counting loop's variable -> the values it counts through
	touched  map[*types.Var]bool       // lists whose elements may change
	written  map[*types.Var]bool       // struct fields assigned somewhere, or whose address is taken
	visiting map[*types.Var]bool
	// early is set when a package variable's initializer calls the
	// program's code, which may read another package variable before its
	// own initializer has run: each may then also be its zero value.
	early bool
}

func newValues(file *ast.File, info *types.Info) *values {
	v := &values{info: info, writes: map[*types.Var][]ast.Expr{}, escapes: map[*types.Var]int{},
		ranges: map[*types.Var]ast.Expr{}, params: map[*types.Var][]ast.Expr{}, counted: map[*types.Var][]any{}, touched: map[*types.Var]bool{},
		written: map[*types.Var]bool{}, visiting: map[*types.Var]bool{}}
	variable := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		obj, _ := info.ObjectOf(id).(*types.Var)
		if obj == nil || obj.IsField() {
			return nil
		}
		return obj
	}
	// The program's functions, and its unexported methods: code outside
	// the program cannot name those, so only its own calls reach them.
	funcs := map[*types.Func]*ast.FuncDecl{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && (fd.Recv == nil || !fd.Name.IsExported()) {
			if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
				funcs[fn] = fd
			}
		}
	}
	// A method called through an interface may be any method of that
	// name: such calls are not followed.
	dynamic := map[string]bool{}
	called := map[*ast.Ident]bool{}
	calls := map[*types.Func][]*ast.CallExpr{}
	counters := map[*types.Var][]any{}
	litOf := map[*types.Var]*ast.FuncLit{}
	litCalls := map[*types.Var][]*ast.CallExpr{}
	litCalled := map[*ast.Ident]bool{}
	aliased := map[*types.Func][]*ast.CallExpr{} // calls made through a variable holding the function
	var invoked []*ast.CallExpr                  // func(...) { ... }(args), go and defer included
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt:
			if x, vals := counter(n, info); x != nil {
				counters[x] = vals
			}
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				v.touch(l) // x[i] = ...: the list's elements change
				v.writeFields(l)
			}
			for _, r := range n.Rhs {
				v.share(r) // y := x or y := x[1:]: another name for them
			}
			switch {
			case n.Tok != token.DEFINE && n.Tok != token.ASSIGN:
				for _, l := range n.Lhs {
					if x := variable(l); x != nil {
						v.escapes[x]++
					}
				}
			case len(n.Lhs) == len(n.Rhs):
				for i, l := range n.Lhs {
					if x := variable(l); x != nil {
						v.writes[x] = append(v.writes[x], n.Rhs[i])
					}
				}
			default:
				for _, l := range n.Lhs {
					if x := variable(l); x != nil {
						v.escapes[x]++
					}
				}
			}
		case *ast.IncDecStmt:
			if x := variable(n.X); x != nil {
				v.escapes[x]++
			}
			v.touch(n.X)
			v.writeFields(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if x := variable(n.X); x != nil {
					v.escapes[x]++
				}
				v.touch(n.X)
				v.writeFields(n.X)
			}
		case *ast.SelectorExpr:
			// A method with a pointer receiver, called on a variable or
			// an element, may change it: x.M() is (&x).M().
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodExpr {
				if types.IsInterface(sel.Obj().Type().(*types.Signature).Recv().Type()) {
					dynamic[n.Sel.Name] = true // I.m(x, ...): any method of that name
				}
			}
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				recv := sel.Obj().Type().(*types.Signature).Recv().Type()
				if types.IsInterface(recv) {
					dynamic[n.Sel.Name] = true // an interface's method, called or taken as a value
				}
				// A method of a named list type, called or taken as a
				// value, may change its receiver.
				v.share(n.X)
				_, ptrRecv := recv.Underlying().(*types.Pointer)
				if _, isPtr := typeOf(info, n.X).(*types.Pointer); ptrRecv && !isPtr {
					if x := variable(n.X); x != nil {
						v.escapes[x]++
					}
					v.touch(n.X)
					v.writeFields(n.X)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				x, _ := info.Defs[name].(*types.Var)
				switch {
				case x == nil:
				case len(n.Values) == len(n.Names):
					v.writes[x] = append(v.writes[x], n.Values[i])
					v.share(n.Values[i])
				case len(n.Values) == 0:
					v.writes[x] = append(v.writes[x], nil)
				default:
					v.escapes[x]++
				}
			}
		case *ast.ReturnStmt, *ast.SendStmt, *ast.CompositeLit:
			var exprs []ast.Expr
			switch n := n.(type) {
			case *ast.ReturnStmt:
				exprs = n.Results
			case *ast.SendStmt:
				exprs = []ast.Expr{n.Value}
			case *ast.CompositeLit:
				exprs = n.Elts
			}
			for _, e := range exprs {
				if kv, ok := e.(*ast.KeyValueExpr); ok {
					e = kv.Value
				}
				v.share(e)
			}
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						v.touch(e)
						v.writeFields(e)
					}
				}
			}
			if x := variable(n.Key); x != nil {
				v.escapes[x]++
			}
			if x := variable(n.Value); x != nil {
				if n.Tok == token.DEFINE {
					v.ranges[x] = n.X
				} else {
					v.escapes[x]++
				}
			}
		case *ast.FuncType:
			// A named result is also written by return statements and
			// starts as its zero value: not followed.
			if n.Results != nil {
				for _, f := range n.Results.List {
					for _, name := range f.Names {
						if x, ok := info.Defs[name].(*types.Var); ok {
							v.escapes[x]++
						}
					}
				}
			}
		case *ast.TypeSwitchStmt, *ast.SelectStmt:
			// Their variables are not followed.
		case *ast.CallExpr:
			if _, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				invoked = append(invoked, n)
			}
			// A list handed to a function (copy, a helper) may have its
			// elements changed there.
			switch {
			case isBuiltin(info, n.Fun, "len", "cap"):
			case readOnly(info, n.Fun):
				// Unless it calls the argument's own methods (fmt a
				// String, sort a Swap), which may change it.
				for _, a := range n.Args {
					if t := info.Types[a].Type; t != nil && hasMethods(t) {
						v.share(a)
					}
				}
			case isBuiltin(info, n.Fun, "append"):
				if len(n.Args) > 0 {
					if _, ok := ast.Unparen(n.Args[0]).(*ast.SliceExpr); ok {
						v.touch(n.Args[0]) // appends into the list's own array
					}
				}
				for _, a := range n.Args[1:] {
					v.share(a) // a list appended as an element is stored
				}
			default:
				// A conversion is another name for the list; a function
				// may keep it or change it.
				for _, a := range n.Args {
					v.share(a)
				}
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					if fn, ok := s.Obj().(*types.Func); ok && funcs[fn] != nil {
						called[sel.Sel] = true
						calls[fn] = append(calls[fn], n)
					}
				}
			}
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
				if fn, ok := info.Uses[id].(*types.Func); ok && funcs[fn] != nil {
					called[id] = true
					calls[fn] = append(calls[fn], n)
				}
				if x, ok := info.Uses[id].(*types.Var); ok {
					litCalled[id] = true
					litCalls[x] = append(litCalls[x], n)
				}
			}
		}
		return true
	})
	// A parameter or a range's variable that the code assigns is not
	// followed: its writes are not where its values come from.
	for x := range v.ranges {
		if len(v.writes[x]) > 0 {
			v.escapes[x]++
		}
	}
	// A counting loop's variable takes each value of its range, when the
	// body never assigns it (the Post statement's write is the loop's own).
	for x, vals := range counters {
		if len(v.writes[x]) == 1 && v.escapes[x] == 1 {
			delete(v.escapes, x)
			v.ranges[x] = nil
			v.counted[x] = vals
		}
	}
	// A function literal assigned once to a variable that is only ever
	// called: its parameters take the arguments of those calls.
	for x, ws := range v.writes {
		if len(ws) != 1 || v.escapes[x] > 0 {
			continue
		}
		switch w := ast.Unparen(ws[0]).(type) {
		case *ast.FuncLit:
			litOf[x] = w
		case *ast.Ident, *ast.SelectorExpr:
			// A function or method value (read := load, read := s.load):
			// the calls through the variable are calls of the function.
			fn := funcValue(info, w)
			if fn == nil || funcs[fn] == nil {
				break
			}
			var ids []*ast.Ident
			for id, obj := range info.Uses {
				if obj == x {
					ids = append(ids, id)
				}
			}
			if !slices.ContainsFunc(ids, func(id *ast.Ident) bool { return !litCalled[id] }) {
				aliased[fn] = append(aliased[fn], litCalls[x]...)
				if id := selectorIdent(w); id != nil {
					called[id] = true
				}
			}
		}
	}
	for id, obj := range info.Uses {
		if x, ok := obj.(*types.Var); ok && litOf[x] != nil && !litCalled[id] {
			delete(litOf, x) // used as a value: called from anywhere
		}
	}
	for x, lit := range litOf {
		params := lit.Type.Params
		var names []*ast.Ident
		for _, f := range params.List {
			if len(f.Names) == 0 {
				names = append(names, nil)
			}
			names = append(names, f.Names...)
		}
		sig, _ := info.Types[lit].Type.(*types.Signature)
		for i, name := range names {
			p, _ := info.Defs[name].(*types.Var)
			if p == nil {
				continue
			}
			for _, c := range litCalls[x] {
				if sig == nil || sig.Variadic() || len(c.Args) != len(names) || c.Ellipsis.IsValid() {
					v.escapes[p]++
					continue
				}
				v.params[p] = append(v.params[p], c.Args[i])
			}
			if len(litCalls[x]) == 0 {
				v.escapes[p]++
			}
		}
	}
	// A function literal called where it is written takes that call's
	// arguments.
	for _, c := range invoked {
		lit := ast.Unparen(c.Fun).(*ast.FuncLit)
		sig, _ := info.Types[lit].Type.(*types.Signature)
		exact := sig != nil && !sig.Variadic() && len(c.Args) == sig.Params().Len() && !c.Ellipsis.IsValid()
		i := 0
		for _, f := range lit.Type.Params.List {
			for _, name := range f.Names {
				if p, ok := info.Defs[name].(*types.Var); ok {
					if exact {
						v.params[p] = append(v.params[p], c.Args[i])
					} else {
						v.escapes[p]++
					}
				}
				i++
			}
			if len(f.Names) == 0 {
				i++
			}
		}
	}
	// A function used as a value may be called with anything.
	asValue := map[*types.Func]bool{}
	for id, obj := range info.Uses {
		if fn, ok := obj.(*types.Func); ok && funcs[fn] != nil && !called[id] {
			asValue[fn] = true
		}
	}
	for fn, fd := range funcs {
		sig := fn.Signature()
		if asValue[fn] || sig.Variadic() || fd.Recv == nil && (fd.Name.Name == "main" || fd.Name.Name == "init") {
			continue
		}
		if fd.Recv != nil && dynamic[fn.Name()] {
			continue
		}
		calls[fn] = append(calls[fn], aliased[fn]...)
		i := 0
		for _, field := range fd.Type.Params.List {
			for _, name := range field.Names {
				if x, ok := info.Defs[name].(*types.Var); ok {
					for _, c := range calls[fn] {
						if len(c.Args) == sig.Params().Len() && !c.Ellipsis.IsValid() {
							v.params[x] = append(v.params[x], c.Args[i])
						} else {
							v.escapes[x]++
						}
					}
					if len(calls[fn]) == 0 {
						v.escapes[x]++
					}
				}
				i++
			}
			if len(field.Names) == 0 {
				i++
			}
		}
	}
	for x := range v.params {
		if len(v.writes[x]) > 0 {
			v.escapes[x]++
		}
	}
	v.early = callsBack(file, info)
	return v
}

// callsBack reports whether a package variable's initializer may run the
// program's own code: a call of its functions or methods, of a function
// value, or of a library function given a value with methods or a
// function (conversions and builtins aside).
func callsBack(file *ast.File, info *types.Info) bool {
	found := false
	for _, d := range file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, spec := range g.Specs {
			for _, e := range spec.(*ast.ValueSpec).Values {
				ast.Inspect(e, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncLit:
						return false // runs only when called
					case *ast.CallExpr:
						if !libraryCall(info, n) {
							found = true
						}
					}
					return !found
				})
			}
		}
	}
	return found
}

// libraryCall reports whether a call runs only library code: a conversion,
// a builtin, or a library function none of whose arguments has methods or
// is a function.
func libraryCall(info *types.Info, c *ast.CallExpr) bool {
	if info.Types[c.Fun].IsType() || isBuiltin(info, c.Fun, "len", "cap", "make", "new", "append", "min", "max", "complex", "real", "imag") {
		return true
	}
	fn := calledFunc(info, c.Fun)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Name() == "main" || fn.Signature().Recv() != nil {
		return false
	}
	for _, a := range c.Args {
		if t := info.Types[a].Type; t == nil || reachesMethods(t, map[types.Type]bool{}) {
			return false
		}
	}
	return true
}

// reachesMethods reports whether library code handed a value of type t
// may call the program's code through it: a method of t or of anything t
// holds (elements, fields, map entries), an interface, or a function.
func reachesMethods(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	if hasMethods(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return false
	case *types.Pointer:
		return reachesMethods(u.Elem(), seen)
	case *types.Slice:
		return reachesMethods(u.Elem(), seen)
	case *types.Array:
		return reachesMethods(u.Elem(), seen)
	case *types.Chan:
		return reachesMethods(u.Elem(), seen)
	case *types.Map:
		return reachesMethods(u.Key(), seen) || reachesMethods(u.Elem(), seen)
	case *types.Struct:
		for i := range u.NumFields() {
			if reachesMethods(u.Field(i).Type(), seen) {
				return true
			}
		}
		return false
	}
	return true // functions, interfaces, type parameters
}

// own reports whether x is the program's: another package's variable (a
// dot-import's) starts with a value its own package gives it.
func own(x *types.Var) bool {
	return x.Pkg() != nil && x.Pkg().Path() == "main"
}

// packageLevel reports whether x is a package variable.
func packageLevel(x *types.Var) bool {
	return x.Pkg() != nil && x.Parent() == x.Pkg().Scope()
}

// funcValue returns the program function or method an expression names
// as a value: f, or x.m (a method value).
func funcValue(info *types.Info, e ast.Expr) *types.Func {
	switch e := e.(type) {
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if s := info.Selections[e]; s != nil && s.Kind() == types.MethodVal {
			fn, _ := s.Obj().(*types.Func)
			return fn
		}
	}
	return nil
}

// selectorIdent returns the identifier that names a function value.
func selectorIdent(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// touch records that the elements of the list an expression indexes may
// change: x[i] = ..., &x[i], x[i]++.
func (v *values) touch(e ast.Expr) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
			continue
		case *ast.SliceExpr:
			e = x.X
			continue
		case *ast.Ident:
			if obj, ok := v.info.Uses[x].(*types.Var); ok {
				v.touched[obj] = true
			}
		}
		return
	}
}

// writeFields records the struct fields an assignment's target, or an
// operand of &, names on its way: x.a.b = ... writes a and b.
func (v *values) writeFields(e ast.Expr) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.SelectorExpr:
			if sel := v.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
				if f, ok := sel.Obj().(*types.Var); ok {
					v.written[f] = true
				}
			}
			e = x.X
		default:
			return
		}
	}
}

// share records that a list may be reached by another name, through which
// its elements may change: assigned, passed, returned, sent or stored.
func (v *values) share(e ast.Expr) {
	switch typeOf(v.info, e).(type) {
	case *types.Slice, *types.Map:
		v.touch(e)
	}
}

func typeOf(info *types.Info, e ast.Expr) types.Type {
	if t := info.Types[e].Type; t != nil {
		return t.Underlying()
	}
	return nil
}

// readOnly reports whether fun is a library function that only reads the
// lists it is given (or only reorders them, which keeps their values).
func readOnly(info *types.Info, fun ast.Expr) bool {
	fn := calledFunc(info, fun)
	if fn == nil || fn.Pkg() == nil || fn.Signature().Recv() != nil || strings.HasPrefix(fn.Name(), "Append") {
		return false // a method (a Reader's Read) or an Append function writes into a list
	}
	switch fn.Pkg().Path() {
	case "fmt", "strings", "strconv", "sort", "errors", "log", "math":
		return true
	}
	return false
}

// calledFunc returns the function or method a call's operand names
// (f, pkg.F, x.M), or nil.
func calledFunc(info *types.Info, fun ast.Expr) *types.Func {
	var fn *types.Func
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		fn, _ = info.Uses[f].(*types.Func)
	case *ast.SelectorExpr:
		fn, _ = info.Uses[f.Sel].(*types.Func)
	}
	return fn
}

// hasMethods reports whether a value of type t, or a pointer to it, has
// methods that library code may call.
func hasMethods(t types.Type) bool {
	if types.IsInterface(t) {
		return true
	}
	if _, isPtr := t.Underlying().(*types.Pointer); isPtr {
		return types.NewMethodSet(t).Len() > 0
	}
	return types.NewMethodSet(types.NewPointer(t)).Len() > 0
}

// isBuiltin reports whether fun names one of the builtins.
func isBuiltin(info *types.Info, fun ast.Expr, names ...string) bool {
	id, ok := ast.Unparen(fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && slices.Contains(names, b.Name())
}

// of returns the values e may take, when it is known to take one of a few.
func (v *values) of(e ast.Expr, depth int) ([]any, bool) {
	if c, ok := constValue(v.info.Types[e].Value); ok {
		return []any{c}, true
	}
	if depth > maxValueDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj, ok := v.info.Uses[x].(*types.Var)
		if !ok || !own(obj) || obj.IsField() || v.escapes[obj] > 0 || v.visiting[obj] {
			return nil, false
		}
		v.visiting[obj] = true
		defer delete(v.visiting, obj)
		if vals, ok := v.counted[obj]; ok {
			return vals, true
		}
		if list, ok := v.ranges[obj]; ok {
			return v.elements(list, depth+1)
		}
		sources, isParam := v.params[obj]
		if !isParam {
			sources = v.writes[obj]
		}
		if len(sources) == 0 {
			return nil, false
		}
		if v.early && packageLevel(obj) {
			sources = append(slices.Clip(sources), nil) // read before its initializer ran
		}
		return v.ofEach(sources, obj.Type(), depth)
	case *ast.BinaryExpr:
		if x.Op != token.ADD || !isString(v.info.Types[x].Type) {
			return nil, false
		}
		l, ok := v.of(x.X, depth+1)
		if !ok {
			return nil, false
		}
		r, ok := v.of(x.Y, depth+1)
		if !ok {
			return nil, false
		}
		return product([][]any{l, r}, func(a []any) (any, bool) {
			s1, ok1 := a[0].(string)
			s2, ok2 := a[1].(string)
			return s1 + s2, ok1 && ok2
		})
	case *ast.CallExpr:
		return v.call(x, depth)
	case *ast.SelectorExpr:
		return v.field(x, depth)
	case *ast.IndexExpr:
		// An element of a literal list at an index not known: any of them;
		// a map's missing key gives the zero value.
		elts, ok := v.elementExprs(x.X, depth+1)
		if !ok {
			return nil, false
		}
		var elem types.Type
		if m, isMap := typeOf(v.info, x.X).(*types.Map); isMap {
			elts, elem = append([]ast.Expr{nil}, elts...), m.Elem()
		}
		return v.ofEach(elts, elem, depth)
	}
	return nil, false
}

// ofEach returns the values any of exprs may take, a nil one standing for
// the zero value of t.
func (v *values) ofEach(exprs []ast.Expr, t types.Type, depth int) ([]any, bool) {
	var out []any
	for _, e := range exprs {
		vals := []any{}
		if e == nil {
			z, ok := zero(t)
			if !ok {
				return nil, false
			}
			vals = append(vals, z)
		} else {
			var ok bool
			if vals, ok = v.of(e, depth+1); !ok {
				return nil, false
			}
		}
		if out = union(out, vals); len(out) > maxValues {
			return nil, false
		}
	}
	return out, true
}

// field returns the values of a field of a struct value built from
// literals (x.F, x a variable assigned literals or ranging over a list of
// them), when nothing writes that field or takes its address.
func (v *values) field(x *ast.SelectorExpr, depth int) ([]any, bool) {
	sel := v.info.Selections[x]
	if sel == nil || sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
		return nil, false
	}
	f, _ := sel.Obj().(*types.Var)
	if f == nil || v.written[f] {
		return nil, false
	}
	if _, isStruct := typeOf(v.info, x.X).(*types.Struct); !isStruct {
		return nil, false // through a pointer: another name may change it
	}
	lits, ok := v.structs(x.X, depth+1)
	if !ok {
		return nil, false
	}
	exprs := make([]ast.Expr, len(lits))
	for i, lit := range lits {
		exprs[i] = fieldExpr(lit, f.Name(), sel.Index()[0])
	}
	out, ok := v.ofEach(exprs, f.Type(), depth)
	return out, ok && len(out) > 0
}

// fieldExpr returns the expression a struct literal gives a field, by name
// or position; nil for the zero value (and for a nil literal: a variable
// declared without one).
func fieldExpr(lit *ast.CompositeLit, name string, index int) ast.Expr {
	if lit == nil {
		return nil
	}
	for i, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv.Value
			}
		} else if i == index {
			return el
		}
	}
	return nil
}

// structs returns the struct literals a struct value may be, nil standing
// for the zero value.
func (v *values) structs(e ast.Expr, depth int) ([]*ast.CompositeLit, bool) {
	if depth > maxValueDepth {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return []*ast.CompositeLit{x}, true
	case *ast.Ident:
		obj, ok := v.info.Uses[x].(*types.Var)
		if !ok || !own(obj) || obj.IsField() || v.escapes[obj] > 0 || v.visiting[obj] {
			return nil, false
		}
		if _, counted := v.counted[obj]; counted {
			return nil, false
		}
		v.visiting[obj] = true
		defer delete(v.visiting, obj)
		sources, isParam := v.params[obj]
		if list, ok := v.ranges[obj]; ok {
			if sources, ok = v.elementExprs(list, depth+1); !ok {
				return nil, false
			}
		} else if !isParam {
			sources = v.writes[obj]
		}
		if len(sources) == 0 {
			return nil, false
		}
		if v.early && packageLevel(obj) {
			sources = append(slices.Clip(sources), nil) // read before its initializer ran
		}
		var out []*ast.CompositeLit
		for _, src := range sources {
			if src == nil {
				out = append(out, nil)
				continue
			}
			lits, ok := v.structs(src, depth+1)
			if !ok {
				return nil, false
			}
			if out = append(out, lits...); len(out) > maxValues {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// elements returns the values of the elements of a literal list, or of a
// variable assigned only such a list.
func (v *values) elements(list ast.Expr, depth int) ([]any, bool) {
	elts, ok := v.elementExprs(list, depth)
	if !ok {
		return nil, false
	}
	out, ok := v.ofEach(elts, nil, depth)
	return out, ok && len(out) > 0
}

// elementExprs returns the elements of a literal slice or map (a map's
// values), or of a variable assigned only such a literal whose elements
// nothing changes.
func (v *values) elementExprs(list ast.Expr, depth int) ([]ast.Expr, bool) {
	if depth > maxValueDepth {
		return nil, false
	}
	switch x := ast.Unparen(list).(type) {
	case *ast.CompositeLit:
		_, isMap := typeOf(v.info, x).(*types.Map)
		if a, isArray := typeOf(v.info, x).(*types.Array); isArray && a.Len() != int64(len(x.Elts)) {
			return nil, false // the rest are zero values
		}
		var out []ast.Expr
		for _, el := range x.Elts {
			kv, keyed := el.(*ast.KeyValueExpr)
			switch {
			case isMap && keyed:
				out = append(out, kv.Value)
			case keyed, isMap:
				return nil, false // a slice's holes are zero values
			default:
				out = append(out, el)
			}
		}
		return out, len(out) > 0
	case *ast.Ident:
		obj, ok := v.info.Uses[x].(*types.Var)
		if !ok || !own(obj) || v.escapes[obj] > 0 || v.touched[obj] || len(v.writes[obj]) != 1 || v.writes[obj][0] == nil {
			return nil, false
		}
		switch obj.Type().Underlying().(type) {
		case *types.Slice, *types.Map:
			return v.elementExprs(v.writes[obj][0], depth+1)
		}
	}
	return nil, false
}

// pure are the library functions computed on known arguments: deterministic,
// with no effect, on strings and numbers.
var pure = map[string]func(args []any) (any, bool){
	"fmt.Sprintf": func(a []any) (any, bool) {
		f, ok := a[0].(string)
		if !ok || !plain(a[1:]) {
			return nil, false
		}
		return fmt.Sprintf(f, a[1:]...), true // call checks the verbs against the operands' types
	},
	"fmt.Sprint":         func(a []any) (any, bool) { return fmt.Sprint(a...), plain(a) },
	"strings.ToLower":    str1(strings.ToLower),
	"strings.ToUpper":    str1(strings.ToUpper),
	"strings.TrimSpace":  str1(strings.TrimSpace),
	"strings.TrimPrefix": str2(strings.TrimPrefix),
	"strings.TrimSuffix": str2(strings.TrimSuffix),
	"strings.Trim":       str2(strings.Trim),
	"strings.ReplaceAll": str3(strings.ReplaceAll),
	"path.Join":          strN(path.Join),
	"path/filepath.Join": strN(path.Join), // airlock runs on Linux: "/" separates
	"path.Base":          str1(path.Base),
	"path.Dir":           str1(path.Dir),
	"path.Ext":           str1(path.Ext),
	"path/filepath.Base": str1(path.Base),
	"path/filepath.Dir":  str1(path.Dir),
	"path/filepath.Ext":  str1(path.Ext),
	"strconv.Itoa":       func(a []any) (any, bool) { n, ok := a[0].(int64); return strconv.FormatInt(n, 10), ok },
	"strconv.FormatInt": func(a []any) (any, bool) {
		n, ok := a[0].(int64)
		b, ok2 := a[1].(int64)
		return strconv.FormatInt(n, int(b)), ok && ok2 && b >= 2 && b <= 36
	},
	"strconv.Quote": str1(strconv.Quote),
	"strings.Repeat": func(a []any) (any, bool) {
		s, ok := a[0].(string)
		n, ok2 := a[1].(int64)
		if !ok || !ok2 || n < 0 || n > 4096 || int64(len(s))*n > 4096 {
			return nil, false
		}
		return strings.Repeat(s, int(n)), true
	},
}

func str1(f func(string) string) func([]any) (any, bool) {
	return func(a []any) (any, bool) { s, ok := a[0].(string); return f(s), ok }
}

func str2(f func(string, string) string) func([]any) (any, bool) {
	return func(a []any) (any, bool) {
		s, ok := a[0].(string)
		t, ok2 := a[1].(string)
		return f(s, t), ok && ok2
	}
}

func str3(f func(string, string, string) string) func([]any) (any, bool) {
	return func(a []any) (any, bool) {
		s, ok := a[0].(string)
		t, ok2 := a[1].(string)
		u, ok3 := a[2].(string)
		return f(s, t, u), ok && ok2 && ok3
	}
}

func strN(f func(...string) string) func([]any) (any, bool) {
	return func(a []any) (any, bool) {
		ss := make([]string, len(a))
		for i, x := range a {
			s, ok := x.(string)
			if !ok {
				return nil, false
			}
			ss[i] = s
		}
		return f(ss...), true
	}
}

// call computes a pure library function, or a conversion to a string
// type, on known arguments.
func (v *values) call(c *ast.CallExpr, depth int) ([]any, bool) {
	if tv := v.info.Types[c.Fun]; tv.IsType() {
		if len(c.Args) != 1 || !isString(tv.Type) || !isString(v.info.Types[c.Args[0]].Type) {
			return nil, false
		}
		return v.of(c.Args[0], depth+1)
	}
	fn := calledFunc(v.info, c.Fun)
	if fn == nil || fn.Pkg() == nil || c.Ellipsis.IsValid() {
		return nil, false
	}
	compute, ok := pure[fn.Pkg().Path()+"."+fn.Name()]
	if !ok {
		return nil, false
	}
	if fn.Pkg().Path() == "fmt" {
		// fmt prints a value by its dynamic type: a named type's String
		// method, a float32's shorter digits. Only basic types whose
		// values print as the plain values computed here are followed.
		var kinds []types.BasicInfo
		for _, a := range c.Args {
			if !printsPlain(v.info.Types[a].Type) {
				return nil, false
			}
			kinds = append(kinds, types.Unalias(v.info.Types[a].Type).(*types.Basic).Info())
		}
		if fn.Name() == "Sprintf" {
			// A verb that does not fit its operand prints the operand's
			// type (%!s(int=1)), which the values here do not keep.
			sprintf := compute
			compute = func(a []any) (any, bool) {
				f, ok := a[0].(string)
				if !ok || !verbsFit(f, kinds[1:]) {
					return nil, false
				}
				return sprintf(a)
			}
		}
	}
	sets := make([][]any, len(c.Args))
	for i, a := range c.Args {
		if sets[i], ok = v.of(a, depth+1); !ok {
			return nil, false
		}
	}
	if len(sets) == 0 {
		return nil, false
	}
	return product(sets, compute)
}

// product applies f to every combination of the sets' values.
func product(sets [][]any, f func([]any) (any, bool)) ([]any, bool) {
	n := 1
	for _, s := range sets {
		if n *= len(s); n > maxValues {
			return nil, false
		}
	}
	var out []any
	combo := make([]any, len(sets))
	var walk func(i int) bool
	walk = func(i int) bool {
		if i == len(sets) {
			r, ok := f(slices.Clone(combo))
			if !ok {
				return false
			}
			out = union(out, []any{r})
			return true
		}
		for _, x := range sets[i] {
			combo[i] = x
			if !walk(i + 1) {
				return false
			}
		}
		return true
	}
	if !walk(0) {
		return nil, false
	}
	return out, true
}

// union adds b's values to a, each once.
func union(a, b []any) []any {
	for _, x := range b {
		if !slices.Contains(a, x) {
			a = append(a, x)
		}
	}
	return a
}

func isString(t types.Type) bool {
	if t == nil {
		return false // not type-checked
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// zero is the value of a variable declared without one, for the kinds
// of values a policy sees.
func zero(t types.Type) (any, bool) {
	if t == nil {
		return nil, false
	}
	b, ok := t.Underlying().(*types.Basic)
	switch {
	case !ok:
		return nil, false
	case b.Info()&types.IsString != 0:
		return "", true
	case b.Info()&types.IsInteger != 0:
		return int64(0), true
	case b.Info()&types.IsBoolean != 0:
		return false, true
	}
	return nil, false
}

// verbsFit reports whether a format's verbs take the operands, of these
// kinds, one each in order, each with a verb that prints its value the same
// whatever its precise type: no %T or %p, no '#' flag, no explicit operand
// index or '*' width, no operand missing or left over.
func verbsFit(format string, kinds []types.BasicInfo) bool {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+- 0", format[i]) >= 0 {
			i++
		}
		// A width or precision of up to four digits: fmt refuses one over
		// 1e6, and then prints the operand's type.
		digits := func() bool {
			n := 0
			for i < len(format) && '0' <= format[i] && format[i] <= '9' {
				i++
				n++
			}
			return n <= 4
		}
		if !digits() {
			return false
		}
		if i < len(format) && format[i] == '.' {
			i++
			if !digits() {
				return false
			}
		}
		if i == len(format) || n == len(kinds) {
			return false
		}
		var verbs string
		switch k := kinds[n]; {
		case k&types.IsString != 0:
			verbs = "svqxX"
		case k&types.IsInteger != 0:
			verbs = "dvxXoObcqU"
		case k&types.IsBoolean != 0:
			verbs = "tv"
		case k&types.IsFloat != 0:
			verbs = "vgGeEfF"
		}
		if strings.IndexByte(verbs, format[i]) < 0 {
			return false
		}
		n++
	}
	return n == len(kinds)
}

// printsPlain reports whether fmt prints a value of type t as it prints
// the value computed here: a string, bool, integer or float64 of a basic
// type, not a named one, which may have a String method.
func printsPlain(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	if !ok {
		return false
	}
	switch b.Kind() {
	case types.Float32, types.Complex64, types.Complex128, types.UntypedComplex, types.UntypedNil, types.UnsafePointer, types.Invalid:
		return false
	}
	return true
}

// plain reports whether values are of the kinds computed here: strings,
// whole numbers, bools and float64s (printsPlain checks their types).
func plain(a []any) bool {
	for _, x := range a {
		switch x.(type) {
		case string, int64, bool, float64:
		default:
			return false
		}
	}
	return true
}

// counter returns the variable of a counting loop and the values it takes:
// for i := A; i < B; i++ (or <=, >, >=, with ++, --, += C or -= C) with
// constant A, B and C, at most maxValues of them.
func counter(f *ast.ForStmt, info *types.Info) (*types.Var, []any) {
	init, ok := f.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || len(init.Rhs) != 1 || f.Cond == nil || f.Post == nil {
		return nil, nil
	}
	id, ok := init.Lhs[0].(*ast.Ident)
	if !ok {
		return nil, nil
	}
	x, _ := info.Defs[id].(*types.Var)
	if x == nil {
		return nil, nil
	}
	// Counted here in int64: the counter's own type must wrap no sooner.
	if b, ok := x.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Int && b.Kind() != types.Int64 {
		return nil, nil
	}
	intOf := func(e ast.Expr) (int64, bool) {
		c, ok := constValue(info.Types[e].Value)
		n, isInt := c.(int64)
		return n, ok && isInt
	}
	start, ok := intOf(init.Rhs[0])
	if x == nil || !ok {
		return nil, nil
	}
	is := func(e ast.Expr) bool {
		i, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.Uses[i] == x
	}
	cond, ok := ast.Unparen(f.Cond).(*ast.BinaryExpr)
	if !ok || !is(cond.X) {
		return nil, nil
	}
	bound, ok := intOf(cond.Y)
	if !ok {
		return nil, nil
	}
	var step int64
	switch p := f.Post.(type) {
	case *ast.IncDecStmt:
		if !is(p.X) {
			return nil, nil
		}
		step = 1
		if p.Tok == token.DEC {
			step = -1
		}
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || !is(p.Lhs[0]) {
			return nil, nil
		}
		c, ok := intOf(p.Rhs[0])
		if !ok || c == 0 {
			return nil, nil
		}
		switch p.Tok {
		case token.ADD_ASSIGN:
			step = c
		case token.SUB_ASSIGN:
			step = -c
		default:
			return nil, nil
		}
	default:
		return nil, nil
	}
	holds := func(i int64) bool {
		switch cond.Op {
		case token.LSS:
			return i < bound
		case token.LEQ:
			return i <= bound
		case token.GTR:
			return i > bound
		case token.GEQ:
			return i >= bound
		case token.NEQ:
			return i != bound
		}
		return false
	}
	var vals []any
	for i := start; holds(i); i += step {
		if len(vals) == maxValues {
			return nil, nil
		}
		vals = append(vals, i)
	}
	if len(vals) == 0 {
		return nil, nil
	}
	return x, vals
}
