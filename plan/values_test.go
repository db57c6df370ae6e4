package plan

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestValuesSound: a value is known, or a set of values, only when no
// write the analysis cannot follow may change it; each case that changes a
// value in another way leaves the argument to run time. The controls show
// the same shapes followed when nothing interferes.
func TestValuesSound(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       string // the first argument of the last fs.ReadFile call: a value, a set, or "?"
	}{
		{"control: a literal list", "paths := []string{\"data/a\"}\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "data/a"},
		{"an element assigned", "paths := []string{\"data/a\"}\n\tpaths[0] = \"secret/k\"\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"copied into", "paths := []string{\"data/a\"}\n\tcopy(paths, []string{\"secret/k\"})\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"aliased", "paths := []string{\"data/a\"}\n\tother := paths\n\tother[0] = \"secret/k\"\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"appended into its array", "paths := []string{\"data/a\", \"data/b\"}\n\t_ = append(paths[:1], \"secret/k\")\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"handed to a helper", "paths := []string{\"data/a\"}\n\tchange(paths)\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"control: printed", "paths := []string{\"data/a\"}\n\tfmt.Println(paths)\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "data/a"},
		{"the range variable assigned", "for _, p := range []string{\"data/a\"} {\n\t\tp = \"secret/k\"\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"a parameter assigned", "load(\"data/a\")", "?"},
		{"a counter stepped in the body", "for i := 0; i < 3; i++ {\n\t\ti += 5\n\t\tfs.ReadFile(fmt.Sprint(\"data/\", i))\n\t}", "?"},
		{"control: a counter", "for i := 0; i < 3; i++ {\n\t\tfs.ReadFile(fmt.Sprintf(\"data/%d\", i))\n\t}", "[data/0 data/1 data/2]"},
		{"its address taken", "p := \"data/a\"\n\tq := &p\n\t*q = \"secret/k\"\n\tfs.ReadFile(p)", "?"},
		{"reassigned in a closure", "p := \"data/a\"\n\tfunc() { p = \"secret/k\" }()\n\tfs.ReadFile(p)", "[data/a secret/k]"},
		{"a method of its type", "paths := list{\"data/a\"}\n\tpaths.set()\n\tfor _, p := range paths {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"op-assigned", "p := \"data/\"\n\tp += \"a\"\n\tfs.ReadFile(p)", "?"},
		{"control: a function literal called where written", "go func(p string) {\n\t\tfs.ReadFile(p)\n\t}(\"data/a\")", "data/a"},
		{"a literal's parameter assigned", "func(p string) {\n\t\tp = \"secret/k\"\n\t\tfs.ReadFile(p)\n\t}(\"data/a\")", "?"},
		{"control: a field of a literal list's element", "for _, e := range []item{{\"data/a\"}, {Path: \"data/b\"}} {\n\t\tfs.ReadFile(e.Path)\n\t}", "[data/a data/b]"},
		{"a field of an element assigned", "es := []item{{\"data/a\"}}\n\tes[0].Path = \"secret/k\"\n\tfor _, e := range es {\n\t\tfs.ReadFile(e.Path)\n\t}", "?"},
		{"a field assigned through a pointer", "es := []item{{\"data/a\"}}\n\tp := &es[0]\n\tp.Path = \"secret/k\"\n\tfor _, e := range es {\n\t\tfs.ReadFile(e.Path)\n\t}", "?"},
		{"a field's address taken", "e := item{\"data/a\"}\n\tfmt.Sscan(\"secret/k\", &e.Path)\n\tfs.ReadFile(e.Path)", "?"},
		{"a method with a pointer receiver", "e := entry{\"data/a\"}\n\te.set()\n\tfs.ReadFile(e.Path)", "?"},
		{"a field of a pointed-to struct", "for _, e := range []*item{{\"data/a\"}} {\n\t\tfs.ReadFile(e.Path)\n\t}", "?"},
		{"control: a struct variable", "e := item{Path: \"data/a\"}\n\tfs.ReadFile(e.Path)", "data/a"},
		{"control: a map's entry", "m := map[string]string{\"a\": \"data/a\"}\n\tk := fmt.Sprint(len(m))\n\tfs.ReadFile(m[k])", "[ data/a]"},
		{"a map's entry assigned", "m := map[string]string{\"a\": \"data/a\"}\n\tm[\"b\"] = \"secret/k\"\n\tk := fmt.Sprint(len(m))\n\tfs.ReadFile(m[k])", "?"},
		{"a map handed to a helper", "m := map[string]string{\"a\": \"data/a\"}\n\tfill(m)\n\tfor _, p := range m {\n\t\tfs.ReadFile(p)\n\t}", "?"},
		{"control: a map's values", "m := map[string]string{\"a\": \"data/a\"}\n\tfor _, p := range m {\n\t\tfs.ReadFile(p)\n\t}", "data/a"},
		{"a list's element indexed after a write", "ps := []string{\"data/a\"}\n\tps[0] = \"secret/k\"\n\tfs.ReadFile(ps[len(ps)-1])", "?"},
		{"a named type's String method", "fs.ReadFile(fmt.Sprint(\"data/\", level(1)))", "?"},
		{"a float32 printed", "fs.ReadFile(fmt.Sprint(\"data/\", float32(0.1)))", "?"},
		{"control: a float64 printed", "fs.ReadFile(fmt.Sprintf(\"data/%.2f\", 0.1))", "data/0.10"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport (\n\t\"fmt\"\n\n\t\"airlock/fs\"\n)\n\nvar _ = fmt.Sprint\n\nfunc change(xs []string) { xs[0] = \"secret/k\" }\n\ntype list []string\n\nfunc (l list) set() { l[0] = \"secret/k\" }\n\ntype entry struct{ Path string }\n\ntype item struct{ Path string }\n\nfunc (e *entry) set() { *e = entry{\"secret/k\"} }\n\ntype level int\n\nfunc (level) String() string { return \"secret/k\" }\n\nfunc fill(m map[string]string) { m[\"b\"] = \"secret/k\" }\n\nfunc load(name string) {\n\tname = \"secret/\" + name\n\tfs.ReadFile(name)\n}\n\nfunc main() {\n\t" + c.body + "\n}\n"
			p, err := Build("p.go", []byte(src), Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, u := range p.Uses {
				if u.Tool != "fs.ReadFile" || u.Kind != "call" {
					continue
				}
				got = argText(u.Args[0])
			}
			if got != c.want {
				t.Errorf("argument %s, want %s", got, c.want)
			}
		})
	}
}

// TestValuesThroughMethods: a parameter of an unexported method, or of a
// function or method held in a variable that is only called, takes the
// arguments of its calls; an exported method (which library code may call
// through an interface), a method also called through an interface, or a
// function handed on is left to run time. The last fs.ReadFile of each
// program is in the declarations after main.
func TestValuesThroughMethods(t *testing.T) {
	const method = "type store struct{}\n\nfunc (store) read(p string) { fs.ReadFile(p) }\n"
	for _, c := range []struct {
		name, body, after string
		want              string
	}{
		{"control: an unexported method", "var s store\n\ts.read(\"data/a\")\n\t(&s).read(\"data/b\")", method, "[data/a data/b]"},
		{"an exported method", "var s store\n\ts.Read(\"data/a\")", "type store struct{}\n\nfunc (store) Read(p string) { fs.ReadFile(p) }\n", "?"},
		{"also called through an interface", "var s store\n\ts.read(\"data/a\")\n\tvar r interface{ read(string) } = s\n\tr.read(\"secret/k\")", method, "?"},
		{"an interface's method taken as a value", "var s store\n\ts.read(\"data/a\")\n\tvar r interface{ read(string) } = s\n\tf := r.read\n\tf(\"secret/k\")", method, "?"},
		{"control: a method value only called", "var s store\n\tf := s.read\n\tf(\"data/a\")\n\tf(\"data/b\")", method, "[data/a data/b]"},
		{"a method value handed on", "var s store\n\ts.read(\"data/a\")\n\tapply(s.read)", method, "?"},
		{"a method value in a variable handed on", "var s store\n\tf := s.read\n\tf(\"data/a\")\n\tapply(f)", method, "?"},
		{"a method expression", "var s store\n\ts.read(\"data/a\")\n\tstore.read(s, \"secret/k\")", method, "?"},
		{"control: a function alias only called", "f := open\n\tf(\"data/a\")", "func open(p string) { fs.ReadFile(p) }\n", "data/a"},
		{"a function alias reassigned", "f := open\n\tf(\"data/a\")\n\tf = func(string) {}\n\tf(\"secret/k\")", "func open(p string) { fs.ReadFile(p) }\n", "?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport \"airlock/fs\"\n\nfunc apply(f func(string)) { f(\"secret/k\") }\n\nfunc main() {\n\t" + c.body + "\n}\n\n" + c.after
			p, err := Build("p.go", []byte(src), Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, u := range p.Uses {
				if u.Tool == "fs.ReadFile" && u.Kind == "call" {
					got = argText(u.Args[0])
				}
			}
			if got != c.want {
				t.Errorf("argument %s, want %s", got, c.want)
			}
		})
	}
}

// argText is an argument's value, its set of values, or "?".
func argText(a Arg) string {
	switch {
	case a.Known:
		return fmt.Sprint(a.Value)
	case len(a.Values) > 0:
		return fmt.Sprint(a.Values)
	}
	return "?"
}

// TestValuesCorpus: each program in testdata/values was written to make the
// plan list values for its fs.ReadFile calls that a run does not keep to;
// its "// run:" lines are the paths go run passes (for most, as airlock's
// trace recorded them). Every one must be a value the plan lists, or the
// argument left to run time. Programs with a data race are left out: a
// racy read may see a torn string, which the plan assumes away.
func TestValuesCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "values", "*.go"))
	if len(files) < 80 {
		t.Fatalf("%d programs in testdata/values", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var runs []string
			for _, line := range strings.Split(string(src), "\n") {
				if v, ok := strings.CutPrefix(line, "// run: "); ok {
					var s string
					if err := json.Unmarshal([]byte(v), &s); err != nil {
						t.Fatalf("%q: %v", line, err)
					}
					runs = append(runs, s)
				}
			}
			p, err := Build(filepath.Base(f), src, Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			listed, unknown := map[string]bool{}, false
			add := func(a Arg) {
				switch {
				case a.Known:
					listed[fmt.Sprint(a.Value)] = true
					listed[path.Clean(fmt.Sprint(a.Value))] = true // as the trace records a path
				case len(a.Values) > 0:
					for _, x := range a.Values {
						listed[fmt.Sprint(x)] = true
						listed[path.Clean(fmt.Sprint(x))] = true
					}
				default:
					unknown = true
				}
			}
			for _, u := range p.Uses {
				if u.Tool != "fs.ReadFile" {
					continue
				}
				if u.Kind == "call" {
					add(u.Args[0])
				} else if len(u.Calls) == 0 {
					unknown = true
				}
				for _, c := range u.Calls {
					add(c.Args[0])
				}
			}
			if unknown {
				return
			}
			for _, r := range runs {
				if !listed[r] {
					t.Errorf("the run passes %q; the plan lists %v", r, slices.Sorted(maps.Keys(listed)))
				}
			}
		})
	}
}
