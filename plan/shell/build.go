// Package shell statically plans a shell script before it runs: every
// command it runs, each a tool use "sh.<command>" whose arguments are known
// when written literally, every file it redirects to or from (the tool use
// "shell.Open"), and findings for commands that cannot be seen before run
// time. It follows the commands wrappers such as sudo, xargs, find -exec
// and sh -c run.
package shell

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/airlockhq/airlock/plan"
)

// maxDepth bounds how deep a script may nest statements, substitutions and
// expressions. Scripts nest a few levels; hostile ones nest thousands.
const maxDepth = 100

// Build plans the shell script src, read from name. It returns an error
// only when there is nothing to plan: src is larger than plan.MaxSource or
// does not parse as a bash or POSIX shell script (a *plan.SyntaxError).
// Every other problem is a Finding in the plan.
func Build(name string, src []byte) (*plan.Plan, error) {
	if len(src) > plan.MaxSource {
		return nil, fmt.Errorf("%s: script is %d bytes, over the limit of %d", name, len(src), plan.MaxSource)
	}
	file, err := parse(src, name)
	if err != nil {
		return nil, syntaxError(name, src, err)
	}
	p := &plan.Plan{
		File:     name,
		Language: "sh",
		Imports:  []plan.Import{},
		Uses:     []plan.ToolUse{},
		Findings: []plan.Finding{},
		Source:   src,
	}
	w := newWalker(&state{plan: p}, src, nil)
	w.file(file)
	sortPlan(p)
	return p, nil
}

// parse parses src as bash, or else as POSIX shell.
func parse(src []byte, name string) (*syntax.File, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(bytes.NewReader(src), name)
	if err == nil {
		return f, nil
	}
	if f, err := syntax.NewParser(syntax.Variant(syntax.LangPOSIX)).Parse(bytes.NewReader(src), name); err == nil {
		return f, nil
	}
	return nil, err
}

// syntaxError converts the parser's error. Its positions are recomputed
// from the byte offset: the parser's columns stop counting on long lines.
func syntaxError(name string, src []byte, err error) *plan.SyntaxError {
	off, msg := uint(0), err.Error()
	var pe syntax.ParseError
	var le syntax.LangError
	switch {
	case errors.As(err, &pe):
		off, msg = pe.Pos.Offset(), pe.Text
	case errors.As(err, &le):
		off = le.Pos.Offset()
		le.Filename = ""
		msg = strings.TrimPrefix(le.Error(), le.Pos.String()+": ")
	}
	return &plan.SyntaxError{File: name, Errors: []plan.PosError{{Pos: lineTable(src).pos(off), Msg: msg}}}
}

// lines holds the offsets at which the source's lines start.
type lines []uint

func lineTable(src []byte) lines {
	l := lines{0}
	for i, c := range src {
		if c == '\n' {
			l = append(l, uint(i+1))
		}
	}
	return l
}

// pos converts a byte offset to a position.
func (l lines) pos(off uint) plan.Pos {
	i := sort.Search(len(l), func(i int) bool { return l[i] > off })
	return plan.Pos{Line: i, Col: int(off-l[i-1]) + 1}
}

// state is shared by the walkers of a script and the scripts it runs.
type state struct {
	plan    *plan.Plan
	complex bool                  // a too-complex finding was made
	found   map[plan.Finding]bool // findings made, so each is reported once
}

// walker plans one script: the program, or a script a wrapper runs.
type walker struct {
	*state
	src   []byte
	lines lines

	// at is where everything in a script a wrapper runs is reported: the
	// wrapper's name in the program.
	at *plan.Pos
	// wrapDepth counts the wrappers this script runs within.
	wrapDepth int

	// collecting is set on the first pass, which only finds functions.
	collecting bool
	funcs      []funcDef
	// inherited are functions the script can call without defining them:
	// those defined before an eval that runs it.
	inherited map[string]bool
	inFunc    int
}

// funcDef is a function a script defines, at an offset.
type funcDef struct {
	name string
	off  uint
}

func newWalker(s *state, src []byte, at *plan.Pos) *walker {
	return &walker{state: s, src: src, lines: lineTable(src), at: at}
}

// file plans a parsed script in two passes: functions first, so calls to
// them are told from commands.
func (w *walker) file(f *syntax.File) {
	w.collecting = true
	w.stmts(f.Stmts, 0)
	w.collecting = false
	w.stmts(f.Stmts, 0)
}

func (w *walker) pos(p syntax.Pos) plan.Pos {
	if w.at != nil {
		return *w.at
	}
	return w.lines.pos(min(p.Offset(), uint(len(w.src))))
}

// text is the source text of n.
func (w *walker) text(n syntax.Node) string {
	start, end := n.Pos().Offset(), n.End().Offset()
	if start > end || end > uint(len(w.src)) {
		return ""
	}
	return string(w.src[start:end])
}

func (w *walker) context() string {
	switch {
	case w.at != nil:
		return "wrapped"
	case w.inFunc > 0:
		return "function"
	}
	return ""
}

func (w *walker) use(tool string, pos plan.Pos, context string, args []plan.Arg) {
	w.plan.Uses = append(w.plan.Uses, plan.ToolUse{Tool: tool, Kind: "call", Context: context, Pos: pos, Args: args})
}

func (w *walker) finding(pos plan.Pos, rule, msg, hint string) {
	f := plan.Finding{Pos: pos, Rule: rule, Message: msg, Hint: hint}
	if w.found[f] {
		return
	}
	if w.found == nil {
		w.found = map[plan.Finding]bool{}
	}
	w.found[f] = true
	w.plan.Findings = append(w.plan.Findings, plan.Finding{Pos: pos, Rule: rule, Message: msg, Hint: hint})
}

// enter reports whether depth d is within maxDepth, and reports the first
// place it is not.
func (w *walker) enter(d int, p syntax.Pos) bool {
	if d <= maxDepth {
		return true
	}
	if !w.collecting && !w.complex {
		w.complex = true
		w.finding(w.pos(p), "too-complex", fmt.Sprintf("the script nests more than %d levels deep", maxDepth),
			"split the script into simpler commands and functions")
	}
	return false
}

func (w *walker) stmts(list []*syntax.Stmt, d int) {
	if len(list) == 0 || !w.enter(d, list[0].Pos()) {
		return
	}
	for _, s := range list {
		w.stmt(s, d)
	}
}

// stmt plans a statement. Lists joined by && || and | are followed without
// recursion: scripts chain thousands of them.
func (w *walker) stmt(s *syntax.Stmt, d int) {
	stack := []*syntax.Stmt{s}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if s == nil {
			continue
		}
		for _, r := range s.Redirs {
			w.redirect(r, d)
		}
		if b, ok := s.Cmd.(*syntax.BinaryCmd); ok {
			stack = append(stack, b.Y, b.X)
			continue
		}
		w.command(s.Cmd, d)
	}
}

func (w *walker) command(c syntax.Command, d int) {
	switch c := c.(type) {
	case *syntax.CallExpr:
		w.call(c, d)
	case *syntax.IfClause:
		for ; c != nil; c = c.Else {
			w.stmts(c.Cond, d+1)
			w.stmts(c.Then, d+1)
		}
	case *syntax.WhileClause:
		w.stmts(c.Cond, d+1)
		w.stmts(c.Do, d+1)
	case *syntax.ForClause:
		switch l := c.Loop.(type) {
		case *syntax.WordIter:
			for _, x := range l.Items {
				w.word(x, d+1)
			}
		case *syntax.CStyleLoop:
			w.arithm(l.Init, d+1)
			w.arithm(l.Cond, d+1)
			w.arithm(l.Post, d+1)
		}
		w.stmts(c.Do, d+1)
	case *syntax.CaseClause:
		w.word(c.Word, d+1)
		for _, item := range c.Items {
			for _, p := range item.Patterns {
				w.word(p, d+1)
			}
			w.stmts(item.Stmts, d+1)
		}
	case *syntax.Block:
		w.stmts(c.Stmts, d+1)
	case *syntax.Subshell:
		w.stmts(c.Stmts, d+1)
	case *syntax.FuncDecl:
		if w.collecting {
			for _, n := range append([]*syntax.Lit{c.Name}, c.Names...) {
				if n != nil {
					w.funcs = append(w.funcs, funcDef{name: n.Value, off: c.Pos().Offset()})
				}
			}
		}
		if c.Body != nil && w.enter(d+1, c.Body.Pos()) {
			w.inFunc++
			w.stmt(c.Body, d+1)
			w.inFunc--
		}
	case *syntax.ArithmCmd:
		w.arithm(c.X, d+1)
	case *syntax.TestClause:
		w.test(c.X, d+1)
	case *syntax.DeclClause: // declare, local, export...: pure builtins
		for _, a := range c.Args {
			w.assign(a, d)
		}
	case *syntax.LetClause:
		for _, x := range c.Exprs {
			w.arithm(x, d+1)
		}
	case *syntax.TimeClause:
		if !w.collecting {
			args := []plan.Arg{}
			if c.PosixFormat {
				args = append(args, plan.Arg{Name: "argv[0]", Known: true, Value: "-p", Expr: "-p"})
			}
			w.use("sh.time", w.pos(c.Time), w.context(), args)
		}
		if c.Stmt != nil && w.enter(d+1, c.Stmt.Pos()) {
			w.stmt(c.Stmt, d+1)
		}
	case *syntax.CoprocClause:
		w.word(c.Name, d+1)
		if c.Stmt != nil && w.enter(d+1, c.Stmt.Pos()) {
			w.stmt(c.Stmt, d+1)
		}
	case *syntax.TestDecl:
		w.word(c.Description, d+1)
		if c.Body != nil && w.enter(d+1, c.Body.Pos()) {
			w.stmt(c.Body, d+1)
		}
	}
}

func (w *walker) assign(a *syntax.Assign, d int) {
	if a == nil {
		return
	}
	w.arithm(a.Index, d+1)
	w.word(a.Value, d)
	if a.Array != nil {
		for _, e := range a.Array.Elems {
			w.arithm(e.Index, d+1)
			w.word(e.Value, d+1)
		}
	}
}

// word plans the commands in w's substitutions.
func (w *walker) word(x *syntax.Word, d int) {
	if x == nil || len(x.Parts) == 0 || !w.enter(d, x.Pos()) {
		return
	}
	for _, p := range x.Parts {
		w.wordPart(p, d)
	}
}

func (w *walker) wordPart(p syntax.WordPart, d int) {
	switch p := p.(type) {
	case *syntax.DblQuoted:
		if !w.enter(d+1, p.Pos()) {
			return
		}
		for _, q := range p.Parts {
			w.wordPart(q, d+1)
		}
	case *syntax.CmdSubst:
		w.stmts(p.Stmts, d+1)
	case *syntax.ProcSubst:
		// The sandbox cannot create the named pipe it needs.
		w.finding(w.pos(p.Pos()), "unsupported", "process substitution (<(...) or >(...)) is not supported in the sandbox",
			"use a pipe (cmd1 | cmd2) or a temporary file")
		w.stmts(p.Stmts, d+1)
	case *syntax.ArithmExp:
		w.arithm(p.X, d+1)
	case *syntax.ParamExp:
		if !w.enter(d+1, p.Pos()) {
			return
		}
		if p.NestedParam != nil {
			w.wordPart(p.NestedParam, d+1)
		}
		w.arithm(p.Index, d+1)
		if p.Slice != nil {
			w.arithm(p.Slice.Offset, d+1)
			w.arithm(p.Slice.Length, d+1)
		}
		if p.Repl != nil {
			w.word(p.Repl.Orig, d+1)
			w.word(p.Repl.With, d+1)
		}
		if p.Exp != nil {
			w.word(p.Exp.Word, d+1)
		}
	case *syntax.BraceExp:
		for _, e := range p.Elems {
			w.word(e, d+1)
		}
	}
}

// arithm plans the substitutions in an arithmetic expression; chains of
// binary operators are followed without recursion.
func (w *walker) arithm(x syntax.ArithmExpr, d int) {
	if x == nil || !w.enter(d, x.Pos()) {
		return
	}
	stack := []syntax.ArithmExpr{x}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case *syntax.BinaryArithm:
			stack = append(stack, x.Y, x.X)
		case *syntax.UnaryArithm:
			w.arithm(x.X, d+1)
		case *syntax.ParenArithm:
			w.arithm(x.X, d+1)
		case *syntax.FlagsArithm:
			w.arithm(x.X, d+1)
		case *syntax.Word:
			w.word(x, d+1)
		}
	}
}

// test plans the substitutions in a [[ ]] expression.
func (w *walker) test(x syntax.TestExpr, d int) {
	if x == nil || !w.enter(d, x.Pos()) {
		return
	}
	stack := []syntax.TestExpr{x}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case *syntax.BinaryTest:
			stack = append(stack, x.Y, x.X)
		case *syntax.UnaryTest:
			w.test(x.X, d+1)
		case *syntax.ParenTest:
			w.test(x.X, d+1)
		case *syntax.Word:
			w.word(x, d+1)
		}
	}
}

// redirect plans a redirection to or from a file as a use of shell.Open.
func (w *walker) redirect(r *syntax.Redirect, d int) {
	w.word(r.Hdoc, d+1)
	w.word(r.Word, d+1)
	if w.collecting || r.Word == nil || len(r.Word.Parts) == 0 {
		return
	}
	target, known := literal(r.Word)
	var mode string
	switch r.Op {
	case syntax.RdrIn:
		mode = "read"
	case syntax.RdrOut, syntax.RdrClob, syntax.RdrAll, syntax.RdrAllClob:
		mode = "write"
	case syntax.AppOut, syntax.AppAll, syntax.AppClob, syntax.AppAllClob:
		mode = "append"
	case syntax.RdrInOut:
		mode = "readwrite"
	case syntax.DplOut:
		// >&2 and >&- duplicate or close; >&file writes the file.
		if known && (target == "-" || isNumber(strings.TrimSuffix(target, "-"))) {
			return
		}
		mode = "write"
	default: // <&N, here-documents and here-strings
		return
	}
	if known && target == "/dev/null" {
		return
	}
	pathArg := plan.Arg{Name: "path", Known: known, Expr: w.text(r.Word)}
	if known {
		pathArg.Value = target
	}
	w.use("shell.Open", w.pos(r.Pos()), w.context(), []plan.Arg{
		pathArg,
		{Name: "mode", Known: true, Value: mode, Expr: r.Op.String()},
	})
}

// call plans a simple command.
func (w *walker) call(c *syntax.CallExpr, d int) {
	for _, a := range c.Assigns {
		w.assign(a, d)
	}
	for _, a := range c.Args {
		w.word(a, d)
	}
	if w.collecting || len(c.Args) == 0 {
		return
	}
	nameWord := c.Args[0]
	pos := w.pos(nameWord.Pos())
	name, ok := literal(nameWord)
	if !ok {
		w.finding(pos, "dynamic-command",
			fmt.Sprintf("the command name %s is only known at run time", w.text(nameWord)),
			"write the command name literally; a policy can only allow commands it can see")
		return
	}
	if name == "" || w.isFunction(name, nameWord.Pos().Offset()) || !strings.Contains(name, "/") && Pure(name) {
		return
	}
	args := make([]plan.Arg, 0, len(c.Args)-1)
	argv := []string{name}
	all := true
	for i, a := range c.Args[1:] {
		arg := plan.Arg{Name: fmt.Sprintf("argv[%d]", i), Expr: w.text(a)}
		if v, ok := literal(a); ok {
			arg.Known, arg.Value = true, v
			argv = append(argv, v)
		} else {
			all = false
		}
		args = append(args, arg)
	}
	w.use(tool(name), pos, w.context(), args)
	base := path.Base(name)
	switch {
	case base == "source":
		// The interpreter opens the file through shell.Open and checks
		// every command it runs, as it does for eval.
	case all:
		w.unwrap(argv, pos, nameWord.Pos().Offset(), w.wrapDepth)
	case base == "eval":
		// The interpreter checks what eval runs when it runs.
	case unwrap([]string{name}, 0).Wrapper:
		w.hidden(pos, base)
	}
}

// tool names the tool use of a command: "sh." and its base name.
func tool(name string) string {
	return "sh." + path.Base(name)
}

// isFunction reports whether a command called at offset off runs a
// function of the script: one defined before, or any when the call is in a
// function body, which runs later.
func (w *walker) isFunction(name string, off uint) bool {
	if strings.Contains(name, "/") {
		return false
	}
	if w.inherited[name] {
		return true
	}
	for _, f := range w.funcs {
		if f.name == name && (w.inFunc > 0 || f.off < off) {
			return true
		}
	}
	return false
}

func (w *walker) hidden(pos plan.Pos, wrapper string) {
	w.finding(pos, "hidden-command", fmt.Sprintf("what %s runs is only known at run time", wrapper),
		fmt.Sprintf("run the commands directly; airlock checks each command a script runs, but cannot see what %s runs when it is only known at run time", wrapper))
}

// unwrap plans what the wrapper command argv runs, if it is one: off is
// its place in the script, for the functions an eval can call.
func (w *walker) unwrap(argv []string, pos plan.Pos, off uint, depth int) {
	u := unwrap(argv, 0)
	if !u.Wrapper {
		return
	}
	base := path.Base(argv[0])
	if depth >= maxWrap {
		w.finding(pos, "too-complex", fmt.Sprintf("%s runs commands through more than %d wrappers", base, maxWrap),
			"run the innermost command directly")
		return
	}
	if u.Unknown {
		w.hidden(pos, base)
	}
	for _, c := range u.Commands {
		w.inner(c, pos, depth+1)
	}
	for _, s := range u.Scripts {
		w.script(s, base, pos, off, depth+1)
	}
}

// inner plans a command a wrapper runs. It is never one of the script's
// functions: wrappers run programs, and command and builtin skip functions.
func (w *walker) inner(argv []string, pos plan.Pos, depth int) {
	name := argv[0]
	if name == "" || !strings.Contains(name, "/") && Pure(name) {
		return
	}
	args := make([]plan.Arg, 0, len(argv)-1)
	for i, a := range argv[1:] {
		expr, err := syntax.Quote(a, syntax.LangBash)
		if err != nil {
			expr = a
		}
		args = append(args, plan.Arg{Name: fmt.Sprintf("argv[%d]", i), Known: true, Value: a, Expr: expr})
	}
	w.use(tool(name), pos, "wrapped", args)
	w.unwrap(argv, pos, 0, depth)
}

// script plans a script a wrapper runs. An eval runs it in the same shell,
// with the functions defined before it.
func (w *walker) script(src, wrapper string, pos plan.Pos, off uint, depth int) {
	if w.collecting {
		return
	}
	f, err := parse([]byte(src), "")
	if err != nil {
		msg := syntaxError("", []byte(src), err).Errors[0].Msg
		w.finding(pos, "syntax", fmt.Sprintf("the script %s runs does not parse: %s", wrapper, msg),
			"fix the script, or run its commands directly")
		return
	}
	inner := newWalker(w.state, []byte(src), &pos)
	inner.wrapDepth = depth
	if wrapper == "eval" {
		inner.inherited = map[string]bool{}
		for name := range w.inherited {
			inner.inherited[name] = true
		}
		for _, fn := range w.funcs {
			if w.inFunc > 0 || fn.off < off {
				inner.inherited[fn.name] = true
			}
		}
	}
	inner.file(f)
}

// sortPlan orders uses and findings by position, for stable output.
func sortPlan(p *plan.Plan) {
	comparePos := func(a, b plan.Pos) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	}
	slices.SortStableFunc(p.Uses, func(a, b plan.ToolUse) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Tool, b.Tool))
	})
	slices.SortStableFunc(p.Findings, func(a, b plan.Finding) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
}
