package compat

import (
	"go/ast"
	"go/token"
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
	if guard == nil {
		return
	}
	for _, st := range ts.Body.List {
		for _, t := range st.(*ast.CaseClause).List {
			if r.typeParamDependent(t) {
				return
			}
		}
	}
	if !r.hasInterfaceCase(ts) && !r.hasIdentityCase(ts) {
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
				cond = "if _, _ok := " + r.interfaceAssertion(ct, r.text(t), true, v) + "; _ok"
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
		return bound + " := " + r.interfaceAssertion(r.info.TypeOf(list[0]), t, false, v) + ";"
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
	if r.typeParamDependent(ta.Type) {
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
	head, tail := r.interfaceAssertionParts(to, r.text(ta.Type), commaOk, r.callsRecover(ta.X))
	r.prefix(ta.X.Pos(), head, len(stack))
	r.replace(ta.X.End(), ta.End(), tail)
	r.rewrite(ta.Pos(), "type assertion to a program interface")
}

// interfaceAssertion returns a call of a function literal asserting x to
// the interface t (written tsrc), with a second result ok when commaOk,
// else panicking on failure (interfaceAssertionParts).
func (r *compatRewriter) interfaceAssertion(t types.Type, tsrc string, commaOk bool, x string) string {
	head, tail := r.interfaceAssertionParts(t, tsrc, commaOk, false)
	return head + x + tail
}

// interfaceAssertionParts returns the text before and after an operand for
// a call of a function literal asserting the operand to the interface t.
// The interpreter gets a working interface value of a program type only
// from a concrete value, so the literal tries each package-level type of
// the program that implements t, then t itself (for native values); nil
// is handled first. The literal binds the operand itself: passed as an
// argument of type any, a program interface value the interpreter got
// back from native code no longer asserts. An operand that calls recover
// is an argument instead, evaluated where it was: recover() only works
// there.
func (r *compatRewriter) interfaceAssertionParts(t types.Type, tsrc string, commaOk, calls bool) (head, tail string) {
	iface, _ := t.Underlying().(*types.Interface)
	var b strings.Builder
	results := tsrc
	if commaOk {
		results = "(" + tsrc + ", bool)"
	}
	if calls {
		head = "func(_v any) " + results + " { "
		b.WriteString("INTO")
	} else {
		head = "func() " + results + " { _v := "
		b.WriteString("; ")
	}
	var methods []string
	if iface != nil {
		for m := range iface.Methods() {
			methods = append(methods, m.Name())
		}
		sort.Strings(methods)
	}
	ok, fail := "", "panic("+r.runtimeShim("InterfaceAssertionFailed")+"(_v, "+strconv.Quote(reflectName(t))+", "+strconv.Quote(strings.Join(methods, ","))+"))"
	if commaOk {
		ok, fail = ", true", "return nil, false"
	}
	b.WriteString("if _v == nil { " + fail + " }; ")
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
	} else if isErrorMethodSet(iface) && r.programInterface(t) {
		b.WriteString("if _n, _ok := _v.(error); _ok { var _i " + tsrc + " = _n; return _i" + ok + " }; ")
	}
	if r.programInterface(t) {
		// A value of a program type that none of the above matched lacks
		// a method, though the interpreter may find one in the pointer's
		// method set.
		b.WriteString("if " + r.runtimeShim("IsProgramValue") + "(_v) { " + fail + " }; ")
	}
	b.WriteString("if _, _ok := _v.(" + tsrc + "); _ok { return _v.(" + tsrc + ")" + ok + " }; " + fail + " }")
	if calls {
		// func(_v any) T { body }(operand)
		body, _ := strings.CutPrefix(b.String(), "INTO")
		return head + body + "(", ")"
	}
	return head, b.String() + "()"
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

// isErrorMethodSet reports whether iface has error's method set alone.
func isErrorMethodSet(iface *types.Interface) bool {
	return iface != nil && iface.NumMethods() == 1 && iface.Method(0).Name() == "Error" &&
		signatureTypes(iface.Method(0).Signature()) == "func() string"
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
	from := r.info.TypeOf(ta.X)
	iface := reflectName(from)
	// From an interface with methods, the interpreter's own assertion
	// comes first where no other type of the program could pass for the
	// one asserted: the shims no longer see the type of a value that went
	// through a native interface.
	param, first := "any", ""
	if fs, ok := r.typeString(from); ok && isMethodInterface(from) && r.uniqueUnderlying(to, from) {
		param = fs
		if commaOk {
			first = "if _x, _ok := _v.(" + tsrc + "); _ok { return _x, true }; "
		} else {
			first = "if _x, _ok := _v.(" + tsrc + "); _ok { return _x }; "
		}
	}
	var helper string
	if commaOk {
		helper = r.helperNamed("as "+param+" "+typeKey(to), "as", func(h string) string {
			return "func " + h + "(_v " + param + ") (" + tsrc + ", bool) { " + first + "var _r " + tsrc + "; if !" + r.isShim(to) + "(_v, " +
				strconv.Quote(name) + ", _r) { return _r, false }; " + r.runtimeShim("Take") + "(_v, &_r); return _r, true }"
		})
	} else {
		helper = r.helperNamed("must "+iface+" "+param+" "+typeKey(to), "must", func(h string) string {
			return "func " + h + "(_v " + param + ") " + tsrc + " { " + first + "var _r " + tsrc + "; if !" + r.isShim(to) + "(_v, " +
				strconv.Quote(name) + ", _r) { panic(" + r.runtimeShim("AssertionFailed") + "(_v, " + strconv.Quote(iface) + ", " +
				strconv.Quote(name) + ")) }; " + r.runtimeShim("Take") + "(_v, &_r); return _r }"
		})
	}
	r.prefix(ta.X.Pos(), helper+"(", len(stack))
	r.replace(ta.X.End(), ta.End(), ")")
	r.rewrite(ta.Pos(), "type assertion to a program type")
}

// callsRecover reports whether e calls the builtin recover.
func (r *compatRewriter) callsRecover(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if b, ok := r.objectOf(ast.Unparen(c.Fun)).(*types.Builtin); ok && b.Name() == "recover" {
				found = true
			}
		}
		return !found
	})
	return found
}

// typeParamDependent reports whether the type written as e depends on the
// type parameters of the function around: a type parameter itself, which
// the interpreter asserts to as it should, or a type made of one
// (box[T], []T), which it cannot assert to and is refused.
func (r *compatRewriter) typeParamDependent(e ast.Expr) bool {
	t := r.info.TypeOf(e)
	if t == nil {
		return false
	}
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		return true
	}
	if !mentionsTypeParam(t) {
		return false
	}
	r.unsupported(e.Pos(), "a type assertion to "+r.text(e)+", a type made of the function's type parameters, is not supported by the interpreter",
		"keep the values in a container of their own type (map[K]*entry[K, V]) rather than in an interface, or assert to the type parameter itself")
	return true
}

// uniqueUnderlying reports whether to, a program type or a pointer to
// one, is the only type of the program with its underlying type that
// implements the interface from: the only one the interpreter's assertion,
// which knows underlying types, could mean.
func (r *compatRewriter) uniqueUnderlying(to, from types.Type) bool {
	iface, ok := from.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	n := namedOf(to)
	if n == nil || n.Obj().Pkg() != r.pkg {
		return false
	}
	if _, isStruct := n.Underlying().(*types.Struct); isStruct {
		return false // structs carry their mark: the shims know them
	}
	_, ptr := to.(*types.Pointer)
	scope := r.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || tn.Type() == n {
			continue
		}
		if !types.Identical(tn.Type().Underlying(), n.Underlying()) {
			continue
		}
		var c types.Type = tn.Type()
		if ptr {
			c = types.NewPointer(c)
		}
		if types.Implements(c, iface) {
			return false
		}
	}
	return true
}

// switchStmt rewrites the expression switches the interpreter gets wrong
// into tagless switches whose cases compare in Go's order, with ||:
//
//   - a tag of interface type against cases of other types (it converts
//     the tag to the case's type, and panics);
//
//   - a case list whose second or later expression needs computing (it
//     only computes the first);
//
//   - a tagless switch with a case list (it tests only the first).
//
//     switch x := f(); tag {         { x := f(); switch _t1 := tag; {
//     case a, g():                   case _t1 == (a) || _t1 == (g()):
//
// A default clause that is not the last, with a fallthrough in the switch,
// is refused: the interpreter moves the clause, which changes where the
// fallthrough goes.
func (r *compatRewriter) switchStmt(s *ast.SwitchStmt, stack []ast.Node) {
	clauses := make([]*ast.CaseClause, 0, len(s.Body.List))
	for _, st := range s.Body.List {
		clauses = append(clauses, st.(*ast.CaseClause))
	}
	r.switchDefault(s, clauses)
	depth := len(stack) + 1
	if s.Tag == nil {
		done := false
		for _, cc := range clauses {
			if len(cc.List) < 2 {
				continue
			}
			r.prefix(cc.List[0].Pos(), "(", depth)
			for i := 1; i < len(cc.List); i++ {
				r.replace(cc.List[i-1].End(), cc.List[i].Pos(), ") || (")
			}
			r.suffix(cc.List[len(cc.List)-1].End(), ")", depth)
			done = true
		}
		if done {
			r.rewrite(s.Switch, "switch case with several conditions")
		}
		return
	}
	tagT := r.info.TypeOf(s.Tag)
	if tagT == nil || !r.switchNeedsRewrite(tagT, clauses) {
		return
	}
	for _, cc := range clauses {
		for _, e := range cc.List {
			if strings.Contains(r.text(e), "\n") {
				r.unsupported(e.Pos(), "this switch case is not supported by the interpreter",
					"write the switch as if-else comparisons")
				return
			}
		}
	}
	if s.Init != nil {
		if l, ok := parent(stack).(*ast.LabeledStmt); ok && l.Stmt == s {
			r.unsupported(s.Switch, "a labelled switch with an init statement and this tag is not supported by the interpreter",
				"move the init statement before the switch")
			return
		}
	}
	t := r.name("t")
	if s.Init != nil {
		r.replace(s.Switch, s.Init.Pos(), "{ ")
		r.replace(s.Init.End(), s.Tag.Pos(), "; switch "+t+" := ")
		r.suffix(s.Body.End(), " }", 0)
	} else {
		r.replace(s.Switch, s.Tag.Pos(), "switch "+t+" := ")
	}
	r.replace(s.Tag.End(), s.Body.Lbrace, "; ")
	for _, cc := range clauses {
		for i, e := range cc.List {
			if i > 0 {
				r.replace(cc.List[i-1].End(), e.Pos(), " || ")
			}
			et := r.info.TypeOf(e)
			if tv, ok := r.info.Types[e]; ok && tv.IsNil() {
				r.prefix(e.Pos(), t+" == ", depth)
				continue
			}
			if isInterface(tagT) || et != nil && isInterface(et) {
				r.prefix(e.Pos(), r.runtimeShim("SameValue")+"("+t+", ", depth)
				r.suffix(e.End(), ")", depth)
				r.box(e, tagT, depth+1)
				continue
			}
			// Parentheses only where precedence needs them: the interpreter
			// evaluates (x+1) in a case wrongly.
			if b, ok := e.(*ast.BinaryExpr); ok && b.Op.Precedence() <= token.EQL.Precedence() {
				r.prefix(e.Pos(), t+" == (", depth)
				r.suffix(e.End(), ")", depth)
				continue
			}
			r.prefix(e.Pos(), t+" == ", depth)
		}
	}
	r.rewrite(s.Switch, "switch the interpreter would compare wrongly")
}

// switchNeedsRewrite reports whether a switch with a tag of type tagT
// has a case the interpreter gets wrong.
func (r *compatRewriter) switchNeedsRewrite(tagT types.Type, clauses []*ast.CaseClause) bool {
	for _, cc := range clauses {
		for i, e := range cc.List {
			tv := r.info.Types[e]
			if isInterface(tagT) && !tv.IsNil() && tv.Type != nil && !isInterface(tv.Type) {
				return true
			}
			if i > 0 && tv.Value == nil {
				if _, ident := ast.Unparen(e).(*ast.Ident); !ident {
					return true
				}
			}
		}
	}
	return false
}

// switchDefault refuses a fallthrough in a switch whose default clause is
// not the last.
func (r *compatRewriter) switchDefault(s *ast.SwitchStmt, clauses []*ast.CaseClause) {
	def := -1
	for i, cc := range clauses {
		if cc.List == nil {
			def = i
		}
	}
	if def < 0 || def == len(clauses)-1 {
		return
	}
	for _, cc := range clauses {
		if n := len(cc.Body); n > 0 {
			if b, ok := cc.Body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				r.unsupported(b.Pos(), "fallthrough in a switch whose default clause is not the last is not supported by the interpreter",
					"move the default clause to the end of the switch")
				return
			}
		}
	}
}
