package compat

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/airlockhq/airlock/internal/library"
)

// The interpreter evaluates constant expressions its own way: 7 / 2 * 2.0
// is 7 (Go: 6, as 7 / 2 is an integer division of untyped integers), and a
// typed constant defined by an expression (K = iota + 1) gets the wrong
// type, so that k == B is false for k := B. The type checker already knows
// every constant's exact value, so foldConstants writes each constant
// expression as its value before the other rewrites run: "6.0" for
// 7 / 2 * 2.0, "K(2)" for a constant of type K, and every constant
// specification with its type and value spelled out.

// foldConstants returns src with its constant expressions replaced by
// their values, or src itself when there are none.
func foldConstants(fset *token.FileSet, file *ast.File, info *types.Info, src []byte) []byte {
	r := &compatRewriter{tok: fset.File(file.Pos()), file: file, info: info, src: src,
		imports: map[string]string{}, helpers: map[string]string{}}
	for _, obj := range info.Defs {
		if obj != nil && obj.Pkg() != nil {
			r.pkg = obj.Pkg()
			break
		}
	}
	if r.pkg == nil {
		return src
	}
	for _, spec := range file.Imports {
		if pkgName := info.PkgNameOf(spec); pkgName != nil {
			r.imports[pkgName.Imported().Path()] = pkgName.Name()
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GenDecl:
			if n.Tok == token.CONST {
				for _, s := range n.Specs {
					r.constSpec(s.(*ast.ValueSpec))
				}
				return false
			}
		case *ast.CaseClause:
			return true
		case ast.Expr:
			return !r.foldExpr(n)
		}
		return true
	})
	if len(r.edits) == 0 || len(r.findings) > 0 {
		return src
	}
	return r.apply()
}

// constSpec writes a constant specification with each name's type and
// value: "B" after "A Kind = iota + 1" becomes "B Kind = Kind(2)".
func (r *compatRewriter) constSpec(vs *ast.ValueSpec) {
	if len(vs.Values) > 0 && r.simpleValues(vs.Values) {
		return // literals and names the interpreter evaluates right
	}
	var values []string
	typed := ""
	for _, id := range vs.Names {
		c, ok := r.info.Defs[id].(*types.Const)
		if !ok {
			return
		}
		lit, ok := r.constLiteral(c.Val(), c.Type())
		if !ok {
			return
		}
		values = append(values, lit)
		if b, isBasic := c.Type().(*types.Basic); !isBasic || b.Info()&types.IsUntyped == 0 {
			ts, ok := r.typeString(c.Type())
			if !ok {
				return
			}
			typed = " " + ts
		}
	}
	if vs.Type != nil {
		typed = " " + r.text(vs.Type)
	}
	last := vs.Names[len(vs.Names)-1]
	end := vs.End()
	r.replace(last.End(), end, typed+" = "+strings.Join(values, ", "))
}

// foldExpr replaces a constant expression that is more than a literal or
// a name by its value. It reports whether it did.
func (r *compatRewriter) foldExpr(e ast.Expr) bool {
	tv, ok := r.info.Types[e]
	if !ok || tv.Value == nil || !tv.IsValue() {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit, *ast.Ident:
		return false
	case *ast.SelectorExpr:
		if _, isPkg := r.info.Uses[identOf(x.X)].(*types.PkgName); isPkg {
			return false // a constant of a package: the interpreter has its value
		}
	case *ast.CallExpr:
		if len(x.Args) == 1 {
			if tvf, ok := r.info.Types[x.Fun]; ok && tvf.IsType() {
				if _, isLit := ast.Unparen(x.Args[0]).(*ast.BasicLit); isLit {
					return false // a conversion of a literal, as the fold writes it
				}
			}
		}
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
	case constant.Bool:
		// Comparisons of constants, which the interpreter makes at run
		// time on int64s: 1<<100 > 1 is false to it.
		switch ast.Unparen(e).(type) {
		case *ast.BinaryExpr, *ast.UnaryExpr:
		default:
			return false
		}
	default:
		return false
	}
	t := tv.Type
	if !r.typedConstant(e) {
		// An untyped constant, converted where it is used: write it as a
		// literal of its own kind and leave the conversion to the context.
		switch {
		case tv.Value.Kind() == constant.Bool:
			t = types.Typ[types.UntypedBool]
		case r.hasRuneLiteral(e):
			t = types.Typ[types.UntypedRune]
		case tv.Value.Kind() == constant.Float:
			t = types.Typ[types.UntypedFloat]
		default:
			t = types.Typ[types.UntypedInt]
		}
	}
	lit, ok := r.constLiteral(tv.Value, t)
	if !ok {
		return false
	}
	r.replace(e.Pos(), e.End(), lit)
	return true
}

// typedConstant reports whether a constant expression is typed: one of its
// operands is a typed constant or a conversion.
func (r *compatRewriter) typedConstant(e ast.Expr) bool {
	typed := false
	ast.Inspect(e, func(n ast.Node) bool {
		if typed {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if c, ok := r.info.Uses[n].(*types.Const); ok {
				if b, isBasic := c.Type().(*types.Basic); !isBasic || b.Info()&types.IsUntyped == 0 {
					typed = true
				}
			}
		case *ast.SelectorExpr:
			if c, ok := r.info.Uses[n.Sel].(*types.Const); ok {
				if b, isBasic := c.Type().(*types.Basic); !isBasic || b.Info()&types.IsUntyped == 0 {
					typed = true
				}
			}
			return false
		case *ast.CallExpr:
			if tv, ok := r.info.Types[n.Fun]; ok && tv.IsType() {
				typed = true
				return false
			}
			// len, cap, real, imag... of constants: typed by their result.
			if tv, ok := r.info.Types[n]; ok {
				if b, isBasic := tv.Type.(*types.Basic); isBasic && b.Info()&types.IsUntyped == 0 {
					if id := identOf(n.Fun); id != nil {
						if _, builtin := r.info.Uses[id].(*types.Builtin); builtin && (id.Name == "len" || id.Name == "cap") {
							typed = true
						}
					}
				}
			}
		}
		return true
	})
	return typed
}

// hasRuneLiteral reports whether a constant expression has a rune
// literal, which makes an untyped constant a rune.
func (r *compatRewriter) hasRuneLiteral(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.CHAR {
			found = true
		}
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := r.info.Uses[id].(*types.Const); ok && c.Type() == types.Typ[types.UntypedRune] {
				found = true
			}
		}
		return !found
	})
	return found
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// constLiteral writes the constant v of type t as Go source: a literal of
// the untyped kind, converted to t when t is not untyped.
func (r *compatRewriter) constLiteral(v constant.Value, t types.Type) (string, bool) {
	b, isBasic := t.Underlying().(*types.Basic)
	if !isBasic {
		return "", false
	}
	var lit string
	switch {
	case b.Info()&types.IsBoolean != 0:
		lit = strconv.FormatBool(constant.BoolVal(v))
	case b.Info()&types.IsString != 0:
		lit = strconv.Quote(constant.StringVal(v))
	case b.Info()&types.IsComplex != 0:
		return "", false
	case b.Kind() == types.UntypedRune:
		n, ok := constant.Int64Val(constant.ToInt(v))
		if !ok || n < 0 || n > 0x10FFFF {
			return "", false
		}
		lit = strconv.QuoteRune(rune(n))
	case b.Info()&types.IsInteger != 0:
		iv := constant.ToInt(v)
		if iv.Kind() != constant.Int {
			return "", false
		}
		lit = iv.ExactString()
	case b.Info()&types.IsFloat != 0:
		f, _ := constant.Float64Val(constant.ToFloat(v))
		lit = strconv.FormatFloat(f, 'g', -1, 64)
		if strings.ContainsAny(lit, "IN") {
			return "", false // out of float64's range: leave it to the interpreter
		}
		if !strings.ContainsAny(lit, ".e") {
			lit += ".0"
		}
	default:
		return "", false
	}
	if b.Info()&types.IsUntyped != 0 {
		if strings.HasPrefix(lit, "-") {
			lit = "(" + lit + ")"
		}
		return lit, true
	}
	ts, ok := r.typeString(t)
	if !ok {
		return "", false
	}
	return ts + "(" + lit + ")", true
}

// reparse type-checks src again after foldConstants changed it.
func reparse(fset *token.FileSet, name string, src []byte, imp types.Importer) (*ast.File, *types.Info, error) {
	file, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, err
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{GoVersion: library.GoVersion, Importer: imp, FakeImportC: true, Sizes: library.Sizes}
	if _, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, info); err != nil {
		return nil, nil, err
	}
	return file, info, nil
}
