package plan

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/airlockhq/airlock/plan/pass"
)

// collectUses finds every reference to a function or method of a tool
// package. It goes by the objects the type checker resolved, never by
// names, so renamed and dot imports, shadowed package names and tools taken
// as values are all found.
func (b *builder) collectUses() {
	if len(b.toolPkgs) == 0 {
		return
	}
	for id, obj := range b.info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if tool, ok := b.toolPkgs[fn.Pkg()]; ok {
			b.plan.Uses = append(b.plan.Uses, b.use(tool, fn, id, pathTo(b.file, id)))
		}
	}
}

// pathTo returns the ancestors of id, from the file down, descending only
// into the nodes that enclose it.
func pathTo(file *ast.File, id *ast.Ident) []ast.Node {
	var path []ast.Node
	ast.PreorderStack(file, nil, func(n ast.Node, stack []ast.Node) bool {
		switch {
		case path != nil || n.Pos() > id.Pos() || n.End() <= id.Pos():
			return false
		case n == id:
			path = slices.Clone(stack)
			return false
		}
		return true
	})
	return path
}

// use describes the reference id to fn; stack holds id's ancestors.
func (b *builder) use(tool ToolPackage, fn *types.Func, id *ast.Ident, stack []ast.Node) ToolUse {
	// e is the expression that denotes the function: the identifier, the
	// selector ending in it, seen through parentheses and instantiation.
	var e ast.Expr = id
	i := len(stack) - 1
	methodExpr := false
	if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
		e = sel
		i--
		if s := b.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			methodExpr = true
		}
	}
up:
	for ; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.IndexExpr:
			if p.X != e {
				break up
			}
		case *ast.IndexListExpr:
			if p.X != e {
				break up
			}
		default:
			break up
		}
		e = stack[i].(ast.Expr)
	}
	var call *ast.CallExpr
	if c, ok := stack[i].(*ast.CallExpr); ok && c.Fun == e {
		call = c
	}

	u := ToolUse{
		Tool:    pass.ToolName(tool, fn),
		Kind:    "value",
		Context: useContext(stack, call),
		Pos:     b.pos(e.Pos()),
		Args:    []Arg{},
	}
	if call != nil {
		u.Kind = "call"
		u.Args = b.args(fn, call, methodExpr)
	} else if !methodExpr {
		u.Calls = b.callsThrough(fn, e, stack[:i+1])
	}
	return u
}

// useContext says where a use runs. "init" and "package-var" name the
// declaration holding it, whatever is nested inside; otherwise the innermost
// of a deferred or go call (the call itself, or the body of a function
// literal it calls) and a function literal wins. Arguments of a deferred
// call are evaluated at once, so they take the enclosing context.
func useContext(stack []ast.Node, call *ast.CallExpr) string {
	if len(stack) > 1 {
		switch d := stack[1].(type) {
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" {
				return "init"
			}
		case *ast.GenDecl:
			return "package-var"
		}
	}
	for i := len(stack) - 1; i > 0; i-- {
		switch n := stack[i].(type) {
		case *ast.DeferStmt:
			if call != nil && n.Call == call {
				return "defer"
			}
		case *ast.GoStmt:
			if call != nil && n.Call == call {
				return "go"
			}
		case *ast.FuncLit:
			if i >= 2 {
				if c, ok := stack[i-1].(*ast.CallExpr); ok && c.Fun == n {
					switch s := stack[i-2].(type) {
					case *ast.DeferStmt:
						if s.Call == c {
							return "defer"
						}
					case *ast.GoStmt:
						if s.Call == c {
							return "go"
						}
					}
				}
			}
			return "closure"
		}
	}
	return ""
}

// args describes the arguments of a call, one per parameter named as the
// tool declares it; for a method expression the receiver comes first.
func (b *builder) args(fn *types.Func, call *ast.CallExpr, methodExpr bool) []Arg {
	sig := fn.Origin().Signature()
	var names []string
	if methodExpr {
		names = append(names, pass.ParamName(sig.Recv().Name(), "recv"))
	}
	for i := range sig.Params().Len() {
		names = append(names, pass.ParamName(sig.Params().At(i).Name(), fmt.Sprintf("arg%d", i)))
	}
	spread := call.Ellipsis.IsValid()
	// name is the name of the i'th argument: variadic extras are indexed.
	name := func(i int) string {
		last := len(names) - 1
		switch {
		case sig.Variadic() && i >= last && !spread:
			return fmt.Sprintf("%s[%d]", names[last], i-last)
		case i < len(names):
			return names[i]
		}
		return fmt.Sprintf("arg%d", i)
	}

	args := []Arg{}
	// f(g()) where g returns several values: none is known.
	if len(call.Args) == 1 {
		if t, ok := b.info.Types[call.Args[0]].Type.(*types.Tuple); ok && t.Len() > 1 {
			for i := range t.Len() {
				args = append(args, Arg{Name: name(i), Expr: b.text(call.Args[0])})
			}
			return args
		}
	}
	for i, a := range call.Args {
		arg := Arg{Name: name(i), Expr: b.text(a)}
		if !(spread && i == len(call.Args)-1) {
			arg.Value, arg.Known = b.literal(a, 0)
			if !arg.Known {
				if b.values == nil {
					b.values = newValues(b.file, b.info)
				}
				switch vals, ok := b.values.of(a, 0); {
				case ok && len(vals) == 1:
					arg.Value, arg.Known = vals[0], true
				case ok:
					arg.Values = vals
				}
			}
		}
		args = append(args, arg)
	}
	return args
}

// constValue converts a constant argument to the plain value a policy sees.
// maxLiteralDepth bounds how deeply literal folds nested composite
// literals.
const maxLiteralDepth = 16

// literal returns the value of an argument known before run time: a
// constant, or a composite literal of a tool package's struct type (the
// arguments of an MCP tool) whose elements are all known, as the JSON its
// stub will send: a map keyed by json tag, with omitempty zero values left
// out and the fields not written holding their zero values.
func (b *builder) literal(e ast.Expr, depth int) (any, bool) {
	if v, ok := constValue(b.info.Types[e].Value); ok {
		return v, true
	}
	if depth > maxLiteralDepth {
		return nil, false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	cl, ok := e.(*ast.CompositeLit)
	if !ok {
		if id, ok := e.(*ast.Ident); ok && id.Name == "nil" && b.info.Types[e].IsNil() {
			return nil, true
		}
		return nil, false
	}
	typ := b.info.Types[cl].Type
	if typ == nil {
		return nil, false
	}
	switch t := typ.Underlying().(type) {
	case *types.Struct:
		named, ok := types.Unalias(typ).(*types.Named)
		if !ok || b.toolPkgs[named.Obj().Pkg()].Path == "" {
			return nil, false
		}
		values := make([]any, t.NumFields())
		set := make([]bool, t.NumFields())
		for i, el := range cl.Elts {
			idx, val := i, el
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				id, ok := kv.Key.(*ast.Ident)
				if !ok {
					return nil, false
				}
				idx = -1
				for j := range t.NumFields() {
					if t.Field(j).Name() == id.Name {
						idx = j
					}
				}
				val = kv.Value
			}
			if idx < 0 || idx >= t.NumFields() {
				return nil, false
			}
			v, ok := b.literal(val, depth+1)
			if !ok {
				return nil, false
			}
			values[idx], set[idx] = v, true
		}
		m := map[string]any{}
		for i := range t.NumFields() {
			f := t.Field(i)
			if f.Embedded() || !f.Exported() {
				return nil, false
			}
			name, omit := jsonField(reflect.StructTag(t.Tag(i)).Get("json"), f.Name())
			if name == "-" {
				continue
			}
			v := values[i]
			if !set[i] {
				var ok bool
				if v, ok = zeroValue(f.Type(), depth); !ok {
					return nil, false
				}
			}
			if omit && isEmpty(v) {
				continue
			}
			m[name] = v
		}
		return m, true
	case *types.Slice, *types.Array:
		if _, ok := t.(*types.Array); ok {
			return nil, false // sized arrays pad with zero values: rare, left to run time
		}
		list := make([]any, 0, len(cl.Elts))
		for _, el := range cl.Elts {
			if _, ok := el.(*ast.KeyValueExpr); ok {
				return nil, false
			}
			v, ok := b.literal(el, depth+1)
			if !ok {
				return nil, false
			}
			list = append(list, v)
		}
		return list, true
	}
	return nil, false
}

// jsonField reads a json struct tag: the property name and omitempty.
func jsonField(tag, field string) (name string, omitEmpty bool) {
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = field
	}
	for opts != "" {
		var opt string
		opt, opts, _ = strings.Cut(opts, ",")
		if opt == "omitempty" {
			omitEmpty = true
		}
	}
	return name, omitEmpty
}

// zeroValue is the JSON value of a field the literal does not write.
func zeroValue(t types.Type, depth int) (any, bool) {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return "", true
		case u.Info()&types.IsBoolean != 0:
			return false, true
		case u.Info()&types.IsInteger != 0:
			return int64(0), true
		case u.Info()&types.IsFloat != 0:
			return int64(0), true // encoding/json writes 0; the provider reads it back as a whole number
		}
	case *types.Slice, *types.Map, *types.Pointer, *types.Interface:
		return nil, true
	case *types.Struct:
		if depth > maxLiteralDepth {
			return nil, false
		}
		m := map[string]any{}
		for i := range u.NumFields() {
			f := u.Field(i)
			if f.Embedded() || !f.Exported() {
				return nil, false
			}
			name, omit := jsonField(reflect.StructTag(u.Tag(i)).Get("json"), f.Name())
			if name == "-" || omit {
				continue
			}
			v, ok := zeroValue(f.Type(), depth+1)
			if !ok {
				return nil, false
			}
			m[name] = v
		}
		return m, true
	}
	return nil, false
}

// isEmpty reports what encoding/json's omitempty leaves out.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case int64:
		return x == 0
	case float64:
		return x == 0
	case []any:
		return len(x) == 0
	}
	return false // a struct is never empty
}

func constValue(v constant.Value) (any, bool) {
	if v == nil {
		return nil, false
	}
	switch v.Kind() {
	case constant.String:
		return constant.StringVal(v), true
	case constant.Bool:
		return constant.BoolVal(v), true
	case constant.Int:
		if x, exact := constant.Int64Val(v); exact {
			return x, true
		}
	case constant.Float:
		if x, _ := constant.Float64Val(v); !math.IsInf(x, 0) {
			return x, true
		}
	}
	return nil, false
}

// callsThrough returns the calls made through a local variable that a
// tool function e is assigned to, as in read := fs.ReadFile, with their
// arguments: nil unless the variable is assigned only there and every other
// use of it is a call of it.
func (b *builder) callsThrough(fn *types.Func, e ast.Expr, stack []ast.Node) []Call {
	var x *types.Var
	switch p := stack[len(stack)-1].(type) {
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == 1 && len(p.Rhs) == 1 && p.Rhs[0] == e {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				x, _ = b.info.Defs[id].(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 && p.Values[0] == e {
			x, _ = b.info.Defs[p.Names[0]].(*types.Var)
		}
	}
	if x == nil || x.Parent() == nil || x.Parent() == x.Pkg().Scope() {
		return nil // package variables may be set from anywhere
	}
	var calls []Call
	ok := true
	ast.PreorderStack(b.file, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isIdent := n.(*ast.Ident)
		if !ok || !isIdent || b.info.Uses[id] != x {
			return ok
		}
		parent := stack[len(stack)-1]
		if c, isCall := parent.(*ast.CallExpr); isCall && c.Fun == id {
			calls = append(calls, Call{Pos: b.pos(c.Pos()), Args: b.args(fn, c, false)})
			return true
		}
		ok = false // assigned again, passed on, or its address taken
		return false
	})
	if !ok || len(calls) == 0 {
		return nil
	}
	return calls
}
