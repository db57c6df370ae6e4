package plan

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// testTools are small tool packages in the shape providers declare them.
var testTools = []ToolPackage{
	{Path: "airlock/fs", Name: "fs", Source: `package fs

// ReadFile returns the contents of the file at path.
func ReadFile(path string) (string, error)

// ReadCSV reads a CSV file with a header row.
func ReadCSV(path string) ([]map[string]string, error)

// Glob lists the files matching pattern.
func Glob(pattern string) ([]string, error)

// Head returns the first lines of a file.
func Head(path string, lines int) (string, error)

// Concat joins files, separated by sep.
func Concat(sep string, paths ...string) (string, error)

// Decode reads a JSON file into a T.
func Decode[T any](path string) (T, error)
`},
	{Path: "airlock/http", Name: "http", Source: `package http

// Response is what a server answered.
type Response struct {
	Status int
	Body   string
}

// Get fetches url.
func Get(url string) (Response, error)

// Fetch fetches url, waiting at most timeout seconds.
func Fetch(url string, timeout float64, follow bool) (Response, error)

// Text returns the body as text.
func (r Response) Text() (string, error)
`},
}

// TestFixtures plans each program in testdata and compares what it finds
// with the expectations written in the program:
//
//	x, _ := fs.ReadFile("a" + "b") // want use(fs.ReadFile call path="ab")
//	import "os"                    // want finding(unavailable "package os")
//
// use(TOOL KIND [context=CONTEXT] [ARG=VALUE]...) is a tool use; VALUE is a
// Go literal, or ? for an argument only known at run time. finding(RULE
// ["message regexp"]) is a finding. "// want+N" puts the expectations on
// the N'th line below. Every use and finding must be expected, on its line.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.go")
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool {
		return strings.HasPrefix(filepath.Base(f), "compat") // the rewrites' own fixtures
	})
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".go"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Build(filepath.Base(file), src, Options{Tools: testTools})
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			checkWants(t, p, parseWants(t, string(src)))
		})
	}
}

// want is one expected use or finding.
type want struct {
	line  int
	text  string         // canonical form, e.g. `use(fs.Glob value)` or `finding(cgo)`
	msgRE *regexp.Regexp // findings only, optional
}

var wantComment = regexp.MustCompile(`// want(\+\d+)? (.*)$`)

func parseWants(t *testing.T, src string) []want {
	t.Helper()
	var wants []want
	for i, line := range strings.Split(src, "\n") {
		m := wantComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n := i + 1
		if m[1] != "" {
			off, _ := strconv.Atoi(m[1][1:])
			n += off
		}
		items, err := parseItems(m[2])
		if err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, it := range items {
			w := want{line: n}
			switch it.kind {
			case "use":
				fields := make([]string, len(it.fields))
				for j, f := range it.fields {
					fields[j] = canonicalField(f)
				}
				w.text = "use(" + strings.Join(fields, " ") + ")"
			case "finding":
				if len(it.fields) == 0 {
					t.Fatalf("line %d: finding() needs a rule", i+1)
				}
				w.text = "finding(" + it.fields[0] + ")"
				if len(it.fields) > 1 {
					re, err := strconv.Unquote(it.fields[1])
					if err != nil {
						t.Fatalf("line %d: message pattern: %v", i+1, err)
					}
					w.msgRE = regexp.MustCompile(re)
				}
			default:
				t.Fatalf("line %d: unknown expectation %s(...)", i+1, it.kind)
			}
			wants = append(wants, w)
		}
	}
	return wants
}

type item struct {
	kind   string
	fields []string
}

// parseItems parses `use(a b="x y") finding(c)`.
func parseItems(s string) ([]item, error) {
	var items []item
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			return nil, fmt.Errorf("want: expected kind(...) in %q", s)
		}
		it := item{kind: s[:open]}
		s = s[open+1:]
		for {
			s = strings.TrimLeft(s, " ")
			if s == "" {
				return nil, fmt.Errorf("want: unclosed %s(", it.kind)
			}
			if s[0] == ')' {
				s = s[1:]
				break
			}
			i := 0
			for i < len(s) && s[i] != ' ' && s[i] != ')' {
				if s[i] == '"' || s[i] == '`' {
					q, err := strconv.QuotedPrefix(s[i:])
					if err != nil {
						return nil, fmt.Errorf("want: %v in %q", err, s)
					}
					i += len(q)
					continue
				}
				i++
			}
			it.fields = append(it.fields, s[:i])
			s = s[i:]
		}
		items = append(items, it)
	}
	return items, nil
}

// canonicalField re-quotes string values so `p="a"` and "p=`a`" compare
// equal.
func canonicalField(f string) string {
	name, v, ok := strings.Cut(f, "=")
	if !ok || v == "" || (v[0] != '"' && v[0] != '`') {
		return f
	}
	s, err := strconv.Unquote(v)
	if err != nil {
		return f
	}
	return name + "=" + strconv.Quote(s)
}

// useText is the canonical form of a tool use.
func useText(u ToolUse) string {
	fields := []string{u.Tool, u.Kind}
	if u.Context != "" {
		fields = append(fields, "context="+u.Context)
	}
	for _, a := range u.Args {
		fields = append(fields, a.Name+"="+valueText(a))
	}
	return "use(" + strings.Join(fields, " ") + ")"
}

func valueText(a Arg) string {
	if !a.Known {
		return "?"
	}
	switch v := a.Value.(type) {
	case string:
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprintf("%#v", a.Value)
}

func checkWants(t *testing.T, p *Plan, wants []want) {
	t.Helper()
	type got struct {
		line int
		text string
		msg  string
	}
	var gots []got
	for _, u := range p.Uses {
		gots = append(gots, got{u.Pos.Line, useText(u), ""})
	}
	for _, f := range p.Findings {
		gots = append(gots, got{f.Pos.Line, "finding(" + f.Rule + ")", f.Message})
	}
	matched := make([]bool, len(gots))
	for _, w := range wants {
		found := false
		for i, g := range gots {
			if !matched[i] && g.line == w.line && g.text == w.text && (w.msgRE == nil || w.msgRE.MatchString(g.msg)) {
				matched[i], found = true, true
				break
			}
		}
		if !found {
			var near []string
			for _, g := range gots {
				if g.line == w.line {
					near = append(near, g.text+" "+strconv.Quote(g.msg))
				}
			}
			t.Errorf("line %d: missing %s (got on that line: %s)", w.line, w.text, strings.Join(near, ", "))
		}
	}
	for i, g := range gots {
		if !matched[i] {
			t.Errorf("line %d: unexpected %s %q", g.line, g.text, g.msg)
		}
	}
}
