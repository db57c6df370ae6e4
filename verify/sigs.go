package verify

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/airlockhq/airlock/plan"
)

// ToolSigs lists the tools of tool packages: one per exported function,
// named "<provider>.<Func>", with its parameter names in order. Every
// parameter must be named, since rules read arguments by name.
func ToolSigs(pkgs ...plan.ToolPackage) ([]ToolSig, error) {
	var sigs []ToolSig
	for _, pkg := range pkgs {
		f, err := parser.ParseFile(token.NewFileSet(), pkg.Path+".go", pkg.Source, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("tool package %s: %w", pkg.Path, err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !fn.Name.IsExported() {
				continue
			}
			sig := ToolSig{Name: pkg.Name + "." + fn.Name.Name}
			if strings.HasPrefix(pkg.Path, toolPackagePrefix+"mcp/") {
				sig.Provider = "mcp"
			}
			for _, field := range fn.Type.Params.List {
				if len(field.Names) == 0 {
					return nil, fmt.Errorf("tool %s: parameters must be named", sig.Name)
				}
				for _, name := range field.Names {
					sig.Params = append(sig.Params, name.Name)
				}
			}
			sigs = append(sigs, sig)
		}
	}
	return sigs, nil
}
