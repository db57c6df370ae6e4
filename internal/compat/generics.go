package compat

import (
	"go/ast"
	"go/types"
)

// Inside a generic function, the interpreter substitutes each type
// parameter with the type argument's qualified name, which it cannot look
// up when the argument is a program type ("main.meters"). Where the type
// parameter stands as a type (var x T, []T{}, x.(T), new(T)) it works;
// where it stands as an expression the program crashes with a nil pointer
// dereference: a conversion T(x), and the single type argument of an
// instantiation, F[T] or F[*T]. Conversions become composite literals or a
// shim; F[T] is left to inference.

// typeParamConversion rewrites the conversion T(x) to the type parameter T:
// to []T{x}[0] when x is assignable to T (a constant is, for every type of
// T's type set, or the conversion would not type-check), else to a call of
// the Convert shim storing into a result of type T.
func (r *compatRewriter) typeParamConversion(c *ast.CallExpr, t *types.TypeName, stack []ast.Node) {
	if len(c.Args) != 1 {
		return
	}
	arg := r.info.Types[c.Args[0]]
	if arg.Value != nil || arg.Type != nil && !r.isUntyped(arg) && types.AssignableTo(arg.Type, t.Type()) {
		r.replace(c.Fun.Pos(), c.Lparen+1, "[]"+t.Name()+"{")
		r.replace(c.Rparen, c.Rparen+1, "}[0]")
		r.rewrite(c.Pos(), "conversion to a type parameter")
		return
	}
	res := r.name("r")
	r.replace(c.Fun.Pos(), c.Lparen+1, "func() ("+res+" "+t.Name()+") { "+r.runtimeShim("Convert")+"(")
	sep := ", "
	if r.trailingComma(c) {
		sep = " "
	}
	r.replace(c.Rparen, c.Rparen+1, sep+"&"+res+"); return }()")
	r.rewrite(c.Pos(), "conversion to a type parameter")
}

// isTypeParamOrPointer reports whether t is a type parameter, or a pointer
// to one.
func isTypeParamOrPointer(t types.Type) bool {
	for {
		switch u := t.(type) {
		case *types.TypeParam:
			return true
		case *types.Pointer:
			t = u.Elem()
		default:
			return false
		}
	}
}

// typeParamArg handles the instantiation of the program generic function
// id whose single type argument is a type parameter (or a pointer to one).
// Written implicitly, it stays so. Written explicitly, F[T](x), the type
// argument is dropped when an argument of exactly that type infers it;
// otherwise it is reported.
func (r *compatRewriter) typeParamArg(id *ast.Ident, inst types.Instance, stack []ast.Node) {
	ix, ok := parent(stack).(*ast.IndexExpr)
	if !ok || ix.X != id {
		return // inferred
	}
	fn, _ := r.info.Uses[id].(*types.Func)
	if fn != nil && len(stack) >= 2 {
		if c, ok := stack[len(stack)-2].(*ast.CallExpr); ok && ast.Unparen(c.Fun) == ix {
			generic, isig := fn.Signature(), inst.Type.(*types.Signature)
			tparam := generic.TypeParams().At(0)
			for i, a := range c.Args {
				if i >= generic.Params().Len() || c.Ellipsis.IsValid() {
					break
				}
				at := r.info.Types[a]
				if types.Identical(generic.Params().At(i).Type(), tparam) && at.Type != nil && !r.isUntyped(at) &&
					types.Identical(at.Type, isig.Params().At(i).Type()) {
					r.replace(ix.Lbrack, ix.Rbrack+1, "")
					r.rewrite(ix.Pos(), "type argument left to inference")
					return
				}
			}
		}
	}
	targ := r.text(ix.Index)
	r.unsupported(ix.Pos(), id.Name+"["+targ+"] with the type parameter "+targ+" as its only type argument is not supported: the interpreter cannot instantiate it when "+targ+" is a type of the program",
		"let the type argument be inferred: call "+id.Name+" with an argument of type "+targ+", adding such a parameter if it has none")
}
