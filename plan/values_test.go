package plan

import (
	"fmt"
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
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport (\n\t\"fmt\"\n\n\t\"airlock/fs\"\n)\n\nvar _ = fmt.Sprint\n\nfunc change(xs []string) { xs[0] = \"secret/k\" }\n\ntype list []string\n\nfunc (l list) set() { l[0] = \"secret/k\" }\n\nfunc load(name string) {\n\tname = \"secret/\" + name\n\tfs.ReadFile(name)\n}\n\nfunc main() {\n\t" + c.body + "\n}\n"
			p, err := Build("p.go", []byte(src), Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, u := range p.Uses {
				if u.Tool != "fs.ReadFile" || u.Kind != "call" {
					continue
				}
				a := u.Args[0]
				switch {
				case a.Known:
					got = fmt.Sprint(a.Value)
				case len(a.Values) > 0:
					got = fmt.Sprint(a.Values)
				default:
					got = "?"
				}
			}
			if got != c.want {
				t.Errorf("argument %s, want %s", got, c.want)
			}
		})
	}
}
