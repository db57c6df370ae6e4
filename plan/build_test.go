package plan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

func TestSizeCap(t *testing.T) {
	big := []byte("package main\n\nfunc main() {}\n" + strings.Repeat("//", MaxSource))
	_, err := Build("big.go", big, Options{})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("Build of %d bytes: err = %v, want the size limit", len(big), err)
	}
	var se *SyntaxError
	if errors.As(err, &se) {
		t.Fatalf("size limit reported as a syntax error: %v", err)
	}

	// The cap comes before parsing: a nesting bomb under it still parses
	// to an error quickly, and over it is never parsed.
	bomb := []byte("package main\n\nvar x = " + strings.Repeat("(", MaxSource))
	if _, err := Build("bomb.go", bomb, Options{}); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("bomb over the cap: err = %v", err)
	}
	exact := append([]byte("package main\n\nfunc main() {}\n"), bytes.Repeat([]byte{'\n'}, MaxSource-29)...)
	if len(exact) != MaxSource {
		t.Fatalf("test program is %d bytes", len(exact))
	}
	if _, err := Build("exact.go", exact, Options{}); err != nil {
		t.Fatalf("program of exactly MaxSource bytes: %v", err)
	}
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the whole message
	}{
		{"empty", "", "prog.go:1:1: expected 'package', found 'EOF'"},
		{"no package clause", "func main() {}\n", "prog.go:1:1: expected 'package', found 'func'"},
		{"bad expression", "package main\n\nfunc main() {\n\tx := \n}\n", "prog.go:5:1: expected operand, found '}'"},
		{"two errors", "package main\n\nfunc main() {\n\tif {\n\t}\n\tvar = 3\n}\n",
			"prog.go:4:5: missing condition in if statement\nprog.go:6:6: expected 'IDENT', found '='"},
		// A //line directive must not move where the error is reported.
		{"line directive", "package main\n\n//line other.go:100:1\nfunc main() {\n\tx := \n}\n", "prog.go:6:1: expected operand, found '}'"},
		{"nesting bomb", "package main\n\nvar x = " + strings.Repeat("(", MaxSource-100), "prog.go:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build("prog.go", []byte(tt.src), Options{})
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v (%T), want a *SyntaxError", err, err)
			}
			if tt.name == "nesting bomb" {
				if !strings.HasPrefix(err.Error(), tt.want) {
					t.Fatalf("err = %q, want prefix %q", err, tt.want)
				}
				return
			}
			if err.Error() != tt.want {
				t.Fatalf("err =\n%s\nwant\n%s", err, tt.want)
			}
			if se.File != "prog.go" || len(se.Errors) == 0 {
				t.Fatalf("SyntaxError = %+v", se)
			}
		})
	}
}

func TestNesting(t *testing.T) {
	prog := func(body string) string { return "package main\n\nfunc main() {\n\t" + body + "\n}\n" }
	tests := []struct {
		name, src string
		want      string // the error, or "" for none
	}{
		// func main's brace is the first level.
		{"parentheses at the limit", prog("_ = " + strings.Repeat("(", 99) + "1" + strings.Repeat(")", 99)), ""},
		{"parentheses over the limit", prog("_ = " + strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100)),
			"prog.go:4:105: brackets nested more than 100 deep"},
		{"mixed brackets", prog(strings.Repeat("{[(", 34)), "prog.go:4:101: brackets nested more than 100 deep"},
		{"brackets in literals and comments do not count", prog(
			"_ = \"" + strings.Repeat("(", 200) + "\\\"" + strings.Repeat("[", 200) + "\"\n" +
				"\t_ = `" + strings.Repeat("{", 200) + "\n" + strings.Repeat("(", 200) + "`\n" +
				"\t_ = '(' + '[' + '{' + '\\''\n" +
				"\t// " + strings.Repeat("(", 200) + "\n" +
				"\t/* " + strings.Repeat("[", 200) + "\n" + strings.Repeat("{", 200) + " */"), ""},
		{"operator chain over the limit", prog("_ = 1" + strings.Repeat("+1", 600)),
			"prog.go:4:6: expression or statement nested more than 500 deep"},
		{"unary chain over the limit", prog("_ = " + strings.Repeat("-", 600) + "1"),
			"prog.go:4:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build("prog.go", []byte(tt.src), Options{})
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("err = %v", err)
			case tt.want == "":
			case err == nil:
				t.Fatalf("no error, want %s", tt.want)
			case !strings.HasPrefix(err.Error(), tt.want):
				t.Fatalf("err = %v, want %s", err, tt.want)
			}
			var se *SyntaxError
			if err != nil && !errors.As(err, &se) {
				t.Fatalf("err is %T, want *SyntaxError", err)
			}
		})
	}
}

func TestTooManyTypeErrors(t *testing.T) {
	src := "package main\n\nfunc main() {\n" + strings.Repeat("\tundefined()\n", 30) + "}\n"
	p, err := Build("prog.go", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) != maxTypeFindings+1 {
		t.Fatalf("%d findings, want %d", len(p.Findings), maxTypeFindings+1)
	}
	last := p.Findings[len(p.Findings)-1]
	if last.Message != "too many type errors: 10 more not shown" || last.Pos.Line != 4+maxTypeFindings {
		t.Fatalf("last finding %+v", last)
	}
	for _, f := range p.Findings[:maxTypeFindings] {
		if f.Message != "undefined: undefined" {
			t.Fatalf("finding %+v", f)
		}
	}
}

func TestToolPackageErrors(t *testing.T) {
	hello := []byte("package main\n\nimport \"airlock/fs\"\n\nfunc main() { fs.Stat(\"x\") }\n")
	tests := []struct {
		name  string
		tools []ToolPackage
		want  string
	}{
		{"declarations do not check", []ToolPackage{{Path: "airlock/fs", Name: "fs", Source: "package fs\n\nfunc Stat(path string) (Info, error)\n"}},
			"tool package airlock/fs: airlock/fs.go:3:25: undefined: Info"},
		{"declarations do not parse", []ToolPackage{{Path: "airlock/fs", Name: "fs", Source: "package fs\n\nfunc Stat(\n"}},
			"tool package airlock/fs: airlock/fs.go:3:12: expected ')', found 'EOF'"},
		{"reserved path", []ToolPackage{{Path: "airlock", Name: "airlock", Source: "package airlock\n"}},
			"tool package airlock: the path is reserved for the runtime package"},
		{"twice", []ToolPackage{testTools[0], testTools[0]}, "tool package airlock/fs: declared twice"},
		{"no name", []ToolPackage{{Path: "airlock/fs", Source: "package fs\n"}}, `tool package "airlock/fs": path and name are required`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build("prog.go", hello, Options{Tools: tt.tools})
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v\nwant %s", err, tt.want)
			}
		})
	}

	// A broken tool package the program does not import is not checked.
	broken := ToolPackage{Path: "airlock/broken", Name: "broken", Source: "package broken\n\nfunc F() Missing\n"}
	if _, err := Build("hello.go", []byte(helloSource), Options{Tools: []ToolPackage{broken}}); err != nil {
		t.Fatalf("unimported broken tool package: %v", err)
	}
}

func TestUsePositionsAndExprs(t *testing.T) {
	src := `package main

import "airlock/fs"

func main() {
	path := "data/x"
	_, _ = fs.Head(path+".csv", 2*5)
	read := (fs.ReadFile)
	_ = read
}
`
	p, err := Build("prog.go", []byte(src), Options{Tools: testTools})
	if err != nil {
		t.Fatal(err)
	}
	want := []ToolUse{
		{Tool: "fs.Head", Kind: "call", Pos: Pos{Line: 7, Col: 9}, Args: []Arg{
			{Name: "path", Known: true, Value: "data/x.csv", Expr: `path+".csv"`},
			{Name: "lines", Known: true, Value: int64(10), Expr: "2*5"},
		}},
		{Tool: "fs.ReadFile", Kind: "value", Pos: Pos{Line: 8, Col: 10}, Args: []Arg{}},
	}
	got, _ := json.Marshal(p.Uses)
	exp, _ := json.Marshal(want)
	if !bytes.Equal(got, exp) {
		t.Fatalf("uses\n got %s\nwant %s", got, exp)
	}
}

func TestJSON(t *testing.T) {
	t.Run("empty lists are arrays", func(t *testing.T) {
		p, err := Build("hello.go", []byte(helloSource), Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		want := `{"file":"hello.go","language":"go","package":"main","imports":[{"path":"fmt","pos":{"line":3,"col":8}}],"tool_uses":[],"findings":[],"call_bound":{"max":0,"bounded":true}}`
		if string(out) != want {
			t.Fatalf("plan\n got %s\nwant %s", out, want)
		}
	})
	t.Run("value uses have no arguments, not null", func(t *testing.T) {
		p, err := Build("v.go", []byte("package main\n\nimport \"airlock/fs\"\n\nvar f = fs.Glob\n\nfunc main() {}\n"), Options{Tools: testTools})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := json.Marshal(p.Uses)
		if want := `[{"tool":"fs.Glob","kind":"value","context":"package-var","pos":{"line":5,"col":9},"args":[]}]`; string(out) != want {
			t.Fatalf("uses\n got %s\nwant %s", out, want)
		}
	})
	t.Run("stable and sorted", func(t *testing.T) {
		src, err := os.ReadFile("testdata/finding_imports.go")
		if err != nil {
			t.Fatal(err)
		}
		var first []byte
		for i := range 5 {
			p, err := Build("finding_imports.go", src, Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			out, _ := json.Marshal(p)
			if i == 0 {
				first = out
				for j := 1; j < len(p.Imports); j++ {
					if p.Imports[j-1].Path > p.Imports[j].Path {
						t.Fatalf("imports not sorted: %s before %s", p.Imports[j-1].Path, p.Imports[j].Path)
					}
				}
				for j := 1; j < len(p.Findings); j++ {
					if comparePos(p.Findings[j-1].Pos, p.Findings[j].Pos) > 0 {
						t.Fatalf("findings not sorted: %v before %v", p.Findings[j-1], p.Findings[j])
					}
				}
			} else if !bytes.Equal(out, first) {
				t.Fatalf("plan differs between builds:\n%s\n%s", first, out)
			}
		}
	})
}

func TestHints(t *testing.T) {
	tests := []struct {
		name, src string
		rule      string
		want      []string // substrings of the hint
	}{
		{"io/fs suggests the fs tools", `import "io/fs"`, "unavailable",
			[]string{"use airlock/fs instead", "airlock/fs airlock/http (tools)", "container/{heap,list,ring}", "encoding/{ascii85,base32,base64,binary,csv,hex,json,pem,xml}", "fmt"}},
		{"log/slog suggests log", `import "log/slog"`, "unavailable", []string{"use log instead"}},
		{"an unknown tool lists the tools", `import "airlock/sql"`, "unavailable", []string{"tool packages offered: airlock/fs airlock/http"}},
		{"undefined tool function lists the package", `import "airlock/fs"

var _ = fs.Stat`, "type", []string{"package airlock/fs declares Concat, Decode, Glob, Head, ReadCSV, ReadFile"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "package main\n\n" + tt.src + "\n\nfunc main() {}\n"
			p, err := Build("prog.go", []byte(src), Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range p.Findings {
				if f.Rule != tt.rule {
					continue
				}
				for _, w := range tt.want {
					if !strings.Contains(f.Hint, w) {
						t.Errorf("hint %q lacks %q", f.Hint, w)
					}
				}
				return
			}
			t.Fatalf("no %s finding in %+v", tt.rule, p.Findings)
		})
	}
}

func TestRuntimePackage(t *testing.T) {
	src := "package main\n\nimport \"airlock\"\n\nfunc main() {\n\tf := airlock.Result\n\tf(1)\n\tairlock.Result(map[string]int{})\n}\n"
	p, err := Build("prog.go", []byte(src), Options{Tools: testTools})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Uses) != 0 || len(p.Findings) != 0 {
		t.Fatalf("uses %+v, findings %+v; want none", p.Uses, p.Findings)
	}
	if rt := Runtime(); rt.Path != "airlock" || !strings.Contains(rt.Source, "func Result(v any)") {
		t.Fatalf("Runtime() = %+v", rt)
	}
}

// TestCompatPackages checks programs against the generic packages declared
// as source, once those declarations exist.
func TestCompatPackages(t *testing.T) {
	src := `package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

func main() {
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	m := map[string]int{"a": 1}
	keys := slices.Sorted(maps.Keys(m))
	lines := slices.Collect(strings.Lines("a\nb"))
	fmt.Println(xs, keys, lines, cmp.Compare(1, 2), slices.Index(keys, "a"))
}
`
	p, err := Build("prog.go", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range p.Findings {
		if f.Rule == "type" || f.Rule == "unavailable" {
			t.Errorf("%d:%d: %s: %s", f.Pos.Line, f.Pos.Col, f.Rule, f.Message)
		}
	}
}

// TestLazyStdlib checks that a Build converts only the packages the
// program imports.
func TestLazyStdlib(t *testing.T) {
	resetStdlib()
	if _, err := Build("hello.go", []byte(helloSource), Options{}); err != nil {
		t.Fatal(err)
	}
	stdlib.mu.Lock()
	var built []string
	for path := range stdlib.pkgs {
		built = append(built, path)
	}
	stdlib.mu.Unlock()
	if len(built) != 1 || built[0] != "fmt" {
		t.Fatalf("built %v, want only fmt", built)
	}
}

// TestConcurrentBuilds plans programs in parallel from empty caches; run
// with -race.
func TestConcurrentBuilds(t *testing.T) {
	resetStdlib()
	srcs := [][]byte{[]byte(helloSource), thousandLines()}
	for _, name := range []string{"stdlib.go", "use_call.go", "args.go"} {
		src, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := srcs[i%len(srcs)]
			p, err := Build("prog.go", src, Options{Tools: testTools})
			if err != nil {
				t.Error(err)
				return
			}
			for _, f := range p.Findings {
				if f.Rule == "type" {
					t.Errorf("type error %s", f.Message)
				}
			}
		}()
	}
	wg.Wait()
}

// TestDependencies holds the line the design draws: plan never imports the
// policy language nor the interpreter.
func TestDependencies(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command(gobin, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/expr-lang/") || strings.HasPrefix(dep, "github.com/traefik/yaegi") {
			t.Errorf("plan depends on %s", dep)
		}
	}
}
