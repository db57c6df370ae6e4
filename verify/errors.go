package verify

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Error is a policy that could not be loaded. It lists every problem found,
// in file order, so one run shows all of them. A policy that fails to load is
// never used: callers must not fall back to allowing anything.
type Error struct {
	File     string
	Problems []Problem
}

// Problem is one mistake in a policy file.
type Problem struct {
	Line    int    // 1-based; 0 when the problem has no position
	Col     int    // 1-based, in characters
	Message string // lowercase, no final period
	// Snippet shows the offending line with a caret under the column, in
	// expr's format: "\n | source line\n | ....^". For a rule that does not
	// compile it is expr's own snippet of the rule.
	Snippet string
	Hint    string // what to change, when there is something specific to say
}

// Error formats every problem, one per paragraph:
//
//	policy.yaml:7:17: unknown field pth
//	 | under(args.pth, "data")
//	 | ...........^
//	hint: fs.ReadCSV has parameters: path
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.format(e.File))
	}
	return b.String()
}

func (p Problem) format(file string) string {
	var b strings.Builder
	b.WriteString(file)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	b.WriteString(p.Snippet)
	if p.Hint != "" {
		b.WriteString("\nhint: ")
		b.WriteString(p.Hint)
	}
	return b.String()
}

// problems collects the problems of one policy file.
type problems struct {
	file  string
	lines []string // the file's lines, for snippets
	list  []Problem
}

func newProblems(file string, src []byte) *problems {
	return &problems{file: file, lines: strings.Split(string(src), "\n")}
}

// add records a problem at a 1-based line and column, with a snippet of
// that line from the policy file.
func (ps *problems) add(line, col int, hint, format string, args ...any) {
	ps.list = append(ps.list, Problem{
		Line:    line,
		Col:     col,
		Message: fmt.Sprintf(format, args...),
		Snippet: ps.snippet(line, col),
		Hint:    hint,
	})
}

// snippet renders a line of the policy file with a caret under col, the way
// expr renders its own errors.
func (ps *problems) snippet(line, col int) string {
	if line < 1 || line > len(ps.lines) {
		return ""
	}
	text := strings.TrimRight(ps.lines[line-1], "\r")
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return caret(text, col)
}

// caret renders text with a caret under the 1-based column col.
func caret(text string, col int) string {
	text = strings.ReplaceAll(text, "\t", " ")
	return "\n | " + text + "\n | " + strings.Repeat(".", max(col-1, 0)) + "^"
}

// err returns the collected problems as an *Error, or nil if there are none.
func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	list := slices.Clone(ps.list)
	slices.SortStableFunc(list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return &Error{File: ps.file, Problems: list}
}
