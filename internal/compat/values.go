package compat

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"
)

// The interpreter builds the reflect type of a program type from its
// structure alone, so native code that looks at values sees main.Level as
// int, a field count as Xcount, an embedded struct as a plain field, and
// none of the program's methods; and two struct types with the same fields
// have the same reflect type, which the interpreter's own type switches and
// assertions then confuse. The rewrite
//
//   - marks every struct type of the program with a tag `airlock:"N"` on
//     its first field (a struct with no fields gets a blank field to carry
//     it), which makes its reflect type its own;
//   - describes every program type to the shims (internal/shims/types.go):
//     its Go name, its fields as declared, and closures that call its
//     String, Error, GoString, Format, MarshalJSON, MarshalText,
//     UnmarshalJSON, UnmarshalText and IsZero methods;
//   - wraps the arguments of fmt, log and encoding/json whose static type
//     holds a program type or an interface with that static type, written
//     as a reference the shims read (see shims.parseRef), so they format,
//     encode and decode values as Go does.

// markKey is the struct tag key of the marks (shims.TagKey).
const markKey = "airlock"

// progTypes is the program types the rewrite describes.
type progTypes struct {
	ids   map[string]int // by the type's full string
	list  []types.Type   // list[id-1]; nil for a box
	marks []structMark   // struct type literals to mark
	boxes []boxDesc      // the boxes of values in interfaces (boxes.go)
	// literals are the struct types the program writes as literals,
	// other than as the type of a declared type (literalStruct).
	literals []*types.Struct
}

type structMark struct {
	st *ast.StructType
	id int
}

// typeKey identifies a type across the program: types.Identical types
// have the same key.
func typeKey(t types.Type) string {
	return types.TypeString(t, func(p *types.Package) string { return p.Path() })
}

// typeID returns the id of a program type, describing it on first use.
func (r *compatRewriter) typeID(t types.Type) int {
	if r.ptypes.ids == nil {
		r.ptypes.ids = map[string]int{}
	}
	key := typeKey(t)
	if id, ok := r.ptypes.ids[key]; ok {
		return id
	}
	r.ptypes.list = append(r.ptypes.list, t)
	id := len(r.ptypes.list)
	r.ptypes.ids[key] = id
	return id
}

// holds reports whether native code would see a value of type t wrongly:
// t is or holds a program type, a struct type literal, or an interface,
// through pointers, slices, arrays, maps and struct fields.
func (r *compatRewriter) holds(t types.Type) bool {
	return r.holdsSeen(t, map[types.Type]bool{})
}

func (r *compatRewriter) holdsSeen(t types.Type, seen map[types.Type]bool) bool {
	t = types.Unalias(t)
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := t.(type) {
	case *types.Named:
		if u.Obj().Pkg() == r.pkg {
			return true
		}
		if _, ok := u.Underlying().(*types.Interface); ok {
			return true
		}
		return false // a native type: native code knows it
	case *types.TypeParam:
		return true
	case *types.Interface:
		return true
	case *types.Pointer:
		return r.holdsSeen(u.Elem(), seen)
	case *types.Slice:
		return r.holdsSeen(u.Elem(), seen)
	case *types.Array:
		return r.holdsSeen(u.Elem(), seen)
	case *types.Map:
		return r.holdsSeen(u.Key(), seen) || r.holdsSeen(u.Elem(), seen)
	case *types.Struct:
		return true
	}
	return false
}

// ref writes the static type t as the shims read it.
func (r *compatRewriter) ref(t types.Type) string {
	t = types.Unalias(t)
	if !r.holds(t) {
		return "-"
	}
	switch u := t.(type) {
	case *types.Named:
		if _, ok := u.Underlying().(*types.Interface); ok || u.Obj().Pkg() != r.pkg {
			return ifaceRef(u)
		}
		return "#" + strconv.Itoa(r.typeID(u))
	case *types.Interface:
		return ifaceRef(u)
	case *types.TypeParam:
		return "?"
	case *types.Pointer:
		return "*" + r.ref(u.Elem())
	case *types.Slice:
		return "[]" + r.ref(u.Elem())
	case *types.Array:
		return "[" + strconv.FormatInt(u.Len(), 10) + "]" + r.ref(u.Elem())
	case *types.Map:
		return "map[" + r.ref(u.Key()) + "]" + r.ref(u.Elem())
	case *types.Struct:
		return "#" + strconv.Itoa(r.typeID(u))
	}
	return "-"
}

// typeSpec describes every type the program declares, so that the shims
// know a value's type by the name the interpreter gives it.
func (r *compatRewriter) typeSpec(ts *ast.TypeSpec) {
	if ts.Assign.IsValid() {
		return
	}
	if tn, ok := r.info.Defs[ts.Name].(*types.TypeName); ok {
		if _, isIface := tn.Type().Underlying().(*types.Interface); !isIface {
			r.typeID(tn.Type())
		}
		if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() >= 2 && r.refersTo(named, named.Underlying(), map[types.Type]bool{}) {
			r.unsupported(ts.Name.Pos(), "generic type "+ts.Name.Name+" has several type parameters and refers to itself, which crashes the interpreter",
				"give it one type parameter (a struct type argument can hold the key and the value), or make it a non-generic type")
		}
		if named, ok := tn.Type().(*types.Named); ok && isStruct(named) && r.funcOfSelf(named, named.Underlying(), false, false, map[types.Type]bool{}) {
			r.unsupported(ts.Name.Pos(), "type "+ts.Name.Name+" holds a slice or map of functions that take or return "+ts.Name.Name+" itself, which the interpreter cannot call",
				"keep such functions outside the type (a package-level map of them), or give them a parameter of another type")
		}
		if named, ok := tn.Type().(*types.Named); ok && r.selfReferent(named, named.Underlying(), map[types.Type]bool{}) {
			r.unsupported(ts.Name.Pos(), "type "+ts.Name.Name+" refers to itself without a struct in between, which the interpreter cannot represent",
				"put the recursion inside a struct, for example type Node struct { Kids []Node } or type Tree struct { Kids map[string]*Tree }")
		}
	}
}

// refersTo reports whether t, part of the definition of the program's
// generic type n, refers to n anywhere, also through struct fields.
func (r *compatRewriter) refersTo(n *types.Named, t types.Type, seen map[types.Type]bool) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Origin() == n.Origin() {
			return true
		}
		for a := range t.TypeArgs().Types() {
			if r.refersTo(n, a, seen) {
				return true
			}
		}
		if seen[t] || t.Obj().Pkg() != r.pkg {
			return false
		}
		seen[t] = true
		return r.refersTo(n, t.Underlying(), seen)
	case *types.Pointer:
		return r.refersTo(n, t.Elem(), seen)
	case *types.Slice:
		return r.refersTo(n, t.Elem(), seen)
	case *types.Array:
		return r.refersTo(n, t.Elem(), seen)
	case *types.Chan:
		return r.refersTo(n, t.Elem(), seen)
	case *types.Map:
		return r.refersTo(n, t.Key(), seen) || r.refersTo(n, t.Elem(), seen)
	case *types.Struct:
		for f := range t.Fields() {
			if r.refersTo(n, f.Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for v := range tuple.Variables() {
				if r.refersTo(n, v.Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// funcOfSelf reports whether t, part of the definition of the program's
// struct type n, holds in a slice, array, map or channel a function type
// whose parameters or results mention n (inContainer: t is inside such a
// container; inFunc: inside such a function's signature). The
// interpreter stands a placeholder for n in the function type and cannot
// call the function; a function field of its own it calls.
func (r *compatRewriter) funcOfSelf(n *types.Named, t types.Type, inContainer, inFunc bool, seen map[types.Type]bool) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.Origin() == n.Origin() {
			return inFunc
		}
		if seen[t] || t.Obj().Pkg() != r.pkg {
			return false
		}
		seen[t] = true
		defer delete(seen, t)
		return r.funcOfSelf(n, t.Underlying(), inContainer, inFunc, seen)
	case *types.Pointer:
		return r.funcOfSelf(n, t.Elem(), inContainer, inFunc, seen)
	case *types.Slice:
		return r.funcOfSelf(n, t.Elem(), true, inFunc, seen)
	case *types.Array:
		return r.funcOfSelf(n, t.Elem(), true, inFunc, seen)
	case *types.Chan:
		return r.funcOfSelf(n, t.Elem(), true, inFunc, seen)
	case *types.Map:
		return r.funcOfSelf(n, t.Key(), true, inFunc, seen) || r.funcOfSelf(n, t.Elem(), true, inFunc, seen)
	case *types.Struct:
		if inFunc {
			return false // n behind a struct in the signature: a type of its own
		}
		for f := range t.Fields() {
			if r.funcOfSelf(n, f.Type(), inContainer, inFunc, seen) {
				return true
			}
		}
	case *types.Signature:
		if !inContainer || inFunc {
			return false
		}
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for v := range tuple.Variables() {
				if r.funcOfSelf(n, v.Type(), inContainer, true, seen) {
					return true
				}
			}
		}
	}
	return false
}

// selfReferent reports whether t, part of the definition of the program's
// type n, refers to n other than through a struct or an interface:
// type T []T, type M map[string]*M, type F func() F, directly or through
// other such types.
func (r *compatRewriter) selfReferent(n *types.Named, t types.Type, seen map[types.Type]bool) bool {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t == n || t.Origin() == n.Origin() {
			return true
		}
		if seen[t] || t.Obj().Pkg() != r.pkg {
			return false
		}
		seen[t] = true
		return r.selfReferent(n, t.Underlying(), seen)
	case *types.Pointer:
		return r.selfReferent(n, t.Elem(), seen)
	case *types.Slice:
		return r.selfReferent(n, t.Elem(), seen)
	case *types.Array:
		return r.selfReferent(n, t.Elem(), seen)
	case *types.Chan:
		return r.selfReferent(n, t.Elem(), seen)
	case *types.Map:
		return r.selfReferent(n, t.Key(), seen) || r.selfReferent(n, t.Elem(), seen)
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for v := range tuple.Variables() {
				if r.selfReferent(n, v.Type(), seen) {
					return true
				}
			}
		}
	}
	return false
}

// ifaceRef is the reference of an interface type, with its name, which
// %#v prints for a nil value.
func ifaceRef(t types.Type) string {
	name := reflectName(t)
	return "?" + strconv.Itoa(len(name)) + ":" + name
}

// structType records a struct type literal of the program for its mark.
func (r *compatRewriter) structType(st *ast.StructType, stack []ast.Node) {
	var t types.Type = r.info.TypeOf(st)
	if t == nil {
		return
	}
	named := false
	if spec, ok := parent(stack).(*ast.TypeSpec); ok && spec.Type == st && spec.Assign == 0 {
		if obj := r.info.Defs[spec.Name]; obj != nil {
			t, named = obj.Type(), true
		}
	}
	if !named && (st.Fields == nil || len(st.Fields.List) == 0) {
		return // every struct{} is the same type, in Go too
	}
	r.ptypes.marks = append(r.ptypes.marks, structMark{st: st, id: r.typeID(t)})
}

// markStructs writes the marks into the struct type literals.
func (r *compatRewriter) markStructs() {
	for _, m := range r.ptypes.marks {
		mark := markKey + `:"` + strconv.Itoa(m.id) + `"`
		st := m.st
		if st.Fields == nil || len(st.Fields.List) == 0 {
			r.replace(st.Fields.Opening+1, st.Fields.Closing, " _ [0]int `"+mark+"` ")
			continue
		}
		// Every field carries the mark, so that a struct type the
		// rewrites write themselves (typeWriter) is the same type.
		for _, f := range st.Fields.List {
			if f.Tag == nil {
				r.suffix(f.Type.End(), " `"+mark+"`", 0)
				continue
			}
			tag, err := strconv.Unquote(f.Tag.Value)
			if err != nil {
				continue
			}
			r.replace(f.Tag.Pos(), f.Tag.End(), markedTag(tag, mark))
		}
	}
}

// markedTag adds the mark to a struct tag, written as a Go literal.
func markedTag(tag, mark string) string {
	if tag != "" {
		tag += " "
	}
	tag += mark
	if strings.Contains(tag, "`") {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}

// literalStruct reports whether t is a struct type the program writes as
// a literal, which markStructs marks.
func (r *compatRewriter) literalStruct(t *types.Struct) bool {
	if t.NumFields() == 0 {
		return false
	}
	if r.ptypes.literals == nil {
		r.ptypes.literals = []*types.Struct{}
		declared := map[ast.Node]bool{}
		ast.Inspect(r.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if !n.Assign.IsValid() {
					declared[n.Type] = true
				}
			case *ast.StructType:
				if u, ok := r.info.TypeOf(n).(*types.Struct); ok && !declared[n] {
					r.ptypes.literals = append(r.ptypes.literals, u)
				}
			}
			return true
		})
	}
	for _, l := range r.ptypes.literals {
		if types.Identical(l, t) {
			return true
		}
	}
	return false
}

// typeDesc is a program type as the shims read it (shims.progType).
type typeDesc struct {
	ID     int         `json:"id"`
	Name   string      `json:"name"`
	Kind   string      `json:"kind"`
	Under  string      `json:"under,omitempty"`
	Fields []fieldDesc `json:"fields,omitempty"`
	// The names of the methods of T and of *T, for the message of a
	// failed assertion to an interface.
	Methods    []string `json:"methods,omitempty"`
	PtrMethods []string `json:"ptrMethods,omitempty"`
}

type fieldDesc struct {
	Name     string `json:"name"`
	Exported bool   `json:"exported,omitempty"`
	Embedded bool   `json:"embedded,omitempty"`
	Tag      string `json:"tag,omitempty"`
	Type     string `json:"type"`
}

// valueMethods are the methods native code calls on values, with the
// signature each must have and the shims function that registers it.
var valueMethods = []struct{ name, sig, register string }{
	{"String", "func() string", "MethodString"},
	{"Error", "func() string", "MethodString"},
	{"GoString", "func() string", "MethodString"},
	{"MarshalJSON", "func() ([]byte, error)", "MethodBytes"},
	{"MarshalText", "func() ([]byte, error)", "MethodBytes"},
	{"UnmarshalJSON", "func([]byte) error", "MethodFromBytes"},
	{"UnmarshalText", "func([]byte) error", "MethodFromBytes"},
	{"IsZero", "func() bool", "MethodBool"},
	{"Format", "func(fmt.State, rune)", "MethodFormat"},
}

// describeTypes declares the registration of the program's types: the
// descriptions first, then the methods, each a package-level variable so
// that it runs before the program's own initialisation. Each variable has
// a name of its own: the interpreter runs only one of several named _.
func (r *compatRewriter) describeTypes() {
	if len(r.ptypes.list) == 0 {
		return
	}
	var descs []typeDesc
	var methods []string
	// Describing a type may describe more (its fields' types).
	var tail []string
	for _, b := range r.ptypes.boxes {
		descs = append(descs, typeDesc{ID: b.id, Name: b.name, Kind: "box", Under: "#" + strconv.Itoa(b.of)})
	}
	for i := 0; i < len(r.ptypes.list); i++ {
		t := r.ptypes.list[i]
		if t == nil {
			continue // a box, described above
		}
		descs = append(descs, r.describe(i+1, t))
		if n, ok := types.Unalias(t).(*types.Named); ok && n.TypeArgs().Len() > 0 {
			// The interpreter instantiates a generic type only after its
			// declaration: these go at the end of the file.
			tail = append(tail, r.methodClosures(i+1, t)...)
			if d := r.instanceDecl(i+1, t); d != "" {
				tail = append(tail, d)
			}
			continue
		}
		methods = append(methods, r.methodClosures(i+1, t)...)
	}
	r.tail = append(r.tail, tail...)
	b, err := json.Marshal(descs)
	if err != nil {
		return
	}
	r.decls = append(r.decls, "var "+r.name("types")+" = "+r.runtimeShim("Types")+"("+strconv.Quote(string(b))+")")
	r.decls = append(r.decls, methods...)
}

func (r *compatRewriter) describe(id int, t types.Type) typeDesc {
	d := typeDesc{ID: id, Name: reflectName(t)}
	if _, named := types.Unalias(t).(*types.Named); named && !types.IsInterface(t) {
		d.Methods, d.PtrMethods = methodNames(t), methodNames(types.NewPointer(t))
	}
	u := t.Underlying()
	d.Kind = kindName(u)
	st, isStruct := u.(*types.Struct)
	if !isStruct {
		if _, named := types.Unalias(t).(*types.Named); named && d.Kind != "interface" {
			d.Under = r.ref(u)
		}
		return d
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		tag, _ := stripMark(st.Tag(i))
		d.Fields = append(d.Fields, fieldDesc{Name: f.Name(), Exported: f.Exported(), Embedded: f.Embedded(),
			Tag: tag, Type: r.ref(f.Type())})
	}
	return d
}

// methodNames lists the names in the method set of t.
func methodNames(t types.Type) []string {
	ms := types.NewMethodSet(t)
	var names []string
	for i := range ms.Len() {
		if n := ms.At(i).Obj().Name(); n != "AirlockSelf" && n != "AirlockName" {
			names = append(names, n)
		}
	}
	return names
}

// stripMark removes a mark from a struct tag (program text never has one:
// the planner refuses the key).
func stripMark(tag string) (string, bool) {
	i := strings.Index(tag, markKey+`:"`)
	if i < 0 {
		return tag, false
	}
	return strings.TrimSpace(tag[:i]), true
}

// instances describes every instance of the program's generic types that
// the program names with type arguments package-level code can write.
func (r *compatRewriter) instances() {
	for _, inst := range r.info.Instances {
		named, ok := inst.Type.(*types.Named)
		if !ok || named.Obj().Pkg() != r.pkg || named.TypeArgs().Len() == 0 {
			continue
		}
		r.typeID(named)
	}
}

// instanceDecl registers an instance of a generic struct type by its zero
// value: all instances carry the generic type's mark, so the shims tell
// them apart by their reflect types.
func (r *compatRewriter) instanceDecl(id int, t types.Type) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.TypeArgs().Len() == 0 || named.Obj().Parent() != r.pkg.Scope() {
		return ""
	}
	if _, isStruct := named.Underlying().(*types.Struct); !isStruct || !r.packageLevel(named) {
		return ""
	}
	ts, ok := r.typeString(named)
	if !ok {
		return ""
	}
	// An empty []T, not a T: a T made at package level clashes with the
	// instances the program's generic functions make of the same type.
	return "var " + r.name("instance") + " = " + r.runtimeShim("Instance") + "(" + strconv.Itoa(id) + ", []" + ts + "{})"
}

// instanceLiteral writes the type of a composite literal of an instance of
// a generic type (Pair[string, int]{...}) as an alias declared at the end
// of the file: where one function has two literals of one instance, the
// interpreter builds only the last and leaves the others zero.
func (r *compatRewriter) instanceLiteral(lit *ast.CompositeLit) {
	switch lit.Type.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
	default:
		return
	}
	named, ok := types.Unalias(r.info.TypeOf(lit)).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg || named.TypeArgs().Len() == 0 || !r.packageLevel(named) {
		return
	}
	ts, ok := r.typeString(named)
	if !ok {
		return
	}
	name := r.helperNamed("instance "+typeKey(named), "inst", func(name string) string {
		r.tail = append(r.tail, "type "+name+" = "+ts)
		return ""
	})
	r.replace(lit.Type.Pos(), lit.Type.End(), name)
	r.rewrite(lit.Pos(), "composite literal of a generic type's instance")
}

// instanceArgs writes type arguments that are themselves instances of the
// program's generic types (Stack[Pair[string, int]]) as aliases declared at
// the end of the file (Stack[_inst1]): the interpreter fails to compile a
// nested instantiation.
func (r *compatRewriter) instanceArgs(args []ast.Expr) {
	for _, a := range args {
		switch a.(type) {
		case *ast.IndexExpr, *ast.IndexListExpr:
		default:
			continue
		}
		tv, ok := r.info.Types[a]
		if !ok || !tv.IsType() {
			continue
		}
		name, ok := r.instanceAlias(tv.Type)
		if !ok {
			continue
		}
		if r.nestedArgs == nil {
			r.nestedArgs = map[ast.Node]bool{}
		}
		r.nestedArgs[a] = true
		r.replace(a.Pos(), a.End(), name)
		r.rewrite(a.Pos(), "instance of a generic type as a type argument")
	}
}

// instanceAlias returns the alias, declared at the end of the file, of t
// when t is an instance of one of the program's generic types.
func (r *compatRewriter) instanceAlias(t types.Type) (string, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg || named.TypeArgs().Len() == 0 || !r.packageLevel(named) {
		return "", false
	}
	ts, ok := r.typeString(named)
	if !ok {
		return "", false
	}
	return r.helperNamed("instance "+typeKey(named), "inst", func(name string) string {
		r.tail = append(r.tail, "type "+name+" = "+ts)
		return ""
	}), true
}

// packageLevel reports whether t mentions only types package-level code can
// name: no types declared in functions, no type parameters.
func (r *compatRewriter) packageLevel(t types.Type) bool {
	ok := true
	var walk func(t types.Type)
	seen := map[types.Type]bool{}
	walk = func(t types.Type) {
		if !ok || seen[t] {
			return
		}
		seen[t] = true
		switch u := types.Unalias(t).(type) {
		case *types.Named:
			if u.Obj().Pkg() == r.pkg && u.Obj().Parent() != r.pkg.Scope() {
				ok = false
				return
			}
			for i := range u.TypeArgs().Len() {
				walk(u.TypeArgs().At(i))
			}
		case *types.TypeParam:
			ok = false
		case *types.Pointer:
			walk(u.Elem())
		case *types.Slice:
			walk(u.Elem())
		case *types.Array:
			walk(u.Elem())
		case *types.Map:
			walk(u.Key())
			walk(u.Elem())
		case *types.Chan:
			walk(u.Elem())
		case *types.Struct:
			for i := range u.NumFields() {
				walk(u.Field(i).Type())
			}
		case *types.Signature:
			for i := range u.Params().Len() {
				walk(u.Params().At(i).Type())
			}
			for i := range u.Results().Len() {
				walk(u.Results().At(i).Type())
			}
		}
	}
	walk(t)
	return ok
}

// methodClosures declares the registration of the methods of t native
// code calls, for a type declared at package level (or an instance of a
// generic one).
func (r *compatRewriter) methodClosures(id int, t types.Type) []string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Parent() != r.pkg.Scope() {
		return nil
	}
	if named.TypeParams().Len() > 0 && named.TypeArgs().Len() == 0 {
		return nil // the generic type itself: its instances have the methods
	}
	if named.TypeArgs().Len() > 0 && !r.packageLevel(named) {
		return nil
	}
	if _, isIface := named.Underlying().(*types.Interface); isIface {
		return nil
	}
	ts, ok := r.typeString(named)
	if !ok {
		return nil
	}
	var out []string
	valueSet := types.NewMethodSet(named)
	ptrSet := types.NewMethodSet(types.NewPointer(named))
	for _, m := range valueMethods {
		ptr := false
		sel := valueSet.Lookup(r.pkg, m.name)
		if sel == nil {
			sel = ptrSet.Lookup(r.pkg, m.name)
			ptr = true
		}
		if sel == nil {
			continue
		}
		fn, ok := sel.Obj().(*types.Func)
		if !ok || signatureTypes(fn.Signature()) != m.sig {
			continue
		}
		recv := "_v.(" + ts + ")"
		if ptr {
			recv = "_v.(*" + ts + ")"
		}
		var lit string
		switch m.register {
		case "MethodString":
			lit = "func(_v any) string { return " + recv + "." + m.name + "() }"
		case "MethodBytes":
			lit = "func(_v any) ([]byte, error) { return " + recv + "." + m.name + "() }"
		case "MethodFromBytes":
			lit = "func(_v any, _b []byte) error { return " + recv + "." + m.name + "(_b) }"
		case "MethodBool":
			lit = "func(_v any) bool { return " + recv + "." + m.name + "() }"
		case "MethodFormat":
			fmtName, ok := r.imports["fmt"]
			if !ok {
				continue // the program cannot have written a Format method without fmt
			}
			lit = "func(_v any, _s " + fmtName + ".State, _c rune) { " + recv + ".Format(_s, _c) }"
			out = append(out, "var "+r.name("method")+" = "+r.runtimeShim(m.register)+"("+strconv.Itoa(id)+", "+strconv.FormatBool(ptr)+", "+lit+")")
			continue
		}
		out = append(out, "var "+r.name("method")+" = "+r.runtimeShim(m.register)+"("+strconv.Itoa(id)+", "+strconv.Quote(m.name)+", "+strconv.FormatBool(ptr)+", "+lit+")")
	}
	return out
}

// selfMethods gives every package-level type with methods an AirlockSelf
// method returning the value and an AirlockName method returning its Go
// name: the interpreter hands such a value to native
// code as error or fmt.Stringer in a wrapper that may not hold the value
// itself (see shims.ErrorSelf); the method lets the shims reach it.
func (r *compatRewriter) selfMethods() {
	for _, d := range r.file.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		for _, spec := range g.Specs {
			ts := spec.(*ast.TypeSpec)
			if ts.Assign.IsValid() {
				continue
			}
			tn, ok := r.info.Defs[ts.Name].(*types.TypeName)
			if !ok {
				continue
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || named.NumMethods() == 0 || isInterface(named) {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(named, true, r.pkg, "AirlockSelf"); obj != nil {
				continue
			}
			if obj, _, _ := types.LookupFieldOrMethod(named, true, r.pkg, "AirlockName"); obj != nil {
				continue
			}
			if ts.TypeParams != nil {
				continue // the interpreter fails on more methods of generic types
			}
			recv := ts.Name.Name
			r.decls = append(r.decls, "func (_v "+recv+") AirlockSelf() any { return _v }",
				"func ("+recv+") AirlockName() string { return "+strconv.Quote(reflectName(named))+" }")
		}
	}
}

// kindName is the name of a type's kind, as reflect.Kind writes it.
func kindName(u types.Type) string {
	switch u := u.(type) {
	case *types.Basic:
		switch u.Kind() {
		case types.UnsafePointer:
			return "unsafe.Pointer"
		}
		if u.Kind() == types.Invalid || u.Info()&types.IsUntyped != 0 {
			return "invalid"
		}
		return types.Typ[u.Kind()].Name() // reflect.Kind writes the same names
	case *types.Struct:
		return "struct"
	case *types.Pointer:
		return "ptr"
	case *types.Slice:
		return "slice"
	case *types.Array:
		return "array"
	case *types.Map:
		return "map"
	case *types.Chan:
		return "chan"
	case *types.Signature:
		return "func"
	case *types.Interface:
		return "interface"
	}
	return "invalid"
}

// reflectName writes t as reflect's Type.String does for the Go type:
// packages by name, "interface {}", "struct { A int "tag" }".
func reflectName(t types.Type) string {
	var b strings.Builder
	writeReflectName(&b, t)
	return b.String()
}

func writeReflectName(b *strings.Builder, t types.Type) {
	switch t := t.(type) {
	case *types.Alias:
		writeReflectName(b, types.Unalias(t))
	case *types.Basic:
		switch t.Kind() {
		case types.UnsafePointer:
			b.WriteString("unsafe.Pointer")
		case types.UntypedNil:
			b.WriteString("nil")
		default:
			b.WriteString(types.Default(t).String())
		}
	case *types.Named:
		if pkg := t.Obj().Pkg(); pkg != nil {
			b.WriteString(pkg.Name() + ".")
		}
		b.WriteString(t.Obj().Name())
		if args := t.TypeArgs(); args.Len() > 0 {
			b.WriteByte('[')
			for i := range args.Len() {
				if i > 0 {
					b.WriteByte(',')
				}
				writeReflectName(b, args.At(i))
			}
			b.WriteByte(']')
		}
	case *types.TypeParam:
		b.WriteString(t.Obj().Name())
	case *types.Pointer:
		b.WriteByte('*')
		writeReflectName(b, t.Elem())
	case *types.Slice:
		b.WriteString("[]")
		writeReflectName(b, t.Elem())
	case *types.Array:
		b.WriteString("[" + strconv.FormatInt(t.Len(), 10) + "]")
		writeReflectName(b, t.Elem())
	case *types.Map:
		b.WriteString("map[")
		writeReflectName(b, t.Key())
		b.WriteByte(']')
		writeReflectName(b, t.Elem())
	case *types.Chan:
		switch t.Dir() {
		case types.RecvOnly:
			b.WriteString("<-chan ")
		case types.SendOnly:
			b.WriteString("chan<- ")
		default:
			b.WriteString("chan ")
		}
		writeReflectName(b, t.Elem())
	case *types.Signature:
		b.WriteString("func(")
		for i := range t.Params().Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			pt := t.Params().At(i).Type()
			if t.Variadic() && i == t.Params().Len()-1 {
				b.WriteString("...")
				pt = pt.(*types.Slice).Elem()
			}
			writeReflectName(b, pt)
		}
		b.WriteByte(')')
		switch n := t.Results().Len(); {
		case n == 1:
			b.WriteByte(' ')
			writeReflectName(b, t.Results().At(0).Type())
		case n > 1:
			b.WriteString(" (")
			for i := range n {
				if i > 0 {
					b.WriteString(", ")
				}
				writeReflectName(b, t.Results().At(i).Type())
			}
			b.WriteByte(')')
		}
	case *types.Interface:
		if t.NumMethods() == 0 && t.NumEmbeddeds() == 0 {
			b.WriteString("interface {}")
			return
		}
		b.WriteString("interface { ")
		var names []string
		for i := range t.NumMethods() {
			names = append(names, t.Method(i).Name())
		}
		sort.Strings(names)
		for i, n := range names {
			if i > 0 {
				b.WriteString("; ")
			}
			m := t.Method(i)
			for j := range t.NumMethods() {
				if t.Method(j).Name() == n {
					m = t.Method(j)
				}
			}
			b.WriteString(n)
			var sb strings.Builder
			writeReflectName(&sb, m.Signature())
			b.WriteString(strings.TrimPrefix(sb.String(), "func"))
		}
		b.WriteString(" }")
	case *types.Struct:
		if t.NumFields() == 0 {
			b.WriteString("struct {}")
			return
		}
		b.WriteString("struct { ")
		for i := range t.NumFields() {
			if i > 0 {
				b.WriteString("; ")
			}
			f := t.Field(i)
			if !f.Embedded() {
				b.WriteString(f.Name() + " ")
			}
			writeReflectName(b, f.Type())
			if tag, _ := stripMark(t.Tag(i)); tag != "" {
				b.WriteString(" " + strconv.Quote(tag))
			}
		}
		b.WriteString(" }")
	default:
		b.WriteString(t.String())
	}
}

// The call sites.

// fmtFuncs are the fmt functions that format values: the index of the
// first value, and whether the shims have their own (Print and its kin put
// spaces by kind, the f functions see %T).
var fmtFuncs = map[string]struct {
	first int
	own   bool
}{
	"Print": {0, true}, "Sprint": {0, true}, "Fprint": {1, true}, "Append": {1, true},
	"Println": {0, false}, "Sprintln": {0, false}, "Fprintln": {1, false}, "Appendln": {1, false},
	"Printf": {1, true}, "Sprintf": {1, true}, "Fprintf": {2, true}, "Appendf": {2, true}, "Errorf": {1, true},
}

// fmtCall wraps the arguments of a fmt call that native code would format
// wrongly, and calls the shims' version of the function when it needs one.
func (r *compatRewriter) fmtCall(c *ast.CallExpr, fn *types.Func, stack []ast.Node) bool {
	spec, ok := fmtFuncs[fn.Name()]
	if !ok {
		return false
	}
	if !r.wrapArgs(c, spec.first, fn.Name() == "Errorf", len(stack)) {
		return false
	}
	if spec.own {
		r.replace(c.Fun.Pos(), c.Fun.End(), r.runtimeShim(fn.Name()))
	}
	return true
}

// wrapArgs wraps c's arguments from first on whose type holds program
// types or interfaces in shims.V. Errorf keeps errors as they are, for %w.
func (r *compatRewriter) wrapArgs(c *ast.CallExpr, first int, errorf bool, depth int) bool {
	wrapped := false
	errType := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	for i := first; i < len(c.Args); i++ {
		a := c.Args[i]
		t := r.info.TypeOf(a)
		if t == nil {
			continue
		}
		if _, tuple := t.(*types.Tuple); tuple {
			return false
		}
		if c.Ellipsis.IsValid() && i == len(c.Args)-1 {
			// a... hands fmt the slice's elements as they are stored.
			s, ok := t.Underlying().(*types.Slice)
			if !ok || !r.holds(s.Elem()) {
				continue
			}
			r.prefix(a.Pos(), r.runtimeShim("ValuesFmt")+"(", depth)
			r.suffix(a.End(), ", "+strconv.Quote(r.ref(s.Elem()))+")", depth)
			wrapped = true
			continue
		}
		if tv, ok := r.info.Types[a]; ok && tv.IsNil() {
			continue
		}
		if !r.holds(t) {
			continue
		}
		if errorf && types.Implements(t, errType) {
			// Errorf keeps errors for %w; a program error goes as error, so
			// that the interpreter hands fmt its Error method.
			if r.isProgramError(t) {
				r.asError(a, depth)
			}
			continue
		}
		r.prefix(a.Pos(), r.runtimeShim("ValueFmt")+"(", depth)
		r.suffix(a.End(), ", "+strconv.Quote(r.ref(t))+")", depth)
		wrapped = true
	}
	if wrapped {
		r.rewrite(c.Pos(), "values formatted as Go formats them")
	}
	return wrapped
}

// logCall wraps the arguments of a log function or Logger method, which
// formats with fmt: Printf(format, a...) becomes Print(shims.Sprintf(format,
// a...)), which prints the same.
func (r *compatRewriter) logCall(c *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	name := fn.Name()
	var plain string
	switch name {
	case "Print", "Fatal", "Panic":
		plain = name
	case "Printf", "Fatalf", "Panicf":
		plain = strings.TrimSuffix(name, "f")
	case "Println", "Fatalln", "Panicln":
		r.wrapArgs(c, 0, false, len(stack)+1)
		return
	default:
		return
	}
	if len(c.Args) == 0 {
		return
	}
	if !r.wrapArgs(c, map[bool]int{true: 1, false: 0}[plain != name], false, len(stack)+1) {
		return
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	inner := "Sprint"
	if plain != name {
		inner = "Sprintf"
	}
	r.replace(sel.Sel.Pos(), sel.Sel.End(), plain)
	r.prefix(c.Args[0].Pos(), r.runtimeShim(inner)+"(", len(stack))
	r.suffix(c.Rparen, ")", len(stack))
}

// jsonCall wraps values encoding/json would encode or decode wrongly.
func (r *compatRewriter) jsonCall(c *ast.CallExpr, fn *types.Func, stack []ast.Node) {
	recv := ""
	if sig := fn.Signature(); sig.Recv() != nil {
		if n := namedOf(sig.Recv().Type()); n != nil {
			recv = n.Obj().Name()
		}
	}
	depth := len(stack)
	switch {
	case recv == "" && (fn.Name() == "Marshal" || fn.Name() == "MarshalIndent") && len(c.Args) >= 1:
		if r.wrapJSON(c.Args[0], "ValueJSON", depth) {
			r.replace(c.Fun.Pos(), c.Fun.End(), r.runtimeShim(fn.Name()))
		}
	case recv == "Encoder" && fn.Name() == "Encode" && len(c.Args) == 1:
		if r.wrapJSON(c.Args[0], "ValueJSON", depth) {
			sel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			r.replace(c.Fun.Pos(), sel.X.Pos(), r.runtimeShim("Encode")+"(")
			r.replace(sel.X.End(), c.Lparen+1, ", ")
		}
	case recv == "" && fn.Name() == "Unmarshal" && len(c.Args) == 2:
		r.wrapJSON(c.Args[1], "TargetJSON", depth)
	case recv == "Decoder" && fn.Name() == "Decode" && len(c.Args) == 1:
		sel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
		t := r.info.TypeOf(c.Args[0])
		if t == nil || !r.holds(t) {
			return
		}
		r.replace(c.Fun.Pos(), sel.X.Pos(), r.runtimeShim("Decode")+"(")
		r.replace(sel.X.End(), c.Lparen+1, ", ")
		r.suffix(c.Args[0].End(), ", "+strconv.Quote(r.ref(t)), depth)
		r.rewrite(c.Pos(), "value decoded as encoding/json decodes Go values")
	}
}

// wrapJSON wraps a in the shim wrap (ValueJSON or TargetJSON) with its static type.
func (r *compatRewriter) wrapJSON(a ast.Expr, wrap string, depth int) bool {
	t := r.info.TypeOf(a)
	if t == nil || !r.holds(t) {
		return false
	}
	if tv, ok := r.info.Types[a]; ok && tv.IsNil() {
		return false
	}
	r.prefix(a.Pos(), r.runtimeShim(wrap)+"(", depth)
	r.suffix(a.End(), ", "+strconv.Quote(r.ref(t))+")", depth)
	if wrap == "ValueJSON" {
		r.rewrite(a.Pos(), "value encoded as encoding/json encodes Go values")
	} else {
		r.rewrite(a.Pos(), "value decoded as encoding/json decodes Go values")
	}
	return true
}

// resultCall wraps the value handed to airlock.Result, which the child
// encodes with encoding/json.
func (r *compatRewriter) resultCall(c *ast.CallExpr, stack []ast.Node) {
	if len(c.Args) == 1 {
		r.wrapJSON(c.Args[0], "ValueJSON", len(stack))
	}
}

// interfaceEquality rewrites a == b and a != b where an operand is an
// interface and neither is nil into shims.SameValue: the interpreter
// panics comparing the wrappers it keeps program values in, and confuses
// program types with the same structure.
func (r *compatRewriter) interfaceEquality(b *ast.BinaryExpr, stack []ast.Node) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	tx, ty := r.info.TypeOf(b.X), r.info.TypeOf(b.Y)
	if tx == nil || ty == nil || !isInterface(tx) && !isInterface(ty) {
		return
	}
	if _, isParam := types.Unalias(tx).(*types.TypeParam); isParam {
		return
	}
	if _, isParam := types.Unalias(ty).(*types.TypeParam); isParam {
		return
	}
	for _, e := range []ast.Expr{b.X, b.Y} {
		if tv, ok := r.info.Types[e]; ok && tv.IsNil() {
			return
		}
	}
	call := r.runtimeShim("SameValue") + "("
	if b.Op == token.NEQ {
		call = "!" + call
	}
	depth := len(stack)
	r.prefix(b.X.Pos(), call, depth)
	r.replace(b.X.End(), b.Y.Pos(), ", ")
	r.suffix(b.Y.End(), ")", depth)
	r.rewrite(b.Pos(), "comparison of interface values")
}
