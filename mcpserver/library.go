package mcpserver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/internal/table"
	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools"
)

// librarySigs are the functions and methods of the packages every program
// may import besides its tools, airlock and airlock/table, named as tools
// are ("table.FromRecords", "table.Table.Where"), for search_tools and
// describe_tool.
var librarySigs = sync.OnceValue(func() []tools.ToolSig {
	var out []tools.ToolSig
	for _, pkg := range []plan.ToolPackage{plan.Runtime(), {Path: table.Path, Name: "table", Source: table.Declaration}} {
		out = append(out, declSigs(pkg)...)
	}
	return out
})

// declSigs lists the exported functions and methods of a declaration.
func declSigs(pkg plan.ToolPackage) []tools.ToolSig {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, pkg.Name+".go", pkg.Source, parser.ParseComments)
	if err != nil {
		return nil // the declarations parse (a test holds it)
	}
	var out []tools.ToolSig
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || !fd.Name.IsExported() {
			continue
		}
		name := pkg.Name + "." + fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) == 1 {
			t := fd.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if id, ok := t.(*ast.Ident); ok {
				name = pkg.Name + "." + id.Name + "." + fd.Name.Name
			}
		}
		doc := fd.Doc.Text()
		fd.Doc = nil
		var sig bytes.Buffer
		printer.Fprint(&sig, fset, fd)
		out = append(out, tools.ToolSig{Name: name, Import: pkg.Path, Signature: sig.String(), Doc: strings.TrimSpace(doc)})
	}
	return out
}

// libraryMatching lists the library functions called name: a package
// ("table"), a function ("table.FromRecords"), a method ("table.Table.Where",
// or "table.Where" for any type's).
func libraryMatching(name string) []tools.ToolSig {
	var out []tools.ToolSig
	for _, sig := range librarySigs() {
		pkg, rest, _ := strings.Cut(sig.Name, ".")
		method := rest
		if i := strings.LastIndexByte(rest, '.'); i >= 0 {
			method = rest[i+1:]
		}
		if sig.Name == name || pkg == name || pkg+"."+method == name {
			out = append(out, sig)
		}
	}
	return out
}
