package plan

import (
	"go/ast"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// typeSwitch rewrites a type switch with an interface case, which the
// interpreter matches wrongly (a native error misses `case error`, a type
// with a String method matches an unrelated interface), into assertions:
//
//	switch x := v.(type) {      switch { default: _v := v; _k := -1; if _, _ok := _v.(A); _ok { _k = 0 } else if ...; switch _k {
//	case A:                     case 0: x := _v.(A); _ = x;
//	case B, C:                  case 1: x := _v; _ = x;
//	default:                    default: x := _v; _ = x;
//	}                           }}
//
// on the same lines. break still leaves the switch; an init statement and
// a label stay where they were.
func (r *compatRewriter) typeSwitch(ts *ast.TypeSwitchStmt) {
	var bound string
	var guard *ast.TypeAssertExpr
	switch a := ts.Assign.(type) {
	case *ast.ExprStmt:
		guard, _ = a.X.(*ast.TypeAssertExpr)
	case *ast.AssignStmt:
		if len(a.Lhs) == 1 && len(a.Rhs) == 1 {
			guard, _ = a.Rhs[0].(*ast.TypeAssertExpr)
			if id, ok := a.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
				bound = id.Name
			}
		}
	}
	if guard == nil || !r.hasInterfaceCase(ts) && !r.hasIdentityCase(ts) {
		return
	}
	v, k := r.name("v"), r.name("k")
	guardType := r.info.TypeOf(guard.X)
	// A nil value is matched first: asserting nil to a native interface
	// crashes the interpreter.
	nilCase := -1
	var match []string
	for i, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		for _, t := range cc.List {
			if r.isNilIdent(t) {
				nilCase = i
				continue
			}
			cond := "if _, _ok := " + r.assertion(v, guardType, r.info.TypeOf(t), r.text(t)) + "; _ok"
			if ct := r.info.TypeOf(t); r.needsIdentity(ct) {
				cond = "if " + r.isShim(ct) + "(" + v + ", " + strconv.Quote(reflectName(ct)) + ", *new(" + r.text(t) + "))"
			} else if isMethodInterface(ct) && r.programInterface(ct) {
				cond = "if _, _ok := " + r.interfaceAssertion(ct, r.text(t), true) + "(" + v + "); _ok"
			}
			match = append(match, cond+" { "+k+" = "+strconv.Itoa(i)+" }")
		}
	}
	match = append([]string{"if " + v + " == nil { " + k + " = " + strconv.Itoa(nilCase) + " }"}, match...)
	r.replace(ts.Assign.Pos(), guard.X.Pos(), "{ default: "+v+" := ")
	r.replace(guard.X.End(), ts.Body.Lbrace+1, "; "+k+" := -1; "+strings.Join(match, " else ")+"; switch "+k+" {")
	for i, s := range ts.Body.List {
		cc := s.(*ast.CaseClause)
		head := "default:"
		if cc.List != nil {
			head = "case " + strconv.Itoa(i) + ":"
		}
		if bound != "" {
			head += " " + r.caseBinding(bound, v, guardType, cc.List) + " _ = " + bound + ";"
		}
		r.replace(cc.Case, cc.Colon+1, head)
	}
	r.replace(ts.Body.Rbrace, ts.Body.Rbrace+1, "}}")
	r.rewrite(ts.Switch, "type switch with an interface case")
}

// caseBinding declares the switch's variable in a clause: the asserted
// value for a single type, else the value as it is.
func (r *compatRewriter) caseBinding(bound, v string, guardType types.Type, list []ast.Expr) string {
	if len(list) != 1 || r.isNilIdent(list[0]) {
		return bound + " := " + v + ";"
	}
	t := r.text(list[0])
	if ct := r.info.TypeOf(list[0]); r.needsIdentity(ct) {
		return bound + " := " + r.takeHelper(ct, t) + "(" + v + ");"
	}
	if r.viaProgramTypes(r.info.TypeOf(list[0])) {
		return bound + " := " + r.interfaceAssertion(r.info.TypeOf(list[0]), t, false) + "(" + v + ");"
	}
	return bound + " := " + r.assertion(v, guardType, r.info.TypeOf(list[0]), t) + ";"
}

// programInterface reports whether t is an interface with methods that the
// program declares (or writes as a literal), which the interpreter
// represents itself.
func (r *compatRewriter) programInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	if n := namedOf(t); n != nil {
		return n.Obj().Pkg() == r.pkg
	}
	return true
}

// isMethodInterface reports whether t is an interface with methods.
func isMethodInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() > 0
}

// viaProgramTypes reports whether an assertion to the interface t must
// try the program's types first (interfaceAssertion): t is an interface
// of the program, or another interface with methods that a type of the
// program implements. The interpreter matches a program value to a native
// interface such as fmt.Stringer, but the value it asserts then calls the
// methods with a broken frame ("reflect.Set: value of type string is not
// assignable to type float64").
func (r *compatRewriter) viaProgramTypes(t types.Type) bool {
	if r.programInterface(t) {
		return true
	}
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, isType := scope.Lookup(name).(*types.TypeName)
		if !isType || tn.IsAlias() {
			continue
		}
		named, isNamed := tn.Type().(*types.Named)
		if !isNamed || named.TypeParams().Len() > 0 || isInterface(named) {
			continue
		}
		if types.Implements(named, iface) || types.Implements(types.NewPointer(named), iface) {
			return true
		}
	}
	return false
}

// viaAny reports whether asserting a value of the interface type from to
// the type to must go through any: the interpreter crashes asserting a
// native interface with methods, such as error, to a struct type of the
// program.
func (r *compatRewriter) viaAny(from, to types.Type) bool {
	if from == nil || to == nil || isEmptyInterface(from) || r.programInterface(from) {
		return false
	}
	if _, ok := from.Underlying().(*types.Interface); !ok {
		return false
	}
	named, ok := types.Unalias(to).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg {
		return false
	}
	_, isStruct := named.Underlying().(*types.Struct)
	return isStruct
}

// assertion returns the source of asserting the expression x, of type
// from, to the type t (written tsrc).
func (r *compatRewriter) assertion(x string, from, t types.Type, tsrc string) string {
	if r.viaAny(from, t) {
		x = "any(" + x + ")"
	}
	return x + ".(" + tsrc + ")"
}

// isEmptyInterface reports whether t is any or another interface without
// methods.
func isEmptyInterface(t types.Type) bool {
	if t == nil {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	return ok && iface.NumMethods() == 0
}

// typeAssert rewrites v.(I), v an empty interface and I an interface with
// methods, into a call of a function literal (interfaceAssertion): the
// interpreter panics on an interface of the program, calls the methods of
// a program value asserted to a native interface with a broken frame, and
// crashes asserting nil to a native interface. It rewrites v.(T), v a
// native interface such as error and T a struct type of the program, which
// it crashes on, into any(v).(T).
func (r *compatRewriter) typeAssert(ta *ast.TypeAssertExpr, stack []ast.Node) {
	if ta.Type == nil {
		return
	}
	if to := r.info.TypeOf(ta.Type); r.needsIdentity(to) {
		r.identityAssert(ta, to, stack)
		return
	}
	if r.viaAny(r.info.TypeOf(ta.X), r.info.TypeOf(ta.Type)) {
		r.prefix(ta.X.Pos(), "any(", len(stack))
		r.suffix(ta.X.End(), ")", len(stack))
		r.rewrite(ta.Pos(), "type assertion to a program struct type")
		return
	}
	to := r.info.TypeOf(ta.Type)
	if !isMethodInterface(to) || !isEmptyInterface(r.info.TypeOf(ta.X)) && !r.programInterface(to) {
		return
	}
	commaOk := false
	switch p := parent(stack).(type) {
	case *ast.AssignStmt:
		commaOk = len(p.Lhs) == 2 && len(p.Rhs) == 1
	case *ast.ValueSpec:
		commaOk = len(p.Names) == 2 && len(p.Values) == 1
	}
	r.prefix(ta.X.Pos(), r.interfaceAssertion(to, r.text(ta.Type), commaOk)+"(", len(stack))
	r.replace(ta.X.End(), ta.End(), ")")
	r.rewrite(ta.Pos(), "type assertion to a program interface")
}

// interfaceAssertion returns a function literal asserting its any argument
// to the interface t (written tsrc), with a second result ok when commaOk,
// else panicking on failure. The interpreter gets a working interface
// value of a program type only from a concrete value, so the literal tries
// each package-level type of the program that implements t, then t itself
// (for native values); nil is handled first.
func (r *compatRewriter) interfaceAssertion(t types.Type, tsrc string, commaOk bool) string {
	iface, _ := t.Underlying().(*types.Interface)
	var b strings.Builder
	b.WriteString("func(_v any) ")
	if commaOk {
		b.WriteString("(" + tsrc + ", bool) { ")
	} else {
		b.WriteString(tsrc + " { ")
	}
	ok, fail := "", "panic(\"interface conversion: interface is not "+strings.ReplaceAll(tsrc, `"`, `'`)+"\")"
	if commaOk {
		ok, fail = ", true", "return nil, false"
	}
	b.WriteString("if _v == nil { " + strings.Replace(fail, "is not", "is nil, not", 1) + " }; ")
	if !r.programInterface(t) {
		// A native interface: the interpreter answers membership right,
		// while a program type whose underlying type is basic would match
		// any value of that basic type below.
		b.WriteString("if _, _ok := _v.(" + tsrc + "); !_ok { " + fail + " }; ")
	}
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, isType := scope.Lookup(name).(*types.TypeName)
		if !isType || tn.IsAlias() {
			continue
		}
		named, isNamed := tn.Type().(*types.Named)
		if !isNamed || named.TypeParams().Len() > 0 || isInterface(named) {
			continue
		}
		for _, c := range []types.Type{named, types.NewPointer(named)} {
			if iface != nil && types.Implements(c, iface) {
				cs, _ := r.typeString(c)
				b.WriteString("if " + r.identityTest("_v", c, cs) + " { var _i " + tsrc + " = " + r.takeHelper(c, cs) + "(_v); return _i" + ok + " }; ")
			}
		}
	}
	if native, found := nativeInterface(iface); found && r.programInterface(t) {
		// A native value: the interpreter asserts it to a native interface
		// only, which then converts to the program's.
		b.WriteString("if _n, _ok := _v.(" + r.runtimeShim(native) + "); _ok { var _i " + tsrc + " = _n; return _i" + ok + " }; ")
	}
	b.WriteString("if _, _ok := _v.(" + tsrc + "); _ok { return _v.(" + tsrc + ")" + ok + " }; " + fail + " }")
	return b.String()
}

// nativeInterfaces are the shims' native interfaces (internal/shims
// ifaces.go) by method set, as methodSetKey writes it.
var nativeInterfaces = map[string]string{
	"Unwrap func() error":                   "Unwrapper",
	"Unwrap func() []error":                 "MultiUnwrapper",
	"Is func(error) bool":                   "Iser",
	"As func(any) bool":                     "Aser",
	"String func() string":                  "Stringer",
	"GoString func() string":                "GoStringer",
	"Format func(fmt.State, rune)":          "Formatter",
	"Read func([]byte) (int, error)":        "Reader",
	"Write func([]byte) (int, error)":       "Writer",
	"Close func() error":                    "Closer",
	"WriteString func(string) (int, error)": "StringWriter",
	"Timeout func() bool":                   "Timeouter",
	"Temporary func() bool":                 "Temporaryer",
	"Len func() int":                        "Lener",
	"MarshalJSON func() ([]byte, error)":    "JSONMarshaler",
	"MarshalText func() ([]byte, error)":    "TextMarshaler",
	"Error func() string":                   "",
}

// nativeInterface returns the shims' native interface with the methods of
// iface.
func nativeInterface(iface *types.Interface) (string, bool) {
	if iface == nil || iface.NumMethods() == 0 {
		return "", false
	}
	var ms []string
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		ms = append(ms, m.Name()+" "+signatureTypes(m.Signature()))
	}
	sort.Strings(ms)
	name, ok := nativeInterfaces[strings.Join(ms, "; ")]
	return name, ok && name != ""
}

// hasInterfaceCase reports whether a case of ts names an interface type.
func (r *compatRewriter) hasInterfaceCase(ts *ast.TypeSwitchStmt) bool {
	for _, s := range ts.Body.List {
		for _, t := range s.(*ast.CaseClause).List {
			if r.isNilIdent(t) {
				continue
			}
			if tv, ok := r.info.Types[t]; ok && tv.IsType() {
				if _, ok := tv.Type.Underlying().(*types.Interface); ok {
					return true
				}
			}
		}
	}
	return false
}

func (r *compatRewriter) isNilIdent(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := r.info.Uses[id].(*types.Nil)
	return isNil
}

// needsIdentity reports whether asserting an interface value to the
// concrete type t needs the dynamic type's identity, which the interpreter
// confuses: t is or holds a program type, or has the structure of a
// program type that is not a struct (main.Level and int are both int to
// the interpreter).
func (r *compatRewriter) needsIdentity(t types.Type) bool {
	if t == nil || isInterface(t) {
		return false
	}
	if r.holds(t) {
		return true
	}
	return r.confusable(t)
}

// confusable reports whether a program type other than a struct has the
// underlying type t.
func (r *compatRewriter) confusable(t types.Type) bool {
	if r.shapes == nil {
		r.shapes = map[string]bool{}
		for _, obj := range r.info.Defs {
			tn, ok := obj.(*types.TypeName)
			if !ok || tn.IsAlias() || tn.Pkg() != r.pkg {
				continue
			}
			u := tn.Type().Underlying()
			switch u.(type) {
			case *types.Struct, *types.Interface:
				continue
			}
			r.shapes[reflectName(u)] = true
		}
	}
	return r.shapes[reflectName(t.Underlying())]
}

// hasIdentityCase reports whether a case of ts names a type that needs
// the dynamic type's identity.
func (r *compatRewriter) hasIdentityCase(ts *ast.TypeSwitchStmt) bool {
	for _, s := range ts.Body.List {
		for _, t := range s.(*ast.CaseClause).List {
			if r.isNilIdent(t) {
				continue
			}
			if tv, ok := r.info.Types[t]; ok && tv.IsType() && r.needsIdentity(tv.Type) {
				return true
			}
		}
	}
	return false
}

// takeHelper declares the helper returning the value an interface holds as
// the type t (written tsrc), which shims.Is has matched.
func (r *compatRewriter) takeHelper(t types.Type, tsrc string) string {
	return r.helperNamed("take "+typeKey(t), "take", func(name string) string {
		return "func " + name + "(_v any) " + tsrc + " { var _r " + tsrc + "; " + r.runtimeShim("Take") + "(_v, &_r); return _r }"
	})
}

// identityAssert rewrites v.(T), T a type needing identity, into a helper
// that matches the dynamic type's Go name, with Go's panic on failure.
func (r *compatRewriter) identityAssert(ta *ast.TypeAssertExpr, to types.Type, stack []ast.Node) {
	tsrc, ok := r.typeString(to)
	if !ok {
		return
	}
	commaOk := false
	switch p := parent(stack).(type) {
	case *ast.AssignStmt:
		commaOk = len(p.Lhs) == 2 && len(p.Rhs) == 1
	case *ast.ValueSpec:
		commaOk = len(p.Names) == 2 && len(p.Values) == 1
	}
	name := reflectName(to)
	var helper string
	if commaOk {
		helper = r.helperNamed("as "+typeKey(to), "as", func(h string) string {
			return "func " + h + "(_v any) (" + tsrc + ", bool) { var _r " + tsrc + "; if !" + r.isShim(to) + "(_v, " +
				strconv.Quote(name) + ", _r) { return _r, false }; " + r.runtimeShim("Take") + "(_v, &_r); return _r, true }"
		})
	} else {
		iface := reflectName(r.info.TypeOf(ta.X))
		helper = r.helperNamed("must "+iface+" "+typeKey(to), "must", func(h string) string {
			return "func " + h + "(_v any) " + tsrc + " { var _r " + tsrc + "; if !" + r.isShim(to) + "(_v, " +
				strconv.Quote(name) + ", _r) { panic(" + r.runtimeShim("AssertionFailed") + "(_v, " + strconv.Quote(iface) + ", " +
				strconv.Quote(name) + ")) }; " + r.runtimeShim("Take") + "(_v, &_r); return _r }"
		})
	}
	r.prefix(ta.X.Pos(), helper+"(", len(stack))
	r.replace(ta.X.End(), ta.End(), ")")
	r.rewrite(ta.Pos(), "type assertion to a program type")
}
