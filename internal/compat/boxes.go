package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// A value of a program type that is not a struct (type Level int, type
// Names []string) has the reflect type of its underlying type in the
// interpreter: once in an interface it is an int, %T prints int, and a type
// switch cannot tell a Level from an int. Where the program converts such
// a value to an interface for interpreted code (assigns it to an
// interface, puts it in a []any, returns it as error...), the rewrite puts
// it in a box of its own, a struct marked like the program's structs,
// which embeds it (so the interface still has its methods) and which the
// shims open wherever they look at the value: type switches and
// assertions, ==, fmt, encoding/json. Native functions other than those
// get the bare value, as before.

// boxable reports whether values of t get a box in interfaces: a program
// type declared at package level, not a struct or an interface, and not
// generic.
func (r *compatRewriter) boxable(t types.Type) (*types.Named, bool) {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg || named.Obj().Parent() != r.pkg.Scope() || named.TypeParams().Len() > 0 || named.TypeArgs().Len() > 0 {
		return nil, false
	}
	switch named.Underlying().(type) {
	case *types.Struct, *types.Interface:
		return nil, false
	}
	return named, true
}

// box wraps e in the box of its type when e, of a boxable type, is
// converted to the interface type to.
func (r *compatRewriter) box(e ast.Expr, to types.Type, depth int) {
	if e == nil || to == nil || !types.IsInterface(to) {
		return
	}
	if _, isParam := types.Unalias(to).(*types.TypeParam); isParam {
		return
	}
	tv, ok := r.info.Types[e]
	if !ok || tv.IsType() || tv.IsNil() {
		return
	}
	if r.typedNil(e, tv.Type, to, depth) {
		return
	}
	named, ok := r.boxable(tv.Type)
	if !ok {
		if r.copyIn(e, tv.Type, to, depth) {
			return
		}
		if _, isLit := e.(*ast.CompositeLit); isLit {
			// The interpreter stores a composite literal converted to an
			// interface as it is, where it must wrap it: the value then
			// cannot go into a []error. In parentheses it wraps it.
			r.prefix(e.Pos(), "(", depth)
			r.suffix(e.End(), ")", depth)
		}
		return
	}
	name := r.boxType(named)
	if name == "" {
		return
	}
	r.prefix(e.Pos(), "("+name+"{", depth)
	r.suffix(e.End(), "})", depth)
	r.rewrite(e.Pos(), "value of a named type in an interface")
}

// copyIn copies a struct value of a program type with methods where e
// converts it to the interface type to. The interpreter keeps in the
// interface a reference to the storage the value came from: a variable
// changed later, a range variable or a call's result reused by the next
// iteration of a loop, changes the value in the interface too. The copy is
// a call of a function whose parameter, fresh for each call, the interface
// refers to.
func (r *compatRewriter) copyIn(e ast.Expr, t, to types.Type, depth int) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg {
		return false
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return false
	}
	if types.NewMethodSet(named).Len() == 0 && types.NewMethodSet(types.NewPointer(named)).Len() == 0 {
		return false // stored without a reference
	}
	ts, ok := r.typeString(t)
	if !ok {
		return false
	}
	tos, ok := r.typeString(to)
	if !ok {
		return false
	}
	// The conversion is a variable's, not the return's: returned as an
	// interface, the interpreter would drop the value's methods.
	body := "(_v " + ts + ") " + tos + " { var _i " + tos + " = _v; return _i }"
	fn := "func" + body
	if named.Obj().Parent() == r.pkg.Scope() && named.TypeArgs().Len() == 0 {
		fn = r.helperNamed("copy "+ts+" "+tos, "cp", func(name string) string {
			return "func " + name + body
		})
	}
	r.prefix(e.Pos(), fn+"(", depth)
	r.suffix(e.End(), ")", depth)
	r.rewrite(e.Pos(), "value copied into an interface")
	return true
}

// typedNil checks a pointer to a program type where e converts it to an
// interface of another package with methods (error, fmt.Stringer): the
// interpreter makes a nil pointer a nil interface there, where Go makes an
// interface that is not nil and holds a nil pointer (err != nil). A nil
// pointer then panics, saying so, rather than run on as the other case.
func (r *compatRewriter) typedNil(e ast.Expr, t, to types.Type, depth int) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(p.Elem()).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg {
		return false
	}
	toNamed, ok := types.Unalias(to).(*types.Named)
	if !ok || toNamed.Obj().Pkg() == r.pkg {
		return false // a program interface keeps the pointer
	}
	if it, ok := to.Underlying().(*types.Interface); !ok || it.NumMethods() == 0 {
		return false
	}
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return false // &x is never nil
	}
	ts, ok := r.typeString(t)
	if !ok {
		return false
	}
	name := r.helperNamed("typed nil "+ts+" "+reflectName(to), "nonNil", func(name string) string {
		return "func " + name + "(_v " + ts + ", _l, _c int) " + ts + " { if _v == nil { panic(" + r.runtimeShim("TypedNil") + "(" +
			strconv.Quote(reflectName(t)) + ", " + strconv.Quote(reflectName(to)) + ", _l, _c)) }; return _v }"
	})
	pos := r.pos(e.Pos())
	r.prefix(e.Pos(), name+"(", depth)
	r.suffix(e.End(), ", "+strconv.Itoa(pos.Line)+", "+strconv.Itoa(pos.Col)+")", depth)
	r.rewrite(e.Pos(), "pointer converted to an interface, checked for nil")
	return true
}

// boxType declares the box of named and returns its name.
func (r *compatRewriter) boxType(named *types.Named) string {
	ts, ok := r.typeString(named)
	if !ok {
		return ""
	}
	id := r.typeID(named)
	return r.helperNamed("box "+typeKey(named), "box", func(name string) string {
		// The box has an id of its own, after the program's types.
		r.ptypes.list = append(r.ptypes.list, nil)
		boxID := len(r.ptypes.list)
		r.ptypes.boxes = append(r.ptypes.boxes, boxDesc{id: boxID, of: id, name: reflectName(named)})
		// At the end of the file, where the interpreter has seen the type.
		// The box forwards the methods of the value's method set itself:
		// the interpreter does not see promoted ones when it converts the
		// box to an interface.
		r.tail = append(r.tail, "type "+name+" struct{ V "+ts+" `"+markKey+`:"`+strconv.Itoa(boxID)+`"`+"` }",
			"func (_v "+name+") AirlockSelf() any { return _v.V }",
			"func ("+name+") AirlockName() string { return "+strconv.Quote(reflectName(named))+" }")
		ms := types.NewMethodSet(named)
		for i := range ms.Len() {
			fn, ok := ms.At(i).Obj().(*types.Func)
			if !ok || fn.Name() == "AirlockSelf" || fn.Name() == "AirlockName" {
				continue
			}
			if m, ok := r.forward(name, fn); ok {
				r.tail = append(r.tail, m)
			} else {
				return "" // a method the box cannot write: no box
			}
		}
		return ""
	})
}

// forward writes the method fn of the box's value as a method of the box.
func (r *compatRewriter) forward(box string, fn *types.Func) (string, bool) {
	sig := fn.Signature()
	var params, args []string
	for i := range sig.Params().Len() {
		pt := sig.Params().At(i).Type()
		p := "_p" + strconv.Itoa(i)
		if sig.Variadic() && i == sig.Params().Len()-1 {
			ts, ok := r.typeString(pt.(*types.Slice).Elem())
			if !ok {
				return "", false
			}
			params = append(params, p+" ..."+ts)
			args = append(args, p+"...")
			continue
		}
		ts, ok := r.typeString(pt)
		if !ok {
			return "", false
		}
		params = append(params, p+" "+ts)
		args = append(args, p)
	}
	var results []string
	for i := range sig.Results().Len() {
		ts, ok := r.typeString(sig.Results().At(i).Type())
		if !ok {
			return "", false
		}
		results = append(results, ts)
	}
	res := ""
	switch len(results) {
	case 0:
	case 1:
		res = " " + results[0]
	default:
		res = " (" + strings.Join(results, ", ") + ")"
	}
	call := "_v.V." + fn.Name() + "(" + strings.Join(args, ", ") + ")"
	if len(results) > 0 {
		call = "return " + call
	}
	return "func (_v " + box + ") " + fn.Name() + "(" + strings.Join(params, ", ") + ")" + res + " { " + call + " }", true
}

// boxDesc is a box type: its own id, and the id and name of the type it
// holds.
type boxDesc struct {
	id, of int
	name   string
}

// conversions finds where the program converts values to interface types
// for interpreted code, and boxes values of boxable types there.
func (r *compatRewriter) conversions(n ast.Node, stack []ast.Node) {
	depth := len(stack) + 1
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok == token.ASSIGN && len(n.Lhs) == len(n.Rhs) {
			for i, l := range n.Lhs {
				r.box(n.Rhs[i], r.info.TypeOf(l), depth)
			}
		}
	case *ast.ValueSpec:
		if n.Type != nil && len(n.Values) == len(n.Names) {
			for _, v := range n.Values {
				r.box(v, r.info.TypeOf(n.Type), depth)
			}
		}
	case *ast.ReturnStmt:
		sig := r.enclosingSignature(stack)
		if sig != nil && sig.Results().Len() == len(n.Results) {
			for i, e := range n.Results {
				r.box(e, sig.Results().At(i).Type(), depth)
			}
		}
	case *ast.SendStmt:
		if r.selectSent[n] {
			return
		}
		if ch, ok := r.info.TypeOf(n.Chan).Underlying().(*types.Chan); ok {
			r.box(n.Value, ch.Elem(), depth)
		}
	case *ast.CompositeLit:
		r.literalConversions(n, depth)
	case *ast.CallExpr:
		r.callConversions(n, depth)
	case *ast.IndexExpr:
		if m, ok := r.info.TypeOf(n.X).Underlying().(*types.Map); ok {
			r.box(n.Index, m.Key(), depth)
		}
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			tx, ty := r.info.TypeOf(n.X), r.info.TypeOf(n.Y)
			if tx != nil && ty != nil {
				r.box(n.X, ty, depth)
				r.box(n.Y, tx, depth)
			}
		}
	}
}

func (r *compatRewriter) literalConversions(lit *ast.CompositeLit, depth int) {
	t := r.info.TypeOf(lit)
	if t == nil {
		return
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		r.elementConversions(lit, nil, u.Elem(), depth)
	case *types.Array:
		r.elementConversions(lit, nil, u.Elem(), depth)
	case *types.Map:
		r.elementConversions(lit, u.Key(), u.Elem(), depth)
	case *types.Struct:
		for i, e := range lit.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					for j := range u.NumFields() {
						if u.Field(j).Name() == id.Name {
							r.box(kv.Value, u.Field(j).Type(), depth)
						}
					}
				}
				continue
			}
			if i < u.NumFields() {
				r.box(e, u.Field(i).Type(), depth)
			}
		}
	}
}

func (r *compatRewriter) elementConversions(lit *ast.CompositeLit, key, elem types.Type, depth int) {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if key != nil {
				r.box(kv.Key, key, depth)
			}
			r.box(kv.Value, elem, depth)
			continue
		}
		r.box(e, elem, depth)
	}
}

// callConversions boxes the arguments of calls of interpreted functions
// and of append, and the operand of a conversion to an interface.
func (r *compatRewriter) callConversions(c *ast.CallExpr, depth int) {
	if tv, ok := r.info.Types[c.Fun]; ok && tv.IsType() {
		if len(c.Args) == 1 && !r.pointerToInterface(c, tv.Type) {
			r.box(c.Args[0], tv.Type, depth)
		}
		return
	}
	if id, ok := ast.Unparen(c.Fun).(*ast.Ident); ok {
		if b, ok := r.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "append" && len(c.Args) > 1 && !c.Ellipsis.IsValid() {
				if s, ok := r.info.TypeOf(c.Args[0]).Underlying().(*types.Slice); ok {
					for _, a := range c.Args[1:] {
						r.box(a, s.Elem(), depth)
					}
				}
			}
			return
		}
	}
	if !r.interpretedCallee(c.Fun) {
		return
	}
	sig, ok := r.info.TypeOf(c.Fun).Underlying().(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range c.Args {
		var pt types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if c.Ellipsis.IsValid() {
				return
			}
			pt = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			pt = params.At(i).Type()
		default:
			return
		}
		r.box(a, pt, depth)
	}
}

// pointerToInterface rewrites I(p), p a pointer to a program type and I an
// interface of the program, as a call of a function that assigns p to an
// I: the interpreter's conversion makes a nil p a nil I, its assignment
// keeps the pointer, as Go does.
func (r *compatRewriter) pointerToInterface(c *ast.CallExpr, to types.Type) bool {
	named, ok := types.Unalias(to).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg || named.Obj().Parent() != r.pkg.Scope() || !types.IsInterface(named) {
		return false
	}
	p, ok := types.Unalias(r.info.TypeOf(c.Args[0])).(*types.Pointer)
	if !ok || namedOf(p.Elem()) == nil || namedOf(p.Elem()).Obj().Pkg() != r.pkg {
		return false
	}
	ps, ok1 := r.typeString(p)
	is, ok2 := r.typeString(named)
	if !ok1 || !ok2 {
		return false
	}
	name := r.helperNamed("to "+is+" "+ps, "to", func(name string) string {
		return "func " + name + "(_v " + ps + ") " + is + " { var _i " + is + " = _v; return _i }"
	})
	r.replace(c.Fun.Pos(), c.Fun.End(), name)
	r.rewrite(c.Pos(), "pointer converted to an interface")
	return true
}

// interpretedCallee reports whether a call's function is the program's:
// a function or method it declares, or a function value.
func (r *compatRewriter) interpretedCallee(fun ast.Expr) bool {
	switch f := ast.Unparen(fun).(type) {
	case *ast.Ident:
		obj := r.info.Uses[f]
		if fn, ok := obj.(*types.Func); ok {
			return fn.Pkg() == r.pkg
		}
		return obj != nil && obj.Pkg() == r.pkg // a variable holding a function
	case *ast.SelectorExpr:
		if sel, ok := r.info.Selections[f]; ok {
			if fn, ok := sel.Obj().(*types.Func); ok {
				return fn.Pkg() == r.pkg && !types.IsInterface(sel.Recv())
			}
			return sel.Obj().Pkg() == r.pkg // a field holding a function
		}
		return false // a function of another package
	case *ast.FuncLit:
		return true
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true // an instantiated program function, or a function in a slice
	}
	return false
}

// enclosingSignature is the signature of the innermost function around.
func (r *compatRewriter) enclosingSignature(stack []ast.Node) *types.Signature {
	for k := len(stack) - 1; k >= 0; k-- {
		switch f := stack[k].(type) {
		case *ast.FuncLit:
			sig, _ := r.info.TypeOf(f).(*types.Signature)
			return sig
		case *ast.FuncDecl:
			if obj, ok := r.info.Defs[f.Name].(*types.Func); ok {
				return obj.Signature()
			}
			return nil
		}
	}
	return nil
}

// isShim names the shim that tests an interface value for the type t: Is
// by the type's Go name, or IsLike, which also takes a bare value of the
// same reflect type, when values of t are not boxed and so cannot be told
// apart from others ([]Level from []int).
func (r *compatRewriter) isShim(t types.Type) string {
	if _, ok := r.boxable(t); ok {
		return r.runtimeShim("Is")
	}
	if r.mentionsBare(t, map[types.Type]bool{}) {
		return r.runtimeShim("IsLike")
	}
	return r.runtimeShim("Is")
}

// mentionsBare reports whether t is or holds a program type that is not a
// struct and is not boxed.
func (r *compatRewriter) mentionsBare(t types.Type, seen map[types.Type]bool) bool {
	if seen[t] {
		return false
	}
	seen[t] = true
	switch u := types.Unalias(t).(type) {
	case *types.Named:
		if u.Obj().Pkg() == r.pkg {
			switch u.Underlying().(type) {
			case *types.Struct, *types.Interface:
				return false
			}
			return true
		}
	case *types.Pointer:
		return r.mentionsBare(u.Elem(), seen)
	case *types.Slice:
		return r.mentionsBare(u.Elem(), seen)
	case *types.Array:
		return r.mentionsBare(u.Elem(), seen)
	case *types.Map:
		return r.mentionsBare(u.Key(), seen) || r.mentionsBare(u.Elem(), seen)
	case *types.Chan:
		return r.mentionsBare(u.Elem(), seen)
	}
	return false
}
