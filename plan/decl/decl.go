// Package decl reads a tool package's declaration, the Go source a program
// is type-checked against, and decodes the JSON arguments of a call into the
// parameter types it declares. Deriving parameters from the declaration keeps
// a single source of truth for what a tool takes.
package decl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"sort"
	"strings"
)

// Func is one tool function of a declaration.
type Func struct {
	Name      string   // "ReadFile"
	Params    []string // parameter names in order: ["path"]
	Types     []string // parameter types as written: ["string"]
	Doc       string   // the doc comment's text
	Signature string   // "func ReadFile(path string) (string, error)"
	// Uses holds the declarations, doc comments included, of the package's
	// own types the signature mentions, directly or through their fields,
	// in source order: what a caller needs besides the signature.
	Uses string
}

// Parse returns the exported functions declared in src, in source order.
func Parse(src string) ([]Func, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "decl.go", src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("parsing declaration: %w", err)
	}
	typeDecls := map[string]string{} // type name to its declaration's source
	typeOrder := map[string]int{}
	typeRefs := map[string][]string{} // type name to the package types it mentions
	for i, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.TYPE {
			continue
		}
		start := gd.Pos()
		if gd.Doc != nil {
			start = gd.Doc.Pos()
		}
		text := src[fset.Position(start).Offset:fset.Position(gd.End()).Offset]
		for _, spec := range gd.Specs {
			ts := spec.(*ast.TypeSpec)
			typeDecls[ts.Name.Name] = text
			typeOrder[ts.Name.Name] = i
			typeRefs[ts.Name.Name] = idents(ts.Type)
		}
	}
	var funcs []Func
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !fd.Name.IsExported() {
			continue
		}
		f := Func{Name: fd.Name.Name, Doc: strings.TrimSpace(fd.Doc.Text())}
		for _, field := range fd.Type.Params.List {
			if len(field.Names) == 0 || field.Names[0].Name == "_" {
				return nil, fmt.Errorf("%s: parameters must be named: a policy's rules read arguments by name", fd.Name.Name)
			}
			typ := exprString(fset, field.Type)
			for _, name := range field.Names {
				f.Params = append(f.Params, name.Name)
				f.Types = append(f.Types, typ)
			}
		}
		bare := *fd
		bare.Doc, bare.Body = nil, nil
		f.Signature = exprString(fset, &bare)
		f.Uses = uses(idents(fd.Type), typeDecls, typeOrder, typeRefs)
		funcs = append(funcs, f)
	}
	return funcs, nil
}

// idents lists the identifiers in a type expression.
func idents(n ast.Node) []string {
	var names []string
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			names = append(names, id.Name)
		}
		return true
	})
	return names
}

// uses returns the declarations of the package types reachable from
// names, each once, in source order.
func uses(names []string, decls map[string]string, order map[string]int, refs map[string][]string) string {
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if _, ok := decls[name]; !ok || seen[name] {
			return
		}
		seen[name] = true
		for _, r := range refs[name] {
			visit(r)
		}
	}
	for _, n := range names {
		visit(n)
	}
	var found []string
	for n := range seen {
		found = append(found, n)
	}
	sort.Slice(found, func(i, j int) bool {
		return order[found[i]] < order[found[j]] || order[found[i]] == order[found[j]] && found[i] < found[j]
	})
	var b strings.Builder
	printed := map[string]bool{}
	for _, n := range found {
		if text := decls[n]; !printed[text] {
			if len(printed) > 0 {
				b.WriteString("\n")
			}
			printed[text] = true
			b.WriteString(text)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// MustIndex returns the functions declared in src by name, and panics if src
// does not parse: it is for declarations built into the binary, which a
// test parses.
func MustIndex(src string) map[string]Func {
	funcs, err := Parse(src)
	if err != nil {
		panic(err)
	}
	m := make(map[string]Func, len(funcs))
	for _, f := range funcs {
		m[f.Name] = f
	}
	return m
}

func exprString(fset *token.FileSet, node any) string {
	var buf bytes.Buffer
	printer.Fprint(&buf, fset, node)
	return buf.String()
}

// Decode decodes the JSON arguments of a call to f, one per parameter, into
// the declared Go types: string, bool, int (as int64) or float64. Its errors
// name the parameter and say what was expected.
func (f Func) Decode(raw []json.RawMessage) ([]any, error) {
	if len(raw) != len(f.Params) {
		return nil, fmt.Errorf("%s takes %d argument(s) (%s), got %d",
			f.Name, len(f.Params), strings.Join(f.Params, ", "), len(raw))
	}
	vals := make([]any, len(raw))
	for i, r := range raw {
		v, err := DecodeValue(f.Types[i], r)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", f.Params[i], err)
		}
		vals[i] = v
	}
	return vals, nil
}

// DecodeValue decodes one JSON argument strictly into the Go type typ
// (string, bool, int as int64, float64, or []string as []any of strings)
// and returns it in canonical form. A []string takes null as an empty
// list, since a nil slice encodes as null; no other type takes null. Its
// errors say what was wanted and what was given.
func DecodeValue(typ string, raw json.RawMessage) (any, error) {
	want := "a " + typ
	if typ == "int" {
		want = "an int"
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, fmt.Errorf("want %s, got nothing", want)
	}
	if bytes.Equal(raw, []byte("null")) {
		if typ == "[]string" {
			return []any{}, nil
		}
		return nil, fmt.Errorf("want %s, got null", want)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("want %s: %w", want, err)
	}
	if dec.More() || dec.InputOffset() != int64(len(raw)) {
		return nil, fmt.Errorf("want %s, got more than one value", want)
	}
	switch typ {
	case "string":
		if s, ok := v.(string); ok {
			return s, nil
		}
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case "int":
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i, nil
			}
		}
	case "float64":
		if n, ok := v.(json.Number); ok {
			if x, err := n.Float64(); err == nil {
				return x, nil
			}
		}
	case "[]string":
		if list, ok := v.([]any); ok {
			for i, x := range list {
				if _, ok := x.(string); !ok {
					return nil, fmt.Errorf("want a []string, but element %d is %s", i, describe(x))
				}
			}
			return list, nil
		}
	default:
		return nil, fmt.Errorf("parameter type %s is not supported", typ)
	}
	return nil, fmt.Errorf("want %s, got %s", want, describe(v))
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case bool:
		return "a bool"
	case json.Number:
		return "the number " + v.String()
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// Sig is one tool function of a tool package: the one description of a
// tool that the planner, the policy and the providers share.
type Sig struct {
	Name   string   `json:"name"`             // "fs.ReadFile": provider and function
	Import string   `json:"import,omitempty"` // the package's import path, "airlock/fs"
	Params []string `json:"params"`           // parameter names in order: ["path"]
	// Provider is the key of the policy's providers section that
	// configures the tool, when it is not the name's prefix ("mcp" for
	// "memory.*").
	Provider string `json:"provider,omitempty"`
	// AnyArgs is set for a tool known only by its provider's wildcard: its
	// parameters are not known when the policy loads.
	AnyArgs   bool   `json:"any_args,omitempty"`
	Signature string `json:"signature,omitempty"` // "func ReadFile(path string) (string, error)"
	Doc       string `json:"doc,omitempty"`       // the doc comment's text
	Types     string `json:"types,omitempty"`     // declarations of the package's types the signature uses
}

// Sigs lists the tools a tool package declares, in source order: one per
// exported function, named "<name>.<Func>", where name is the package's
// name and path its import path. Every parameter must be named, since
// policy rules read arguments by name.
func Sigs(path, name, src string) ([]Sig, error) {
	funcs, err := Parse(src)
	if err != nil {
		return nil, fmt.Errorf("tool package %s: %w", path, err)
	}
	provider := ""
	if strings.HasPrefix(path, "airlock/mcp/") {
		provider = "mcp"
	}
	sigs := make([]Sig, 0, len(funcs))
	for _, f := range funcs {
		sigs = append(sigs, Sig{Name: name + "." + f.Name, Import: path, Params: f.Params, Provider: provider,
			Signature: f.Signature, Doc: f.Doc, Types: f.Uses})
	}
	return sigs, nil
}
