package verify

import (
	"encoding/json"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
	"time"

	"github.com/airlockhq/airlock/internal/readfile"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/policies"
)

// ToolSig names a tool and its parameters, in order. Load needs the tools
// that exist so that a policy naming an unknown tool, or a rule reading an
// argument the tool does not take, is an error rather than a rule that never
// matches.
type ToolSig = decl.Sig

// Wildcard is the function part of a ToolSig that stands for every
// function of a provider whose tools are only known once it is reached,
// such as an MCP server: "memory.*". A rule for such a tool may read any
// argument, unless the wildcard's signature lists the parameters every
// function takes ("sh.*": the commands of shell scripts, all taking argv).
const Wildcard = "*"

// lookupSig finds the signature of the tool called name, falling back to
// its provider's wildcard.
func lookupSig(known map[string]ToolSig, name string) (ToolSig, bool) {
	if sig, ok := known[name]; ok && !strings.HasSuffix(name, "."+Wildcard) {
		return sig, true
	}
	provider, fn, ok := strings.Cut(name, ".")
	if !ok || fn == Wildcard {
		return ToolSig{}, false // tools are granted one by one
	}
	w, ok := known[provider+"."+Wildcard]
	switch {
	case !ok:
		return ToolSig{}, false
	case w.Params != nil:
		// Every function takes the same parameters: the commands of a
		// shell script ("sh.grep"), named like files.
		if fn == "" || fn == "." || fn == ".." || strings.ContainsAny(fn, "/\x00 \t\n") {
			return ToolSig{}, false
		}
		return ToolSig{Name: name, Params: w.Params, Provider: w.Provider}, true
	case token.IsExported(fn):
		return ToolSig{Name: name, Provider: w.Provider, AnyArgs: true}, true
	}
	return ToolSig{}, false
}

// Policy is a loaded, compiled policy. Its rules are fixed at load time; a
// Policy is safe for concurrent use.
type Policy struct {
	Name        string // shown in summaries
	Description string
	File        string // as given to Load
	// Dir is the directory of the policy file. Relative paths in Providers
	// are relative to it; it is "" for the built-in default policy.
	Dir string
	// Limits cap a run. Unset limits hold the defaults (DefaultLimits).
	Limits Limits
	// Providers holds each provider's raw configuration, keyed by provider
	// name ("fs", "http"): the YAML values as map[string]any, []any,
	// string, int64, uint64, float64, bool or nil. verify does not read it.
	Providers map[string]any

	imports map[string]bool // standard-library packages the policy allows
	tools   map[string]*grant
	program []*rule
	known   map[string]ToolSig
	labels  map[string][]string // tool name or glob -> labels
	flows   []FlowRule
}

// grant is how a policy grants one tool.
type grant struct {
	sig  ToolSig
	name any   // sig.Name, boxed for rule environments
	rule *rule // nil: allowed for any arguments
}

// denyReason explains a denial by the grant's rule.
func (g *grant) denyReason() string {
	if g.rule.reason != "" {
		return g.rule.reason
	}
	return "denied by rule " + g.rule.text
}

// The bounds of a summary's token budget, wherever it is set (a policy's
// output_tokens, --max-tokens, run_program's max_tokens): the smallest a
// summary fits in, and the largest worth fitting, which bounds what the
// parent spends fitting one.
const (
	MinOutputTokens = 300
	MaxOutputTokens = 1_000_000
)

// Limits cap the resources of one run.
type Limits struct {
	Timeout      time.Duration // wall clock
	CPU          time.Duration // CPU time of the sandboxed process
	Memory       int64         // bytes
	ToolCalls    int           // tool calls per run
	OutputTokens int           // tokens of program output kept in the summary
	OutputBytes  int64         // bytes of program output kept: its head and its last lines
	// StopOnOutput ends the run, status limit, when the program prints
	// more than OutputBytes ("output_overflow: stop"). By default it runs
	// on: the middle of its output is counted and dropped.
	StopOnOutput bool
	ResultBytes  int64 // bytes of the value handed to airlock.Result
}

// DefaultLimits returns the limits a policy gets for each limit it leaves
// unset: modest enough for an ordinary data-crunching program.
func DefaultLimits() Limits {
	return Limits{
		Timeout:      10 * time.Second,
		CPU:          10 * time.Second,
		Memory:       256 << 20,
		ToolCalls:    100,
		OutputTokens: 2000,
		OutputBytes:  1 << 20,
		ResultBytes:  256 << 10,
	}
}

// MarshalJSON writes limits in the units a policy file uses: "10s",
// "256MiB".
func (l Limits) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Timeout      string `json:"timeout"`
		CPU          string `json:"cpu"`
		Memory       string `json:"memory"`
		ToolCalls    int    `json:"tool_calls"`
		OutputTokens int    `json:"output_tokens"`
		OutputBytes  string `json:"output_bytes"`
		Overflow     string `json:"output_overflow"`
		ResultBytes  string `json:"result_bytes"`
	}{
		Timeout:      l.Timeout.String(),
		CPU:          l.CPU.String(),
		Memory:       FormatSize(l.Memory),
		ToolCalls:    l.ToolCalls,
		OutputTokens: l.OutputTokens,
		OutputBytes:  FormatSize(l.OutputBytes),
		Overflow:     map[bool]string{false: "keep", true: "stop"}[l.StopOnOutput],
		ResultBytes:  FormatSize(l.ResultBytes),
	})
}

// Default returns the built-in policy (policies/default.yaml): a safe
// standard-library subset, no tools, modest limits.
func Default() *Policy {
	p, err := Load("default.yaml", policies.Default, nil)
	if err != nil {
		// A test loads the embedded file; this cannot happen in a
		// released binary.
		panic("built-in default policy: " + err.Error())
	}
	p.File = ""
	p.Dir = ""
	return p
}

// LoadFile reads and loads the policy file at path.
func LoadFile(path string, known []ToolSig) (*Policy, error) {
	src, err := readfile.Read(path, MaxPolicySize)
	if err != nil {
		return nil, fmt.Errorf("reading policy: %w", err)
	}
	return Load(path, src, known)
}

// Load parses and compiles a policy. file names it in errors and locates
// relative paths in its provider configuration; known lists the tools that
// exist. A policy with any problem is not returned: the error is an *Error
// listing every problem with its line, column and a caret snippet.
func Load(file string, src []byte, known []ToolSig) (*Policy, error) {
	return load(newLoader(file, src, known))
}

// LoadWith is Load for tools that depend on the policy itself: knownFor
// gets the policy's providers section, decoded, and returns the tools
// that exist under it (the commands it declares, a wildcard per MCP
// server). Its error is a problem of the providers section. The policy is
// parsed once.
func LoadWith(file string, src []byte, knownFor func(providers map[string]any) ([]ToolSig, error)) (*Policy, error) {
	l := newLoader(file, src, nil)
	l.knownFor = knownFor
	return load(l)
}

func load(l *loader) (*Policy, error) {
	file := l.file
	p := l.load()
	if err := l.ps.err(); err != nil {
		return nil, err
	}
	if file != "" && file != "-" {
		if dir, err := filepath.Abs(filepath.Dir(file)); err == nil {
			p.Dir = dir
		}
	}
	return p, nil
}

// Imports returns, sorted, the standard-library packages the policy allows.
// Tool packages (airlock/fs, ...) and airlock itself are allowed as well;
// see AllowsImport.
func (p *Policy) Imports() []string {
	return sortedKeys(p.imports)
}

// AllowsImport reports whether a program may import path: a package the
// policy lists, "airlock", or the tool package of a provider one of whose
// tools the policy grants.
func (p *Policy) AllowsImport(path string) bool {
	if p.imports[path] || alwaysAllowed(path) {
		return true
	}
	for _, g := range p.tools {
		if packageOf(g.sig) == path {
			return true
		}
	}
	return false
}

// packageOf returns the import path of a tool's package: "airlock/fs" for
// fs.ReadFile, "airlock/mcp/memory" for a tool of the MCP server memory.
func packageOf(sig ToolSig) string {
	if sig.Provider == "mcp" {
		return toolPackagePrefix + "mcp/" + providerOf(sig.Name)
	}
	return toolPackagePrefix + providerOf(sig.Name)
}

// allowedImports returns every import path AllowsImport accepts.
func (p *Policy) allowedImports() map[string]bool {
	set := make(map[string]bool, len(p.imports)+len(p.tools)+1)
	for path := range p.imports {
		set[path] = true
	}
	set[resultPackage] = true
	set[tablePackage] = true
	for _, g := range p.tools {
		set[packageOf(g.sig)] = true
	}
	return set
}

// Tools returns, sorted, the tools the policy grants.
func (p *Policy) Tools() []string {
	return sortedKeys(p.tools)
}

// ToolRule returns the allow rule of a granted tool and the reason shown
// when it denies a call; allow is "" when any arguments are allowed. ok is
// false when the policy does not grant the tool.
func (p *Policy) ToolRule(tool string) (allow, reason string, ok bool) {
	g, ok := p.tools[tool]
	if !ok {
		return "", "", false
	}
	if g.rule == nil {
		return "", "", true
	}
	return g.rule.src, g.rule.reason, true
}

// ProgramRule is a rule over the whole program, as written in the policy.
type ProgramRule struct {
	Deny   string `json:"deny"`
	Reason string `json:"reason,omitempty"`
}

// ProgramRules returns the policy's program rules in order.
func (p *Policy) ProgramRules() []ProgramRule {
	out := make([]ProgramRule, len(p.program))
	for i, r := range p.program {
		out[i] = ProgramRule{Deny: r.src, Reason: r.reason}
	}
	return out
}

// notGranted explains why a tool the policy does not list is denied.
func (p *Policy) notGranted(tool string) string {
	return fmt.Sprintf("%s is not granted by policy %s", tool, p.Name)
}

// grantedHint lists the tools a policy grants, for a denied tool.
func (p *Policy) grantedHint(tool string) string {
	names := p.Tools()
	if len(names) == 0 {
		return fmt.Sprintf("policy %s grants no tools: work with data in the program itself", p.Name)
	}
	if n, ok := nearest(tool, names); ok {
		return fmt.Sprintf("did you mean %s? granted tools: %s", n, abbreviate(names, 12))
	}
	return "granted tools: " + abbreviate(names, 12)
}

// providerNames returns the providers of the known tools, sorted.
func providerNames(known map[string]ToolSig) []string {
	set := map[string]bool{}
	for name, sig := range known {
		set[providerOf(name)] = true
		if sig.Provider != "" {
			set[sig.Provider] = true
		}
	}
	return sortedKeys(set)
}
