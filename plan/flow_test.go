package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/airlockhq/airlock/plan/flow"
)

var flowTools = []ToolPackage{
	{Path: "airlock/src", Name: "src", Source: "package src\n\n// Read returns the named document.\nfunc Read(name string) (string, error)\n"},
	{Path: "airlock/sink", Name: "sink", Source: "package sink\n\n// Send posts body to url.\nfunc Send(url, body string) error\n\n// Receipt is unused.\ntype Receipt struct{}\n"},
}

// TestFlowRobust plans every program of the corpus and the compatibility
// fixtures: no panic, no analysis failure, and each well within the budget.
func TestFlowRobust(t *testing.T) {
	type program struct {
		name string
		src  []byte
	}
	var progs []program
	archives, _ := filepath.Glob("../testdata/corpus/*/*.txtar")
	for _, file := range archives {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		name, body := "", []string(nil)
		flush := func() {
			if strings.HasSuffix(name, ".go") {
				progs = append(progs, program{filepath.Base(file) + "/" + name, []byte(strings.Join(body, ""))})
			}
		}
		for _, line := range strings.SplitAfter(string(data), "\n") {
			if strings.HasPrefix(line, "-- ") && strings.HasSuffix(strings.TrimSpace(line), " --") {
				flush()
				name, body = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "-- "), " --"), nil
				continue
			}
			body = append(body, line)
		}
		flush()
	}
	for _, pattern := range []string{"../internal/compat/testdata/*.go", "testdata/*.go", "../testdata/examples/*.go"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			progs = append(progs, program{file, src})
		}
	}
	if len(progs) < 100 {
		t.Fatalf("only %d programs found", len(progs))
	}
	tools := append(slices.Clone(testTools), flowTools...)
	var slowest time.Duration
	flows := 0
	for _, p := range progs {
		start := time.Now()
		// Type checking a hostile program can take longer than the
		// analysis may: the timeout cuts it short.
		plan, err := Build("prog.go", p.src, Options{Tools: tools, Timeout: 1500 * time.Millisecond})
		d := time.Since(start)
		if d > 2*time.Second {
			t.Errorf("%s: took %s", p.name, d)
		}
		if err != nil {
			continue
		}
		if slices.ContainsFunc(plan.Findings, func(f Finding) bool { return f.Rule == "too-complex" }) {
			if !strings.HasPrefix(p.name, "exhaust_typecheck_bomb") {
				t.Errorf("%s: too complex to analyse", p.name)
			}
			continue
		}
		slowest = max(slowest, d)
		if d > 100*time.Millisecond {
			t.Logf("%s: %s", p.name, d)
		}
		for _, f := range plan.Flows {
			flows++
			if strings.HasPrefix(f.Why, "the analysis failed") {
				t.Errorf("%s: %s", p.name, f.Why)
			}
		}
	}
	t.Logf("%d programs, %d flows, slowest %s", len(progs), flows, slowest)
}

// flowUseText renders a use as its tool and arguments: src.Read("a").
func flowUseText(u ToolUse) string {
	var args []string
	for _, a := range u.Args {
		args = append(args, a.Expr)
	}
	return u.Tool + "(" + strings.Join(args, ", ") + ")"
}

// flowTexts renders flows as `src.Read("a") -> sink.Send("u", r) body data`,
// with "output" for the program's output and " ?" after an uncertain flow.
func flowTexts(p *Plan) []string {
	out := []string{}
	for _, f := range p.Flows {
		to := "output"
		if f.To >= 0 {
			to = flowUseText(p.Uses[f.To])
		}
		s := flowUseText(p.Uses[f.From]) + " -> " + to
		if f.Arg != "" {
			s += " " + f.Arg
		}
		s += " " + f.Kind
		if !f.Certain {
			s += " ?"
		}
		out = append(out, s)
	}
	return out
}

const flowHeader = `package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"airlock"
	"airlock/sink"
	"airlock/src"
)

var (
	_ = json.Marshal
	_ = fmt.Sprint
	_ = strconv.Itoa
	_ = strings.ToUpper
	_ sync.Mutex
	_ = airlock.Result
	_ sink.Receipt
)
`

func TestFlows(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"direct", `
func main() {
	r, _ := src.Read("a")
	sink.Send("u", r)
}`, []string{`src.Read("a") -> sink.Send("u", r) body data`}},

		{"variables and string building", `
func main() {
	r, err := src.Read("a")
	if err != nil {
		panic(err)
	}
	x := r
	var y string
	y = "<" + x + ">"
	y += "!"
	msg := fmt.Sprintf("got %s", strings.TrimSpace(y))
	sink.Send(msg, "b")
}`, []string{
			// The error decides whether the program panics (the output)
			// and whether Send runs, and the panic prints it.
			`src.Read("a") -> output control`,
			`src.Read("a") -> output data`,
			`src.Read("a") -> sink.Send(msg, "b") control`,
			`src.Read("a") -> sink.Send(msg, "b") url data`,
		}},

		{"json.Marshal and Unmarshal", `
type doc struct{ Text string }

func main() {
	r, _ := src.Read("a")
	b, _ := json.Marshal(map[string]string{"r": r})
	sink.Send("u", string(b))
	var d doc
	s, _ := src.Read("s")
	json.Unmarshal([]byte(s), &d)
	sink.Send("v", d.Text)
}`, []string{
			`src.Read("a") -> sink.Send("u", string(b)) body data`,
			`src.Read("s") -> sink.Send("v", d.Text) body data`,
		}},

		{"helper's return", `
func shout(s string) string { return strings.ToUpper(s) + "!" }

func wrap(s string) (string, error) {
	return "[" + shout(s) + "]", nil
}

func main() {
	r, _ := src.Read("a")
	w, _ := wrap(r)
	sink.Send("u", w)
	sink.Send("v", shout("const"))
}`, []string{
			// context-insensitive: shout's result is tainted at every call
			`src.Read("a") -> sink.Send("u", w) body data`,
			`src.Read("a") -> sink.Send("v", shout("const")) body data`,
		}},

		{"struct field and map", `
type rec struct{ Name, Body string }

func main() {
	r, _ := src.Read("a")
	x := rec{Name: "n"}
	x.Body = r
	m := map[string]string{}
	m["k"] = x.Body
	list := []rec{}
	list = append(list, rec{Body: "c"})
	sink.Send("u", m["k"])
	sink.Send("v", list[0].Body)
}`, []string{`src.Read("a") -> sink.Send("u", m["k"]) body data`}},

		{"pointers share their target", `
type acc struct{ Notes []string }

func main() {
	r, _ := src.Read("a")
	accs := map[string]*acc{}
	a := &acc{}
	accs["k"] = a
	a.Notes = append(a.Notes, r)
	for _, x := range accs {
		sink.Send("u", strings.Join(x.Notes, ","))
	}
}`, []string{
			`src.Read("a") -> sink.Send("u", strings.Join(x.Notes, ",")) control`, // the loop runs once per account
			`src.Read("a") -> sink.Send("u", strings.Join(x.Notes, ",")) body data`,
		}},

		{"closure", `
func main() {
	r, _ := src.Read("a")
	send := func(to string) error { return sink.Send(to, r) }
	send("u")
	upper := func(s string) string { return strings.ToUpper(s) }
	sink.Send(upper(r), "b")
}`, []string{
			`src.Read("a") -> sink.Send(to, r) body data`,
			`src.Read("a") -> sink.Send(upper(r), "b") url data`,
		}},

		{"pointer parameter", `
func fill(p *string, v string) { *p = v }

func main() {
	r, _ := src.Read("a")
	var s string
	fill(&s, r)
	sink.Send("u", s)
}`, []string{`src.Read("a") -> sink.Send("u", s) body data`}},

		{"global between functions", `
var cache string

func load() {
	r, _ := src.Read("a")
	cache = r
}

func send() { sink.Send("u", cache) }

func main() {
	load()
	send()
}`, []string{`src.Read("a") -> sink.Send("u", cache) body data`}},

		{"goroutine and channel", `
func main() {
	ch := make(chan string, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		r, _ := src.Read("a")
		ch <- r
	}()
	wg.Wait()
	got := <-ch
	sink.Send("u", got)
}`, []string{`src.Read("a") -> sink.Send("u", got) body data`}},

		{"control", `
func main() {
	r, _ := src.Read("a")
	if strings.Contains(r, "x") {
		sink.Send("u", "const")
	}
	for _, line := range strings.Split(r, "\n") {
		_ = line
		fmt.Println("a line")
	}
}`, []string{
			`src.Read("a") -> output control`,
			`src.Read("a") -> sink.Send("u", "const") control`,
		}},

		{"control through an early return", `
func main() {
	r, _ := src.Read("a")
	if r == "" {
		return
	}
	sink.Send("u", "const")
}`, []string{`src.Read("a") -> sink.Send("u", "const") control`}},

		{"control into a called function", `
func notify() { sink.Send("u", "const") }

func main() {
	r, _ := src.Read("a")
	switch r {
	case "yes":
		notify()
	}
}`, []string{`src.Read("a") -> sink.Send("u", "const") control`}},

		{"output", `
func main() {
	r, _ := src.Read("a")
	fmt.Println(r)
	s, _ := src.Read("s")
	airlock.Result(map[string]any{"s": s})
	n, _ := src.Read("n")
	fmt.Printf("%d\n", len(n)) // a length is data too
}`, []string{
			`src.Read("a") -> output data`,
			`src.Read("s") -> output data`,
			`src.Read("n") -> output data`,
		}},

		{"result into the next read", `
func main() {
	next, _ := src.Read("pointer")
	s, _ := src.Read(strings.TrimSpace(next))
	fmt.Print(s)
}`, []string{
			// A tool's result is computed from its arguments too.
			`src.Read("pointer") -> output data`,
			`src.Read("pointer") -> src.Read(strings.TrimSpace(next)) name data`,
			`src.Read(strings.TrimSpace(next)) -> output data`,
		}},

		{"recursion terminates", `
func walk(s string, n int) string {
	if n == 0 {
		return s
	}
	return walk(s+"x", n-1)
}

func main() {
	r, _ := src.Read("a")
	sink.Send("u", walk(r, 3))
}`, []string{`src.Read("a") -> sink.Send("u", walk(r, 3)) body data`}},

		{"no flow: constants only", `
func main() {
	r, _ := src.Read("a")
	_ = r
	sink.Send("u", "const")
}`, []string{}},

		{"no flow: an unrelated branch", `
func main() {
	mode := strconv.Itoa(1)
	if mode == "a" {
		r, _ := src.Read("a")
		fmt.Println(r)
	} else {
		sink.Send("u", "b")
	}
}`, []string{`src.Read("a") -> output data`}},

		{"the error result", `
func main() {
	_, err := src.Read("a")
	if err != nil {
		sink.Send("u", err.Error())
	}
}`, []string{
			// A tool's error tells what it found and echoes its arguments.
			`src.Read("a") -> sink.Send("u", err.Error()) control`,
			`src.Read("a") -> sink.Send("u", err.Error()) body data`,
		}},

		{"an argument echoed by the error", `
func main() {
	r, _ := src.Read("a")
	_, err := src.Read("x/" + r)
	sink.Send("u", fmt.Sprint(err))
}`, []string{
			`src.Read("a") -> src.Read("x/" + r) name data`,
			`src.Read("a") -> sink.Send("u", fmt.Sprint(err)) body data`,
			`src.Read("x/" + r) -> sink.Send("u", fmt.Sprint(err)) body data`,
		}},

		{"uncertain: a function value from a map", `
func main() {
	r, _ := src.Read("a")
	handlers := map[string]func(string) error{
		"send": func(s string) error { return sink.Send("u", s) },
	}
	handlers["send"](r)
}`, []string{`src.Read("a") -> sink.Send("u", s) body data ?`}},

		{"uncertain: a tool chosen by the result", `
func main() {
	r, _ := src.Read("a")
	tools := map[string]func(string, string) error{"send": sink.Send}
	tools[r]("u", "b")
}`, []string{`src.Read("a") -> sink.Send() control ?`}},

		{"uncertain: an interface method", `
type greeter interface{ greet(string) }
type mail struct{}

func (mail) greet(s string) { sink.Send("u", s) }

func main() {
	r, _ := src.Read("a")
	var g greeter = mail{}
	g.greet(r)
}`, []string{`src.Read("a") -> sink.Send("u", s) body data ?`}},
	}
	tools := append(slices.Clone(testTools), flowTools...)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := flowHeader + tt.body + "\n"
			p, err := Build("prog.go", []byte(src), Options{Tools: tools})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range p.Findings {
				t.Fatalf("finding %v", f)
			}
			got := flowTexts(p)
			if !slices.Equal(got, tt.want) {
				t.Errorf("flows\n got %q\nwant %q", got, tt.want)
			}
			for _, f := range p.Flows {
				if len(f.Path) == 0 || f.Certain != (f.Why == "") {
					t.Errorf("flow %+v: a path, and a reason exactly when uncertain", f)
				}
			}
		})
	}
}

func TestFlowPath(t *testing.T) {
	src := `package main

import (
	"airlock/sink"
	"airlock/src"
)

func wrap(s string) string {
	return "<" + s + ">"
}

func main() {
	r, _ := src.Read("a")
	w := wrap(r)
	sink.Send("u", w)
}
`
	p, err := Build("prog.go", []byte(src), Options{Tools: flowTools})
	if err != nil {
		t.Fatal(err)
	}
	// The read, the argument to wrap, its return, the call, the assignment
	// and the argument to Send.
	want := []Flow{{From: 0, To: 1, Arg: "body", Kind: "data", Certain: true,
		Path: []Pos{{Line: 13, Col: 10}, {Line: 14, Col: 12}, {Line: 9, Col: 2}, {Line: 14, Col: 7}, {Line: 15, Col: 17}}}}
	if fmt.Sprint(p.Flows) != fmt.Sprint(want) {
		t.Fatalf("flows\n got %+v\nwant %+v", p.Flows, want)
	}
}

// TestFlowBudget checks that a program the analysis cannot finish within
// its budget gets every flow, uncertain, rather than none.
func TestFlowBudget(t *testing.T) {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"airlock/sink\"\n\t\"airlock/src\"\n)\n\nfunc main() {\n")
	const n = flow.MaxPasses + 10
	for i := range n + 1 {
		fmt.Fprintf(&b, "\tvar x%d string\n", i)
	}
	// Each pass carries the result one assignment further back.
	for i := range n {
		fmt.Fprintf(&b, "\tx%d = x%d\n", i, i+1)
	}
	fmt.Fprintf(&b, "\tx%d, _ = src.Read(\"a\")\n\tsink.Send(\"u\", x0)\n}\n", n)
	start := time.Now()
	p, err := Build("prog.go", []byte(b.String()), Options{Tools: flowTools})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	want := []string{
		`src.Read("a") -> output control ?`,
		`src.Read("a") -> output data ?`,
		`src.Read("a") -> src.Read("a") control ?`,
		`src.Read("a") -> src.Read("a") name data ?`,
		`src.Read("a") -> sink.Send("u", x0) control ?`,
		`src.Read("a") -> sink.Send("u", x0) body data ?`,
		`src.Read("a") -> sink.Send("u", x0) url data ?`,
		// Send's error is a result too.
		`sink.Send("u", x0) -> output control ?`,
		`sink.Send("u", x0) -> output data ?`,
		`sink.Send("u", x0) -> src.Read("a") control ?`,
		`sink.Send("u", x0) -> src.Read("a") name data ?`,
		`sink.Send("u", x0) -> sink.Send("u", x0) control ?`,
		`sink.Send("u", x0) -> sink.Send("u", x0) body data ?`,
		`sink.Send("u", x0) -> sink.Send("u", x0) url data ?`,
	}
	if got := flowTexts(p); !slices.Equal(got, want) {
		t.Fatalf("flows\n got %q\nwant %q", got, want)
	}
	for _, f := range p.Flows {
		if f.Why != flow.WhyBudget {
			t.Errorf("flow %+v: want why %q", f, flow.WhyBudget)
		}
	}
}
