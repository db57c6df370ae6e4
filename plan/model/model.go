// Package model holds the plan's data: what a program imports, its tool
// uses and their arguments, the flows between them, findings, notes and the
// call bound, as plain data. The planner's passes (package plan and those
// beside it: internal/compat, plan/flow, plan/bound) write it; verify
// judges it; exec runs the program it describes.
package model

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

	// Clock lists where the program reads the clock or waits on it:
	// timing, which a policy may refuse to programs between its labels.
	Clock []ClockUse `json:"clock,omitempty"`

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
	// Calls, on a value use, are the calls made through the variable the
	// tool is assigned to (read := fs.ReadFile; read("a.csv")), each with
	// its arguments. It is set only when that variable is assigned once
	// and only ever called, so these are all the calls the value makes.
	Calls []Call `json:"calls,omitempty"`
}

// Call is one call of a tool made through a variable that holds it.
type Call struct {
	Pos  Pos   `json:"pos"`
	Args []Arg `json:"args"`
}

// Arg is one argument of a tool use.
type Arg struct {
	Name  string `json:"name"`  // the parameter's name in the tool's declaration
	Known bool   `json:"known"` // value is known before run time
	// Value is a string, int64, float64 or bool when Known; for a composite
	// literal of a tool package's struct type (an MCP tool's arguments), the
	// JSON the call will send: map[string]any, []any and those scalars.
	Value any `json:"value,omitempty"`
	// Values, when not Known, are the values the argument may take, each a
	// string, int64, float64 or bool: it is built from constants through
	// variables, parameters, loops over literal lists, elements and fields
	// of literals and string functions, and which one a run passes is only
	// known then.
	Values []any  `json:"values,omitempty"`
	Expr   string `json:"expr"` // the argument's source text
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

// Flow is one way a tool's result can reach a tool's argument or the
// program's output, as far as static analysis can tell.
type Flow struct {
	From int    `json:"from"`          // index in Plan.Uses of the tool use whose result flows
	To   int    `json:"to"`            // index in Plan.Uses of the receiving tool use, or -1 for the program's output
	Arg  string `json:"arg,omitempty"` // the receiving parameter's name; "" for output and control flows
	// Kind is "data" when the value, or something computed from it, is
	// passed; "control" when the result decides whether or how the
	// receiving call runs.
	Kind string `json:"kind"`
	// Certain is false when the analysis could not rule the flow out
	// (it lost track, see Why) rather than seeing it.
	Certain bool   `json:"certain"`
	Path    []Pos  `json:"path"`          // the steps from the source call to the sink, for a human to read
	Why     string `json:"why,omitempty"` // for an uncertain flow: what made the analysis give up
}

// WhyCallBudget says why the run's tool_calls budget carries a source's
// influence: calls made under its control spend the budget, and a later
// call may be refused for lack of it. A policy whose limit is above the
// program's call bound rules it out (verify's checkBudget).
const WhyCallBudget = "the calls before it spend the run's tool_calls budget, and may leave none for it"

// Note is a remark about a program that does not stop it from running:
// something that makes its runs differ from one another, or its number of
// tool calls impossible to bound before it runs.
type Note struct {
	Pos     Pos    `json:"pos"`
	Rule    string `json:"rule"` // stable identifier: "time", "random", "map-order" or "unbounded-calls"
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"` // what the model can do instead
}

// ClockUse is a use of a function that reads the clock or waits on it.
type ClockUse struct {
	Pos  Pos    `json:"pos"`
	Func string `json:"func"` // "time.Now"
}

// CallBound is a static upper bound on the tool calls one run makes: every
// tool use counted once per execution, through loops with a constant trip
// count and calls of the program's own functions.
type CallBound struct {
	// Max is the most tool calls a run makes when Bounded; otherwise the
	// most made outside the code that has no bound. It is capped at
	// MaxCallBound.
	Max int `json:"max"`
	// Bounded is false when a tool is used in a loop with no constant trip
	// count, in recursion, or in a function used as a value, so that the
	// number of calls is only known at run time.
	Bounded bool `json:"bounded"`
	// Min is the fewest tool calls a run makes when it does not fail: the
	// calls main makes whatever the data, in straight-line code and in
	// loops with a constant trip count that nothing leaves early, before
	// any statement that may end it.
	Min int `json:"min,omitempty"`
	// Loop is the loop that makes the most of those, when one does.
	Loop *BoundLoop `json:"loop,omitempty"`
}

// BoundLoop is a loop that makes tool calls a known number of times.
type BoundLoop struct {
	Pos    Pos    `json:"pos"`
	Header string `json:"header"` // "for i := 0; i < 500; i++ { ... }"
	Calls  int    `json:"calls"`
}

// MaxCallBound caps CallBound.Max.
const MaxCallBound = 1_000_000_000
