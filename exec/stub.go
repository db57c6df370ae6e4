package exec

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/plan"
)

// stubSource turns a tool package's declarations into a compilable package
// whose functions forward each call to the parent. Declarations keep their
// types and doc comments; only bodies are added.
func stubSource(pkg plan.ToolPackage) (string, error) {
	fset := token.NewFileSet()
	src := pkg.Source
	f, err := parser.ParseFile(fset, pkg.Path+".go", src, parser.ParseComments)
	if err != nil {
		return "", fmt.Errorf("tool package %s: %w", pkg.Path, err)
	}
	text := func(n ast.Node) string {
		return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport %q\n", f.Name.Name, child.RuntimePackage)
	for _, imp := range f.Imports {
		fmt.Fprintf(&b, "import %s\n", text(imp))
	}
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok {
			if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				continue
			}
			b.WriteString("\n" + text(decl) + "\n")
			continue
		}
		if fn.Body != nil || fn.Recv != nil {
			return "", fmt.Errorf("tool package %s: %s must be a declaration without body or receiver", pkg.Path, fn.Name.Name)
		}
		body, err := stubBody(pkg.Name+"."+fn.Name.Name, fn.Type, text)
		if err != nil {
			return "", fmt.Errorf("tool package %s: %w", pkg.Path, err)
		}
		b.WriteString("\n")
		if fn.Doc != nil {
			b.WriteString(text(fn.Doc) + "\n")
		}
		// A FuncDecl's type spans "func Name(params) results".
		fmt.Fprintf(&b, "%s %s\n", text(fn.Type), body)
	}
	return b.String(), nil
}

// stubBody writes the forwarding body of one tool function. A tool returns
// (T, error) or error.
func stubBody(tool string, ft *ast.FuncType, text func(ast.Node) string) (string, error) {
	var args []string
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			return "", fmt.Errorf("%s: parameters must be named", tool)
		}
		for _, n := range field.Names {
			args = append(args, n.Name)
		}
	}
	call := fmt.Sprintf("%s.Call(%q, []any{%s}", child.RuntimePackage, tool, strings.Join(args, ", "))
	var results []ast.Expr
	if ft.Results != nil {
		for _, field := range ft.Results.List {
			for range max(1, len(field.Names)) {
				results = append(results, field.Type)
			}
		}
	}
	switch {
	case len(results) == 1 && text(results[0]) == "error":
		return fmt.Sprintf("{\n\treturn %s, nil)\n}", call), nil
	case len(results) == 2 && text(results[1]) == "error":
		return fmt.Sprintf("{\n\tvar r %s\n\terr := %s, &r)\n\treturn r, err\n}", text(results[0]), call), nil
	}
	return "", fmt.Errorf("%s: a tool must return error or (T, error)", tool)
}
