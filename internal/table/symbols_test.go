package table

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/traefik/yaegi/interp"
)

// hostOnly are exported names for airlock itself, not for programs.
var hostOnly = map[string]bool{"Path": true, "Symbols": true}

func packageDoc(t *testing.T) *doc.Package {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	p, err := doc.NewFromFiles(fset, files, "github.com/airlockhq/airlock/internal/table")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestDocs checks every name a program can reach has a doc comment that
// starts with the name, since the comments are what its author reads.
func TestDocs(t *testing.T) {
	p := packageDoc(t)
	if !strings.HasPrefix(p.Doc, "Package table ") {
		t.Errorf("package doc %q", p.Doc)
	}
	check := func(name, text string) {
		t.Helper()
		if !strings.HasPrefix(text, name+" ") {
			t.Errorf("%s: doc comment %q does not start with its name", name, text)
		}
	}
	for _, f := range p.Funcs {
		check(f.Name, f.Doc)
	}
	for _, typ := range p.Types {
		check(typ.Name, typ.Doc)
		for _, f := range typ.Funcs {
			check(f.Name, f.Doc)
		}
		for _, m := range typ.Methods {
			check(m.Name, m.Doc)
		}
	}
	for _, v := range append(p.Consts, p.Vars...) {
		for _, name := range v.Names {
			if ast.IsExported(name) && v.Doc == "" {
				t.Errorf("%s has no doc comment", name)
			}
		}
	}
}

// TestSymbols checks the interpreter's map holds exactly the package's
// exported functions and types.
func TestSymbols(t *testing.T) {
	p := packageDoc(t)
	var want []string
	for _, f := range p.Funcs {
		want = append(want, f.Name)
	}
	for _, typ := range p.Types {
		want = append(want, typ.Name)
		for _, f := range typ.Funcs {
			want = append(want, f.Name)
		}
	}
	sort.Strings(want)
	syms, ok := Symbols[Path+"/table"]
	if !ok || len(Symbols) != 1 {
		t.Fatalf("Symbols keys: %v", reflect.ValueOf(Symbols).MapKeys())
	}
	var got []string
	for name, v := range syms {
		got = append(got, name)
		if v.Kind() == reflect.Pointer && !v.IsNil() {
			t.Errorf("%s: want a nil type pointer", name)
		}
	}
	sort.Strings(got)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Symbols has %v\nthe package exports %v", got, want)
	}
	for _, name := range want {
		if hostOnly[name] {
			t.Errorf("%s is host-only but in Symbols", name)
		}
	}
}

// TestInterpreter runs a program that imports airlock/table in the
// interpreter, through Symbols, as the sandbox does.
func TestInterpreter(t *testing.T) {
	in := interp.New(interp.Options{})
	if err := in.Use(interp.Exports{
		"fmt//fmt":        symbols.Symbols["fmt/fmt"],
		"strings/strings": symbols.Symbols["strings/strings"],
	}); err != nil {
		t.Fatal(err)
	}
	if err := in.Use(Symbols); err != nil {
		t.Fatal(err)
	}
	const program = `package main

import (
	"fmt"
	"strings"

	"airlock/table"
)

func summary(t table.Table) string { return fmt.Sprint(t.Len(), t.Columns()) }

func Run() string {
	var out []string
	t, err := table.ParseCSV("id,region,total\n1,west,10\n2,east,2.5\n3,west,4\n")
	if err != nil {
		return err.Error()
	}
	out = append(out, fmt.Sprint(t.Where("region", "==", "west").Sum("total")))
	g := t.GroupBy("region").Agg(table.Count(), table.Sum("total").As("revenue"), table.Max("id"))
	out = append(out, summary(g.Sort("revenue", true)))
	out = append(out, fmt.Sprint(g.Rows()[0]["revenue"]))
	out = append(out, fmt.Sprint(t.Where("id", "in", []any{1, 3}).Select("id").Records()))
	bad := t.Where("regoin", "==", "x").Top("id", 1)
	out = append(out, bad.Err().Error())
	out = append(out, bad.String())
	func() {
		defer func() { out = append(out, fmt.Sprint("recovered: ", recover())) }()
		t.Mean("nope")
	}()
	j := t.Join(table.FromRows([]string{"region", "boss"}, [][]any{{"west", "Ada"}}), "region", "region")
	out = append(out, summary(j))
	m := table.FromMaps([]map[string]any{{"a": 1}, {"a": 2}})
	r := table.FromRecords([]map[string]string{{"a": "x"}})
	l, _ := table.ParseJSONLines("{\"a\":1}\n{\"a\":2}")
	a, _ := table.ParseJSON("[{\"a\":1}]")
	out = append(out, fmt.Sprint(m.Len(), r.Len(), l.Len(), a.Len(), len(t.Floats("total")), t.Mean("id"), len(t.Column("id"))))
	out = append(out, t.Head(1).String())
	var agg table.Agg = table.CountDistinct("region")
	var grouped table.Grouped = t.GroupBy()
	out = append(out, summary(grouped.Agg(agg, table.Min("id"), table.Mean("total"))))
	return strings.Join(out, "\n")
}
`
	if _, err := in.Eval(program); err != nil {
		t.Fatal(err)
	}
	v, err := in.Eval("main.Run()")
	if err != nil {
		t.Fatal(err)
	}
	want := `14
2 [region count revenue max_id]
14
[[1] [3]]
table.Where: no column "regoin"; the columns are "id", "region", "total"
table error: table.Where: no column "regoin"; the columns are "id", "region", "total"
recovered: table.Mean: no column "nope"; the columns are "id", "region", "total"
2 [id region total boss]
2 1 2 1 3 2 3
id  region  total
--  ------  -----
 1  west       10

1 [count_distinct_region min_id mean_total]`
	if got := v.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
