package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools/provider"
)

// registry builds a registry from testdata/providers.yaml, the way a
// policy's providers section reaches New.
func registry(t *testing.T) *Registry {
	t.Helper()
	data, err := os.ReadFile("testdata/providers.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Providers map[string]map[string]any `yaml:"providers"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	r, err := New(doc.Providers, "testdata")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestNew(t *testing.T) {
	_, err := New(map[string]map[string]any{"smtp": {}}, ".")
	if err == nil || err.Error() != `providers: unknown tool provider "smtp" (known: cli, fs, http, shell, sql, workspace, mcp)` {
		t.Errorf("New with an unknown provider: %v", err)
	}
	_, err = New(map[string]map[string]any{"http": {"timout": "1s"}}, ".")
	if err == nil || !strings.Contains(err.Error(), `providers.http: unknown key "timout"`) {
		t.Errorf("New with an unknown key: %v", err)
	}

	// Unconfigured providers are still present, so programs type-check.
	r, err := New(nil, ".")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var names []string
	for _, s := range r.Tools() {
		names = append(names, s.Name)
	}
	want := []string{"fs.Glob", "fs.ReadCSV", "fs.ReadCSVRows", "fs.ReadDir", "fs.ReadFile", "http.Get", "http.Post",
		"shell.Run", "sql.Exec", "sql.Query", "sql.QueryRows", "sql.Tables",
		"workspace.List", "workspace.ReadFile", "workspace.Remove", "workspace.WriteFile"}
	if !slices.Equal(names, want) {
		t.Errorf("Tools() = %v; want %v", names, want)
	}
	var paths []string
	for _, p := range r.Packages() {
		paths = append(paths, p.Path)
	}
	if want := []string{"airlock/cli", "airlock/fs", "airlock/http", "airlock/shell", "airlock/sql", "airlock/workspace"}; !slices.Equal(paths, want) {
		t.Errorf("Packages() = %v; want %v", paths, want)
	}
}

func TestLookup(t *testing.T) {
	r := registry(t)
	for _, tool := range []string{"fs.ReadFile", "http.Post"} {
		p, fn, ok := r.Lookup(tool)
		if !ok || tool != p.Package().Name+"."+fn {
			t.Errorf("Lookup(%q) = %v, %q, %v", tool, p, fn, ok)
		}
	}
	for _, tool := range []string{"fs.Remove", "sql.Drop", "smtp.Send", "fs", "", "fs.readFile"} {
		if _, _, ok := r.Lookup(tool); ok {
			t.Errorf("Lookup(%q) found a tool", tool)
		}
	}
	sigs := r.Tools()
	i := slices.IndexFunc(sigs, func(s ToolSig) bool { return s.Name == "http.Post" })
	post := sigs[i]
	if post.Signature != "func Post(url, contentType, body string) (Response, error)" ||
		!slices.Equal(post.Params, []string{"url", "contentType", "body"}) ||
		!strings.HasPrefix(post.Doc, "Post sends body to url") {
		t.Errorf("http.Post = %+v", post)
	}
}

// Every declaration is gofmt'ed Go that type-checks on its own, documents
// every name, returns (T, error) or error from every function, and agrees
// with its provider about parameters.
func TestDeclarations(t *testing.T) {
	r := registry(t)
	for set, pkgs := range map[string][]plan.ToolPackage{"builtin": BuiltinPackages(), "configured": r.Packages()} {
		for _, pkg := range pkgs {
			t.Run(set+"/"+pkg.Path, func(t *testing.T) {
				if formatted, err := format.Source([]byte(pkg.Source)); err != nil || !bytes.Equal(formatted, []byte(pkg.Source)) {
					t.Errorf("source is not gofmt'ed (%v)", err)
				}
				fset := token.NewFileSet()
				file, err := parser.ParseFile(fset, pkg.Name+".go", pkg.Source, parser.ParseComments)
				if err != nil {
					t.Fatal(err)
				}
				if file.Name.Name != pkg.Name || pkg.Path != "airlock/"+pkg.Name || file.Doc == nil {
					t.Errorf("package clause %s, doc %v, for %s", file.Name.Name, file.Doc != nil, pkg.Path)
				}
				if len(file.Imports) != 0 {
					t.Errorf("declaration imports %d packages; stubs expect none", len(file.Imports))
				}
				info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
				if _, err := new(types.Config).Check(pkg.Path, fset, []*ast.File{file}, info); err != nil {
					t.Fatalf("type-checking: %v", err)
				}
				p, ok := r.Provider(pkg.Name)
				if !ok {
					t.Fatalf("no provider %s", pkg.Name)
				}
				for _, d := range file.Decls {
					switch d := d.(type) {
					case *ast.FuncDecl:
						checkFunc(t, p, info, d)
					case *ast.GenDecl:
						for _, s := range d.Specs {
							if ts, ok := s.(*ast.TypeSpec); ok && d.Doc == nil && ts.Doc == nil {
								t.Errorf("type %s has no doc comment", ts.Name.Name)
							}
						}
					}
				}
			})
		}
	}
}

func checkFunc(t *testing.T, p Provider, info *types.Info, d *ast.FuncDecl) {
	t.Helper()
	name := d.Name.Name
	if d.Doc == nil || !strings.HasPrefix(d.Doc.Text(), name+" ") {
		t.Errorf("%s: doc comment missing or not starting with the name", name)
	}
	if d.Body != nil || d.Recv != nil {
		t.Errorf("%s: declare a plain function without a body", name)
	}
	sig := info.Defs[d.Name].Type().(*types.Signature)
	res := sig.Results()
	errType := types.Universe.Lookup("error").Type()
	if !(res.Len() == 1 && res.At(0).Type() == errType || res.Len() == 2 && res.At(1).Type() == errType) {
		t.Errorf("%s returns %s; want (T, error) or error", name, res)
	}
	var declared []string
	for i := range sig.Params().Len() {
		declared = append(declared, sig.Params().At(i).Name())
	}
	params, ok := p.Params(name)
	if !ok || !slices.Equal(params, declared) {
		t.Errorf("Params(%s) = %v, %v; declared %v", name, params, ok, declared)
	}
	// Prepare knows the function: the wrong number of arguments is its only complaint.
	_, err := p.Prepare(name, nil)
	if len(declared) > 0 && (err == nil || !strings.Contains(err.Error(), "takes")) {
		t.Errorf("Prepare(%s, none) = %v; want an argument count error", name, err)
	}
}

// Every function's result, encoded as JSON, decodes into the Go type its
// declaration gives it, with no field left over and none lost: what the
// program's stub does with it.
func TestResultsMatchDeclarations(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Test", "1")
		fmt.Fprint(w, "pong")
	}))
	defer srv.Close()
	r := registry(t)
	calls := map[string][]any{
		"fs.ReadFile":        {"data/README.txt"},
		"fs.ReadDir":         {"data"},
		"fs.Glob":            {"data/*/*.csv"},
		"fs.ReadCSV":         {"data/sales.csv"},
		"fs.ReadCSVRows":     {"data/2024/q1.csv"},
		"http.Get":           {srv.URL},
		"http.Post":          {srv.URL, "text/plain", "ping"},
		"sql.Tables":         {},
		"workspace.ReadFile": {"notes/a.txt"},
		"workspace.List":     {},
		"sql.Query":          {"SELECT id, name, price FROM products WHERE id <= ?", []any{2}},
		"sql.QueryRows":      {"SELECT id, name, price FROM products WHERE id <= ?", []any{2}},
	}
	// Writes are tested in tools/sql against a writable copy; the shared
	// example database stays read-only here.
	// shell.Run needs the sandbox that package exec starts; the CLI's
	// run_shell script decodes its results end to end.
	skip := map[string]bool{"sql.Exec": true, "shell.Run": true, "workspace.WriteFile": true, "workspace.Remove": true}
	ws, err := OpenWorkspace(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := os.MkdirAll(filepath.Join(ws.Dir(), "notes"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ws.Dir(), "notes", "a.txt"), []byte("kept"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := WithWorkspace(context.Background(), ws)
	for _, pkg := range r.Packages() {
		fset := token.NewFileSet()
		file, _ := parser.ParseFile(fset, "", pkg.Source, 0)
		tpkg, err := new(types.Config).Check(pkg.Path, fset, []*ast.File{file}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range tpkg.Scope().Names() {
			fn, ok := tpkg.Scope().Lookup(name).(*types.Func)
			if !ok {
				continue
			}
			tool := pkg.Name + "." + name
			t.Run(tool, func(t *testing.T) {
				if skip[tool] {
					t.Skip("covered elsewhere")
				}
				args, ok := calls[tool]
				if !ok {
					t.Fatalf("no sample call for %s", tool)
				}
				p, fn2, _ := r.Lookup(tool)
				raw := make([]json.RawMessage, len(args))
				for i, a := range args {
					raw[i], _ = json.Marshal(a)
				}
				prepared, err := p.Prepare(fn2, raw)
				if err != nil {
					t.Fatal(err)
				}
				result, err := p.Call(ctx, fn2, prepared)
				result, _, _ = provider.Unwrap(result)
				if err != nil {
					t.Fatal(err)
				}
				encoded, err := json.Marshal(result)
				if err != nil {
					t.Fatal(err)
				}
				declared := reflectType(t, fn.Type().(*types.Signature).Results().At(0).Type())
				v := reflect.New(declared)
				dec := json.NewDecoder(bytes.NewReader(encoded))
				dec.DisallowUnknownFields()
				if err := dec.Decode(v.Interface()); err != nil {
					t.Fatalf("%s into %s: %v", encoded, declared, err)
				}
				again, _ := json.Marshal(v.Interface())
				var a, b any
				json.Unmarshal(encoded, &a)
				json.Unmarshal(again, &b)
				if !reflect.DeepEqual(a, b) {
					t.Errorf("round trip through the declared type changed the result:\n%s\n%s", encoded, again)
				}
				if string(encoded) == "null" || string(encoded) == "[]" || string(encoded) == `""` {
					t.Errorf("sample call returned nothing to compare: %s", encoded)
				}
			})
		}
	}
}

// reflectType builds the Go type a stub decodes into from its declaration.
func reflectType(t *testing.T, typ types.Type) reflect.Type {
	t.Helper()
	switch typ := typ.Underlying().(type) {
	case *types.Basic:
		switch typ.Kind() {
		case types.String:
			return reflect.TypeFor[string]()
		case types.Bool:
			return reflect.TypeFor[bool]()
		case types.Int:
			return reflect.TypeFor[int]()
		case types.Int64:
			return reflect.TypeFor[int64]()
		case types.Float64:
			return reflect.TypeFor[float64]()
		}
	case *types.Interface:
		if typ.Empty() {
			return reflect.TypeFor[any]()
		}
	case *types.Slice:
		return reflect.SliceOf(reflectType(t, typ.Elem()))
	case *types.Map:
		return reflect.MapOf(reflectType(t, typ.Key()), reflectType(t, typ.Elem()))
	case *types.Struct:
		var fields []reflect.StructField
		for i := range typ.NumFields() {
			f := typ.Field(i)
			fields = append(fields, reflect.StructField{Name: f.Name(), Type: reflectType(t, f.Type()), Tag: reflect.StructTag(typ.Tag(i))})
		}
		return reflect.StructOf(fields)
	}
	t.Fatalf("declared type %s has no JSON mapping in this test", typ)
	return nil
}
