package compat

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// initOrder initialises the package-level variables in Go's order. Go
// initialises a variable after everything its initializer refers to,
// also through the bodies of the functions it calls (var total = sum()
// after var prices, which sum reads, wherever prices is declared); the
// interpreter goes by the source and the references it sees directly, so
// total would be summed over a nil slice. Where Go's order is not the
// source's, each initializer that refers to the program's functions or
// variables becomes a function literal, and one init function, declared
// before any of the program's, calls them in Go's order:
//
//	var total = sum()        var total int; var _init1 = func() int { return sum() }
//	                         ... func init() { total = _init1(); ... }
//
// The initializers stay on their lines.
func (r *compatRewriter) initOrder() {
	order := r.info.InitOrder
	inSource := true
	last := token.NoPos
	for _, in := range order {
		if len(in.Lhs) == 0 {
			continue
		}
		if p := in.Lhs[0].Pos(); p < last {
			inSource = false
			break
		} else {
			last = p
		}
	}
	if inSource {
		return
	}
	specs := map[*types.Var]*ast.ValueSpec{}
	decls := map[*ast.ValueSpec]*ast.GenDecl{}
	for _, d := range r.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, s := range gd.Specs {
			vs := s.(*ast.ValueSpec)
			decls[vs] = gd
			for _, id := range vs.Names {
				if v, ok := r.info.Defs[id].(*types.Var); ok {
					specs[v] = vs
				}
			}
		}
	}
	r.initSpecs = map[*ast.ValueSpec]bool{}
	var calls []string
	for _, in := range order {
		if len(in.Lhs) == 0 {
			continue
		}
		vs := specs[in.Lhs[0]]
		if vs == nil || r.initSpecs[vs] || len(vs.Values) == 0 || !r.refersToProgram(vs.Values) {
			continue
		}
		call, ok := r.deferInit(vs, decls[vs])
		if !ok {
			r.unsupported(vs.Pos(), "this package-level variable must be initialised after others it reaches through functions, which the interpreter cannot do here",
				"initialise the variable in func init() or main")
			continue
		}
		r.initSpecs[vs] = true
		calls = append(calls, call)
	}
	if len(calls) > 0 {
		r.decls = append(r.decls, "func init() { "+strings.Join(calls, "; ")+" }")
		r.rewrite(r.file.Name.Pos(), "package-level variables initialised in Go's order")
	}
}

// refersToProgram reports whether the expressions use a package-level
// variable or a function or method of the program.
func (r *compatRewriter) refersToProgram(es []ast.Expr) bool {
	found := false
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || found {
				return !found
			}
			switch obj := r.info.Uses[id].(type) {
			case *types.Var:
				found = obj.Parent() == r.pkg.Scope()
			case *types.Func:
				found = obj.Pkg() == r.pkg
			}
			return !found
		})
	}
	return found
}

// deferInit turns the initializer of vs into a package-level function
// literal and returns the statement of the init function that calls it.
func (r *compatRewriter) deferInit(vs *ast.ValueSpec, gd *ast.GenDecl) (string, bool) {
	sep := "; var "
	if gd.Lparen.IsValid() {
		sep = "; "
	}
	var names, types_ []string
	for _, id := range vs.Names {
		obj := r.info.Defs[id]
		if obj == nil {
			return "", false
		}
		ts, ok := r.typeString(obj.Type())
		if !ok {
			return "", false
		}
		name := id.Name
		if name == "_" {
			name = r.name("blank")
		}
		names = append(names, name)
		types_ = append(types_, ts)
	}
	if vs.Type != nil {
		if _, ok := vs.Type.(*ast.StructType); ok {
			return "", false // its marks are edits of their own
		}
	}
	fn := r.name("init")
	var decl strings.Builder
	for i, name := range names {
		if i > 0 {
			decl.WriteString(sep)
		}
		decl.WriteString(name + " " + types_[i])
	}
	results := types_[0]
	if len(types_) > 1 {
		results = "(" + strings.Join(types_, ", ") + ")"
	}
	decl.WriteString(sep + fn + " = func() " + results + " { return ")
	r.replace(vs.Names[0].Pos(), vs.Values[0].Pos(), decl.String())
	r.suffix(vs.Values[len(vs.Values)-1].End(), " }", 0)
	return strings.Join(names, ", ") + " = " + fn + "()", true
}
