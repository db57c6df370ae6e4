// Package plan statically analyses an agent-written program before it runs:
// what it imports, every place it uses a tool and the arguments known before
// run time, and findings for what must never run. It also rewrites the few
// modern Go idioms the interpreter cannot run into equivalents it can.
//
// plan never imports the policy language nor the interpreter: a plan is
// plain data that verify judges and exec runs.
package plan

import "time"

// MaxSource is the largest program plan accepts, checked before parsing:
// parser and type-checker cost grows with hostile nesting.
const MaxSource = 64 << 10

// Plan is what a program would do, as far as can be known before it runs.
type Plan struct {
	File     string    `json:"file"`
	Language string    `json:"language"` // "go" (and "sh" later)
	Package  string    `json:"package,omitempty"`
	Imports  []Import  `json:"imports"`
	Uses     []ToolUse `json:"tool_uses"`
	Findings []Finding `json:"findings"`
	Rewrites []Rewrite `json:"rewrites,omitempty"`

	// Flows lists how tool results can reach tool arguments and the
	// program's output, as far as static analysis can tell.
	Flows []Flow `json:"flows,omitempty"`

	// Notes are remarks that do not stop the program from running: what
	// makes its runs differ, and what leaves its tool calls without a bound.
	Notes []Note `json:"notes,omitempty"`

	// CallBound bounds the tool calls one run makes; nil when the program
	// could not be analysed.
	CallBound *CallBound `json:"call_bound,omitempty"`

	// Source is the program as it will run: the input with the rewrites
	// applied. Lines are preserved, so positions in run-time errors match
	// the original file.
	Source []byte `json:"-"`
}

// Pos is a 1-based position in the program's source.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Import is one imported package.
type Import struct {
	Path string `json:"path"`
	Name string `json:"name,omitempty"` // explicit name: alias, "." or "_"
	Tool bool   `json:"tool,omitempty"` // a tool package such as airlock/fs
	Pos  Pos    `json:"pos"`
}

// ToolUse is one place a program refers to a tool: a call, or the tool taken
// as a value (assigned, passed, returned, stored), which is treated as a use
// whose arguments are all unknown.
type ToolUse struct {
	Tool    string `json:"tool"`              // "fs.ReadFile": provider and function
	Kind    string `json:"kind"`              // "call" or "value"
	Context string `json:"context,omitempty"` // "init", "package-var", "defer", "go", "closure" or "" for plain code
	Pos     Pos    `json:"pos"`
	Args    []Arg  `json:"args"` // one per parameter, in order; empty for a value use
}

// Arg is one argument of a tool use.
type Arg struct {
	Name  string `json:"name"`  // the parameter's name in the tool's declaration
	Known bool   `json:"known"` // value is known before run time
	// Value is a string, int64, float64 or bool when Known; for a composite
	// literal of a tool package's struct type (an MCP tool's arguments), the
	// JSON the call will send: map[string]any, []any and those scalars.
	Value any    `json:"value,omitempty"`
	Expr  string `json:"expr"` // the argument's source text
}

// Finding is a reason the program must not run as written, independent of
// any policy.
type Finding struct {
	Pos     Pos    `json:"pos"`
	Rule    string `json:"rule"` // stable identifier, e.g. "cgo", "linkname", "unsupported", "type"
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"` // what the model can do instead
}

// Rewrite records one source rewrite made so the interpreter can run an idiom.
type Rewrite struct {
	Pos  Pos    `json:"pos"`
	From string `json:"from"` // e.g. "range over int"
}

// ToolPackage declares a package of tools a program can import, as Go
// source: function declarations without bodies and the types they use, with
// doc comments. The planner type-checks programs against it, `airlock tools
// show` prints it, and the sandbox compiles a stub from it.
type ToolPackage struct {
	Path   string // import path, e.g. "airlock/fs"
	Name   string // provider name used in tool names, e.g. "fs"
	Source string // "package fs\n\n// ReadFile ...\nfunc ReadFile(path string) (string, error)\n..."
}

// DefaultTimeout bounds the analysis of one program when Options.Timeout is
// not set. An ordinary 1,000-line program takes about 10 ms.
const DefaultTimeout = 3 * time.Second

// Options configure Build.
type Options struct {
	// Timeout bounds type checking and analysis; past it the plan carries a
	// "too-complex" finding and the program is refused.
	Timeout time.Duration

	// Tools are the tool packages a program may import. Importing any other
	// airlock/... path is a finding.
	Tools []ToolPackage
}
