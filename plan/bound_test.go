package plan

import (
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan/bound"
	"github.com/airlockhq/airlock/plan/pass"
)

// lintProgram plans src as Build does, up to type checking, and lints it.
// The program must type-check cleanly.
func lintProgram(t *testing.T, src string) ([]Note, CallBound) {
	t.Helper()
	notes, bound, clean := lintSource(t, src)
	if !clean {
		t.Fatal("program does not type-check")
	}
	return notes, *bound
}

// lintSource lints src, which may have type errors.
func lintSource(t *testing.T, src string) ([]Note, *CallBound, bool) {
	t.Helper()
	tools, err := indexTools(testTools)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "prog.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{
		fset:    fset,
		tok:     fset.File(file.Pos()),
		file:    file,
		src:     []byte(src),
		tools:   tools,
		flagged: map[token.Pos]bool{},
		plan:    &Plan{Findings: []Finding{}},
	}
	clean, err := b.typeCheck()
	if err != nil {
		t.Fatal(err)
	}
	if !clean {
		t.Logf("type errors: %v", b.plan.Findings)
	}
	notes, callBound := bound.Review(&pass.Program{Fset: fset, File: file, Src: []byte(src), Info: b.info, Tools: b.toolPkgs, UseOf: b.use})
	return notes, callBound, clean
}

func TestLint(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  []string // "line:col rule: message"
		bound CallBound
	}{

		{
			name: "clock",
			src: `package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	fmt.Println(time.Since(start), time.Until(start))
	<-time.After(time.Millisecond)
	t := time.NewTimer(time.Second)
	t.Stop()
}
`,
			want: []string{
				"9:16 time: time.Now depends on when the program runs, so runs can differ",
				"10:19 time: time.Since depends on when the program runs, so runs can differ",
				"10:38 time: time.Until depends on when the program runs, so runs can differ",
				"11:9 time: time.After depends on when the program runs, so runs can differ",
				"12:12 time: time.NewTimer depends on when the program runs, so runs can differ",
			},
			bound: CallBound{Bounded: true},
		},
		{
			name: "clock not read",
			src: `package main

import (
	"fmt"
	"time"
)

func main() {
	d := 3 * time.Second
	time.Sleep(time.Millisecond)
	t := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	fmt.Println(d, t.Add(d).Format(time.RFC3339))
}
`,
			bound: CallBound{Bounded: true},
		},
		{
			name: "random",
			src: `package main

import (
	"fmt"
	"math/rand"
)

func main() {
	rand.Seed(7)
	fmt.Println(rand.Intn(10), rand.Shuffle)
}
`,
			want: []string{
				"9:7 random: rand.Seed (math/rand) uses a generator seeded differently on each run, so runs can differ",
				"10:19 random: rand.Intn (math/rand) uses a generator seeded differently on each run, so runs can differ",
				"10:34 random: rand.Shuffle (math/rand) uses a generator seeded differently on each run, so runs can differ",
			},
			bound: CallBound{Bounded: true},
		},
		{
			name: "random with a constant seed",
			src: `package main

import (
	"fmt"
	"math/rand"
)

func main() {
	r := rand.New(rand.NewSource(1))
	fmt.Println(r.Intn(10), r.Perm(3))
}
`,
			bound: CallBound{Bounded: true},
		},
		{
			name: "map printed in range order",
			src: `package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	for k, v := range m {
		fmt.Printf("%s=%d\n", k, v)
	}
}
`,
			want: []string{
				"7:2 map-order: ranging over map m visits its entries in a different order on each run, and the loop prints with fmt.Printf",
			},
			bound: CallBound{Bounded: true},
		},
		{
			name: "map keys sorted first",
			src: `package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
)

func main() {
	m := map[string]int{"a": 1, "b": 2}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Println(k)
	}
}
`,
			bound: CallBound{Bounded: true},
		},
		{
			name: "map aggregated",
			src: `package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	sum, n := 0, 0
	byLen := map[int]int{}
	for k, v := range m {
		sum += v
		n++
		byLen[len(k)] += v
		if v > 100 {
			fmt.Println("large value")
		}
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	fmt.Println(sum, n, byLen, len(keys))
}
`,
			bound: CallBound{Bounded: true},
		},
		{
			name: "map order leaks",
			src: `package main

import (
	"airlock/fs"
	"maps"
	"strings"
)

func names(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func main() {
	m := map[string]bool{"a.txt": true}
	s := ""
	for k := range m {
		s += k + ","
	}
	var sb strings.Builder
	for k := range maps.Keys(m) {
		sb.WriteString(k)
	}
	for k := range m {
		fs.ReadFile(k)
	}
	println(s, sb.String(), names(m))
}
`,
			want: []string{
				"11:2 map-order: ranging over map m visits its entries in a different order on each run, and the loop appends to out, which is used after the loop without being sorted",
				"20:2 map-order: ranging over map m visits its entries in a different order on each run, and the loop builds the string s",
				"24:2 map-order: ranging over map m visits its entries in a different order on each run, and the loop writes with WriteString",
				"27:2 map-order: ranging over map m visits its entries in a different order on each run, and the loop calls fs.ReadFile",
				"27:2 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (for k := range m { ... })",
			},
			bound: CallBound{Bounded: false},
		},
		{
			name: "nested constant loops",
			src: `package main

import "airlock/fs"

const rows = 3

func main() {
	for i := 0; i < rows; i++ {
		for j := range 4 {
			fs.Head("a.txt", i*j)
		}
	}
	for i := 10; i > 0; i -= 3 {
		fs.ReadFile("b.txt")
	}
	for i := 0; i <= 4 && i < 100; i++ {
		fs.ReadFile("c.txt")
	}
	for i := 0; i < 0; i++ {
		fs.ReadFile("never")
	}
}
`,
			bound: CallBound{Bounded: true, Max: 12 + 4 + 5, Min: 12 + 4}, // not the loop whose condition has &&
		},
		{
			name: "helper called twice and in a constant loop",
			src: `package main

import "airlock/fs"

func load(p string) string {
	s, _ := fs.ReadFile(p)
	return s
}

func unused() {
	for {
		fs.ReadFile("x")
	}
}

func init() {
	load("init.txt")
}

func main() {
	load("a")
	load("b")
	for _, p := range []string{"c", "d", "e"} {
		load(p)
	}
	read := func(p string) { load(p) }
	read("f")
	defer load("g")
	for range 2 {
		go load("h")
	}
}
`,
			want: []string{
				"11:2 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (for { ... })",
			},
			bound: CallBound{Bounded: true, Max: 1 + 2 + 3 + 1 + 1 + 2},
		},
		{
			name: "break in a constant loop",
			src: `package main

import "airlock/fs"

func main() {
	names := []string{"a", "b", "c"}
	for i := 0; i < 10; i++ {
		s, _ := fs.ReadFile(names[i%3])
		if s == "" {
			break
		}
	}
	for _, n := range names {
		fs.ReadFile(n)
	}
	for i := range 5 {
		if i > 2 {
			continue
		}
		fs.ReadFile("x")
	}
}
`,
			bound: CallBound{Bounded: true, Max: 10 + 3 + 5, Min: 3}, // a break, a continue
		},
		{
			name: "range over a tool result",
			src: `package main

import "airlock/fs"

func main() {
	files, _ := fs.Glob("*.csv")
	for _, f := range files {
		fs.ReadFile(f)
	}
	for _, f := range files[:min(len(files), 20)] {
		fs.Head(f, 3)
	}
}
`,
			want: []string{
				"7:2 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (for _, f := range files { ... })",
			},
			bound: CallBound{Bounded: false, Max: 1 + 20, Min: 1}, // a prefix may be shorter
		},
		{
			name: "unbounded loops",
			src: `package main

import "airlock/fs"

func main() {
	for {
		s, _ := fs.ReadFile("queue")
		if s == "" {
			break
		}
	}
	n := 3
	for i := 0; i < n; i++ {
		fs.Head("a", i)
	}
	ch := make(chan string)
	for p := range ch {
		fs.ReadFile(p)
	}
again:
	if s, _ := fs.ReadFile("b"); s != "" {
		goto again
	}
}
`,
			want: []string{
				"6:2 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (for { ... })",
				"13:2 unbounded-calls: fs.Head is called in a loop with no constant bound (for i := 0; i < n; i++ { ... })",
				"17:2 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (for p := range ch { ... })",
				"20:1 unbounded-calls: fs.ReadFile is called in a loop with no constant bound (goto again)",
			},
			bound: CallBound{Bounded: false},
		},
		{
			name: "recursion",
			src: `package main

import "airlock/fs"

func walk(dir string, depth int) {
	if depth == 0 {
		return
	}
	files, _ := fs.Glob(dir + "/*")
	for i := 0; i < 2; i++ {
		walk(files[i], depth-1)
	}
}

func main() {
	walk(".", 3)
}
`,
			want: []string{
				"5:6 unbounded-calls: walk is recursive and calls fs.Glob, so the number of calls has no bound before the program runs",
			},
			bound: CallBound{Bounded: false},
		},
		{
			name: "dead recursion",
			src: `package main

import "airlock/fs"

func walk(dir string) {
	fs.Glob(dir)
	walk(dir)
}

func main() {
	fs.ReadFile("a")
}
`,
			want: []string{
				"5:6 unbounded-calls: walk is recursive and calls fs.Glob, so the number of calls has no bound before the program runs",
			},
			bound: CallBound{Bounded: true, Max: 1, Min: 1},
		},
		{
			name: "functions as values",
			src: `package main

import (
	"airlock/fs"
	"fmt"
)

type doc string

func (d doc) String() string {
	s, _ := fs.ReadFile(string(d))
	return s
}

func apply(f func(string)) { f("x") }

func main() {
	apply(func(p string) { fs.ReadFile(p) })
	g := fs.Glob
	g("*")
	fmt.Println(doc("a"))
}
`,
			want: []string{
				"10:14 unbounded-calls: library code (fmt, sort, encoding/json...) may call the method (doc).String any number of times, and it calls fs.ReadFile",
				"18:8 unbounded-calls: a function literal is used as a value and calls fs.ReadFile, so those calls cannot be counted before the program runs",
				"19:10 unbounded-calls: fs.Glob is used as a value, so its calls cannot be counted before the program runs",
			},
			bound: CallBound{Bounded: false},
		},
		{
			name: "interface call",
			src: `package main

import "airlock/fs"

type reader interface{ read() }

type file string

func (f file) read() { fs.ReadFile(string(f)) }

type none struct{}

func (none) read() {}

func main() {
	var rs = [2]reader{file("a"), none{}}
	for _, r := range rs {
		r.read()
	}
}
`,
			bound: CallBound{Bounded: true, Max: 2},
		},
		{
			name: "methods, generics and closures",
			src: `package main

import "airlock/fs"

type store struct{ dir string }

func (s *store) get(p string) { fs.ReadFile(s.dir + p) }

func first[T any](xs []T) T {
	fs.Glob("*")
	return xs[0]
}

func main() {
	s := &store{dir: "d/"}
	for i := 0; i < 3; i++ {
		s.get("a")
	}
	first([]int{1})
	first[string]([]string{"a"})
	read := func() { fs.ReadFile("x") }
	read()
	read()
}
`,
			bound: CallBound{Bounded: true, Max: 3 + 2 + 2},
		},
		{
			name: "cap",
			src: `package main

import "airlock/fs"

func main() {
	for range 1_000_000 {
		for range 1_000_000 {
			fs.ReadFile("a")
		}
	}
}
`,
			bound: CallBound{Bounded: true, Max: MaxCallBound, Min: MaxCallBound},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes, bound := lintProgram(t, tt.src)
			var got []string
			for _, n := range notes {
				got = append(got, fmt.Sprintf("%d:%d %s: %s", n.Pos.Line, n.Pos.Col, n.Rule, n.Message))
				if n.Hint == "" {
					t.Errorf("note without a hint: %+v", n)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("notes:\n%s\nwant:\n%s", join(got), join(tt.want))
			}
			bound.Loop = nil // TestLeastCalls looks at it
			if bound != tt.bound {
				t.Errorf("bound = %+v, want %+v", bound, tt.bound)
			}
		})
	}
}

func join(list []string) string {
	var sb strings.Builder
	for _, x := range list {
		sb.WriteString("\t" + x + "\n")
	}
	return sb.String()
}

// TestLintCorpus lints every test program, with and without type errors:
// no panics, and every note well formed.
func TestLintCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/*.go")
	if err != nil {
		t.Fatal(err)
	}
	corpus, _ := filepath.Glob("../internal/compat/testdata/*.go")
	files = append(files, corpus...)
	if len(files) < 50 {
		t.Fatalf("%d test programs", len(files))
	}
	rules := []string{"time", "random", "map-order", "unbounded-calls"}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		notes, bound, _ := lintSource(t, string(src))
		for _, n := range notes {
			if n.Pos.Line < 1 || !slices.Contains(rules, n.Rule) || n.Message == "" || n.Hint == "" {
				t.Errorf("%s: note %+v", file, n)
			}
		}
		if bound.Max < 0 || bound.Max > MaxCallBound {
			t.Errorf("%s: bound %+v", file, bound)
		}
	}
}

// TestLeastCalls: the fewest calls a run that does not fail makes, and the
// loop named for them. Anything that may skip a call or end main first
// (a branch, break, continue, return, panic, exit, a helper that may exit,
// a function value, a loop bounded only from above) keeps it out.
func TestLeastCalls(t *testing.T) {
	const head = "package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n\n\t\"airlock/fs\"\n)\n\nvar _ = fmt.Sprint\nvar _ = log.Fatal\nvar _ = os.Exit\n\n"
	for _, c := range []struct {
		name, src string
		min       int
		loop      string // the named loop's header and calls, "" for none
	}{
		{"a constant loop", "func main() {\n\tfor i := 0; i < 500; i++ {\n\t\tfs.ReadFile(fmt.Sprint(i))\n\t}\n}\n", 500, "for i := 0; i < 500; i++ { ... } 500"},
		{"errors skipped with continue after the call", "func main() {\n\tfor i := range 200 {\n\t\tb, err := fs.ReadFile(fmt.Sprint(i))\n\t\tif err != nil {\n\t\t\tcontinue\n\t\t}\n\t\t_ = b\n\t}\n}\n", 200, "for i := range 200 { ... } 200"},
		{"a return on error", "func main() {\n\tfor i := range 200 {\n\t\tif _, err := fs.ReadFile(fmt.Sprint(i)); err != nil {\n\t\t\treturn\n\t\t}\n\t}\n}\n", 0, ""},
		{"log.Fatal on error", "func main() {\n\tfor i := range 200 {\n\t\tif _, err := fs.ReadFile(fmt.Sprint(i)); err != nil {\n\t\t\tlog.Fatal(err)\n\t\t}\n\t}\n}\n", 0, ""},
		{"calls before an exit count", "func main() {\n\tfs.ReadFile(\"a\")\n\tfs.ReadFile(\"b\")\n\tif len(os.Args) > 5 {\n\t\tos.Exit(1)\n\t}\n\tfor range 300 {\n\t\tfs.ReadFile(\"c\")\n\t}\n}\n", 2, ""},
		{"a helper that may panic", "func check(err error) {\n\tif err != nil {\n\t\tpanic(err)\n\t}\n}\n\nfunc main() {\n\tfor i := range 300 {\n\t\t_, err := fs.ReadFile(fmt.Sprint(i))\n\t\tcheck(err)\n\t}\n}\n", 0, ""},
		{"a helper that returns", "func show(b string) {\n\tif b == \"\" {\n\t\treturn\n\t}\n\tfmt.Println(len(b))\n}\n\nfunc main() {\n\tfor i := range 300 {\n\t\tb, _ := fs.ReadFile(fmt.Sprint(i))\n\t\tshow(b)\n\t}\n}\n", 300, "for i := range 300 { ... } 300"},
		{"a break", "func main() {\n\tfor i := range 300 {\n\t\tb, _ := fs.ReadFile(fmt.Sprint(i))\n\t\tif b == \"\" {\n\t\t\tbreak\n\t\t}\n\t}\n}\n", 0, ""},
		{"a break of an inner switch", "func main() {\n\tfor i := range 300 {\n\t\tb, _ := fs.ReadFile(fmt.Sprint(i))\n\t\tswitch b {\n\t\tcase \"\":\n\t\t\tbreak\n\t\t}\n\t}\n}\n", 300, "for i := range 300 { ... } 300"},
		{"under a branch", "func main() {\n\tif len(os.Args) > 1 {\n\t\tfor range 300 {\n\t\t\tfs.ReadFile(\"a\")\n\t\t}\n\t}\n}\n", 0, ""},
		{"bounded only from above", "func main() {\n\tdone := false\n\tfor i := 0; i < 300 && !done; i++ {\n\t\tb, _ := fs.ReadFile(fmt.Sprint(i))\n\t\tdone = b == \"\"\n\t}\n}\n", 0, ""},
		{"the right of ||", "func main() {\n\tfor i := range 300 {\n\t\t_ = i > 5 || fmt.Sprint(fs.ReadFile(\"a\")) != \"\"\n\t}\n}\n", 0, ""},
		{"a literal list and nested loops", "func main() {\n\tnames := []string{\"a\", \"b\", \"c\"}\n\tfor _, n := range names {\n\t\tfor j := 0; j < 50; j++ {\n\t\t\tfs.ReadFile(n + fmt.Sprint(j))\n\t\t}\n\t}\n\tfs.ReadFile(\"last\")\n}\n", 151, "for _, n := range names { ... } 150"},
		{"a function value", "func main() {\n\tf := func() {}\n\tfor range 300 {\n\t\tfs.ReadFile(\"a\")\n\t\tf()\n\t}\n}\n", 0, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, bound := lintProgram(t, head+c.src)
			loop := ""
			if bound.Loop != nil {
				loop = fmt.Sprintf("%s %d", bound.Loop.Header, bound.Loop.Calls)
			}
			if bound.Min != c.min || loop != c.loop {
				t.Errorf("min %d, loop %q; want %d, %q", bound.Min, loop, c.min, c.loop)
			}
		})
	}
}
