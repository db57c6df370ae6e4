package verify

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/types"
	"github.com/expr-lang/expr/vm"
)

// rule is one compiled expression of a policy. The same compiled program
// judges a tool use before the program runs and each real call while it
// runs.
type rule struct {
	src    string // as written in the policy
	text   string // src on one line, for messages
	reason string // shown when the rule denies; may be empty
	prog   *vm.Program

	// Tool rules: the parameters the rule reads, and whether it reads args
	// in a way that names no parameter (args[name], args as a whole).
	args    []string
	dynamic bool

	// Program rules: the tools named by uses() and uses_any() with a
	// literal argument, used to point a violation at a line of the program.
	tools []string
}

// evalState is what one evaluation needs, pooled so that checking a call
// does not allocate a VM and an environment each time.
type evalState struct {
	vm  vm.VM
	env map[string]any
}

var evalPool = sync.Pool{New: func() any {
	return &evalState{env: make(map[string]any, 2)}
}}

// evalTool evaluates a tool rule on a call's arguments. tool is the tool's
// name, boxed once when the policy loads: boxing it on every call would
// allocate.
func (r *rule) evalTool(tool any, args map[string]any) (bool, error) {
	s := evalPool.Get().(*evalState)
	s.env["args"] = args
	s.env["tool"] = tool
	ok, err := r.run(s)
	clear(s.env)
	evalPool.Put(s)
	return ok, err
}

// evalProgram evaluates a program rule on the tools used and the packages
// imported.
func (r *rule) evalProgram(tools, imports []string) (bool, error) {
	s := evalPool.Get().(*evalState)
	s.env["tools"] = tools
	s.env["imports"] = imports
	ok, err := r.run(s)
	clear(s.env)
	evalPool.Put(s)
	return ok, err
}

func (r *rule) run(s *evalState) (bool, error) {
	out, err := s.vm.Run(r.prog, s.env)
	if err != nil {
		var fe *file.Error
		if errors.As(err, &fe) {
			return false, errors.New(fe.Message)
		}
		return false, err
	}
	b, ok := out.(bool)
	if !ok {
		return false, fmt.Errorf("rule gave %s, not a bool", typeName(out))
	}
	return b, nil
}

// programOnly are the helpers that read the whole program, not one call.
var programOnly = []string{"uses", "uses_any", "imports"}

// ruleCompiler compiles the rules of one policy file, reporting problems at
// their position in the file.
type ruleCompiler struct {
	ps    *problems
	lines *lineIndex
	known map[string]ToolSig
	names []string // known tool names, sorted
}

// programEnv declares what a program rule sees.
var programEnv = types.Map{
	"tools":   types.TypeOf([]string{}),
	"imports": types.TypeOf([]string{}),
}

// compileTool compiles the allow rule of a tool.
func (c *ruleCompiler) compileTool(sig ToolSig, s scalar, reason string) *rule {
	params := make(types.Map, len(sig.Params))
	for _, p := range sig.Params {
		params[p] = types.Any
	}
	if sig.AnyArgs {
		params[types.Extra] = types.Any
	}
	env := types.Map{"args": params, "tool": types.String}
	opts := append([]expr.Option{expr.Env(env), expr.AsBool()}, pathHelpers...)
	opts = append(opts, boundedStrings...)
	return c.compile(s, reason, &sig, opts)
}

// compileProgram compiles the deny rule of a program rule.
func (c *ruleCompiler) compileProgram(s scalar, reason string) *rule {
	opts := append([]expr.Option{expr.Env(programEnv), expr.AsBool(), expr.Patch(programPatch{})}, programHelpers...)
	opts = append(opts, boundedStrings...)
	return c.compile(s, reason, nil, opts)
}

// compile parses and checks a rule; sig is the tool for a tool rule and nil
// for a program rule. It returns nil after reporting the problems found.
func (c *ruleCompiler) compile(s scalar, reason string, sig *ToolSig, opts []expr.Option) (r *rule) {
	defer func() {
		// expr is not meant to panic on any input, but a policy that
		// crashes the compiler must still be an error, never an allow.
		if p := recover(); p != nil {
			c.ps.add(s.line, s.col, "", "rule does not compile: %v", p)
			r = nil
		}
	}()
	if strings.TrimSpace(s.value) == "" {
		c.ps.add(s.line, s.col, "write an expression, e.g. under(args.path, \"data\")", "empty rule")
		return nil
	}
	tree, err := parser.Parse(s.value)
	if err != nil {
		c.exprError(s, err, "")
		return nil
	}
	a := analysis{c: c, s: s, program: sig == nil, refs: map[string]bool{}}
	ast.Walk(&tree.Node, &a)
	if a.failed {
		return nil
	}
	prog, err := expr.Compile(s.value, opts...)
	if err != nil {
		c.exprError(s, err, c.hint(err, sig))
		return nil
	}
	return &rule{
		src:     s.value,
		text:    strings.Join(strings.Fields(s.value), " "),
		reason:  reason,
		prog:    prog,
		args:    sortedKeys(a.refs),
		dynamic: a.dynamic || a.argsIdents > a.argsMembers,
		tools:   a.tools,
	}
}

// exprError reports an expr error at its position in the policy file.
func (c *ruleCompiler) exprError(s scalar, err error, hint string) {
	var fe *file.Error
	if !errors.As(err, &fe) {
		// An error about the rule as a whole, such as its result type.
		c.problemAt(s, file.Location{}, err.Error(), hint)
		return
	}
	c.problemAt(s, fe.Location, fe.Message, hint)
}

// problemAt reports a problem at a location inside a rule, with expr's
// caret snippet of the rule.
func (c *ruleCompiler) problemAt(s scalar, loc file.Location, msg, hint string) {
	line, col := c.lines.locate(s, loc.From)
	fe := &file.Error{Location: loc, Message: msg}
	fe = fe.Bind(file.NewSource(s.value))
	c.ps.list = append(c.ps.list, Problem{Line: line, Col: col, Message: msg, Snippet: fe.Snippet, Hint: hint})
}

// hint suggests a fix for a rule that does not compile.
func (c *ruleCompiler) hint(err error, sig *ToolSig) string {
	var fe *file.Error
	if !errors.As(err, &fe) {
		return ""
	}
	if field, ok := strings.CutPrefix(fe.Message, "unknown field "); ok && sig != nil {
		takes := fmt.Sprintf("%s takes %s", sig.Name, paramList(sig.Params))
		if p, ok := nearest(field, sig.Params); ok {
			return fmt.Sprintf("did you mean args.%s? %s", p, takes)
		}
		return takes
	}
	if strings.HasPrefix(fe.Message, "unknown name ") {
		if sig != nil {
			return "a tool rule can use args, tool, the helpers host, port, scheme, path_of, under, ext, base, clean and expr's builtins"
		}
		return "a program rule can use tools, imports, the helpers uses, uses_any, imports, host, port, scheme, path_of, under, ext, base, clean and expr's builtins"
	}
	return ""
}

func paramList(params []string) string {
	if len(params) == 0 {
		return "no arguments"
	}
	return strings.Join(params, ", ")
}

// analysis walks a parsed rule before it is compiled: it finds which
// arguments a tool rule reads and checks the helpers that take tool names.
type analysis struct {
	c       *ruleCompiler
	s       scalar
	program bool
	failed  bool

	refs        map[string]bool // args.X and args["X"]
	argsMembers int             // uses of args as args.X or args["X"]
	argsIdents  int             // uses of args in any way
	dynamic     bool            // $env: reads anything
	tools       []string
}

func (a *analysis) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		switch n.Value {
		case "args":
			a.argsIdents++
		case "$env":
			a.dynamic = true
		}
	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && id.Value == "args" {
			if p, ok := n.Property.(*ast.StringNode); ok {
				a.refs[p.Value] = true
				a.argsMembers++
			}
		}
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok && slices.Contains(programOnly, id.Value) {
			a.programHelper(n, id.Value)
		}
	case *ast.BuiltinNode:
		if why, ok := unboundedBuiltins[n.Name]; ok {
			a.c.problemAt(a.s, n.Location(), n.Name+"() is not allowed in a rule: "+why,
				"judge the arguments as they are: compare, match, test membership")
			a.failed = true
		}
	case *ast.VariableDeclaratorNode:
		a.c.problemAt(a.s, n.Location(), "let is not allowed in a rule: reusing a value could double it at every step",
			"write the expression where the variable would be used")
		a.failed = true
	case *ast.BinaryNode:
		if n.Operator == ".." {
			a.c.problemAt(a.s, n.Location(), "a range (..) is not allowed in a rule: its cost could not be bounded",
				"iterate over the tool's arguments, as all(args.tables, {# in [...]}) does")
			a.failed = true
		}
	}
}

// unboundedBuiltins are expr's builtins whose cost a rule could make grow
// without bound from small arguments (an accumulation doubling a string
// each step, a repetition of a repetition), and why. With them, ranges and
// let refused, a rule's cost is bounded by its size (expr's node limit)
// times its arguments': each value it builds is used once. replace, whose
// result can be its subject's length times its replacement's, is capped
// when it runs; see boundedStrings.
var unboundedBuiltins = map[string]string{
	"repeat": "its result could exhaust memory",
	"reduce": "an accumulation could double its value at every step",
}

// programHelper checks a call of uses, uses_any or imports.
func (a *analysis) programHelper(n *ast.CallNode, name string) {
	fail := func(loc file.Location, hint, format string, args ...any) {
		a.c.problemAt(a.s, loc, fmt.Sprintf(format, args...), hint)
		a.failed = true
	}
	if !a.program {
		fail(n.Location(), "put rules about the whole program under program: with deny:", "%s() is only available in program rules", name)
		return
	}
	if len(n.Arguments) != 1 {
		fail(n.Location(), "", "%s takes one argument, got %d", name, len(n.Arguments))
		return
	}
	lit, ok := n.Arguments[0].(*ast.StringNode)
	if !ok {
		return // checked when the rule runs
	}
	switch name {
	case "uses":
		if _, ok := lookupSig(a.c.known, lit.Value); !ok {
			fail(lit.Location(), didYouMean(lit.Value, a.c.names), "unknown tool %q", lit.Value)
			return
		}
		a.tools = append(a.tools, lit.Value)
	case "uses_any":
		var matched []string
		for _, t := range a.c.names {
			ok, err := matchTool(lit.Value, t)
			if err != nil {
				fail(lit.Location(), `write a glob such as "http.*" or a provider name such as "http"`, "bad pattern %q: %v", lit.Value, err)
				return
			}
			if ok {
				matched = append(matched, t)
			}
		}
		if len(matched) == 0 {
			fail(lit.Location(), "known tools: "+abbreviate(a.c.names, 12), "pattern %q matches no known tool", lit.Value)
			return
		}
		a.tools = append(a.tools, matched...)
	}
}

// programPatch rewrites the helpers that read the whole program into
// expressions over the tools and imports variables: uses(t) becomes
// t in tools, imports(p) becomes p in imports and uses_any(p) becomes
// uses_any_of(tools, p). The rewrite is what lets imports be both a
// variable and a function.
type programPatch struct{}

func (programPatch) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok || len(call.Arguments) != 1 {
		return
	}
	id, ok := call.Callee.(*ast.IdentifierNode)
	if !ok {
		return
	}
	ident := func(name string) ast.Node {
		n := &ast.IdentifierNode{Value: name}
		n.SetLocation(id.Location())
		return n
	}
	var repl ast.Node
	switch id.Value {
	case "uses":
		repl = &ast.BinaryNode{Operator: "in", Left: call.Arguments[0], Right: ident("tools")}
	case "imports":
		repl = &ast.BinaryNode{Operator: "in", Left: call.Arguments[0], Right: ident("imports")}
	case "uses_any":
		repl = &ast.CallNode{Callee: ident(usesAnyFunc), Arguments: []ast.Node{ident("tools"), call.Arguments[0]}}
	default:
		return
	}
	repl.SetLocation(call.Location())
	ast.Patch(node, repl)
}
