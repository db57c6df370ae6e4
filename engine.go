package airlock

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/airlockhq/airlock/internal/table"

	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/internal/readfile"
	"github.com/airlockhq/airlock/plan"
	planshell "github.com/airlockhq/airlock/plan/shell"
	"github.com/airlockhq/airlock/policies"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

// Engine is one policy loaded with the tools it configures. Nothing is
// started when it loads: an MCP server starts when a program imports it or
// a caller lists its tools. An Engine is safe for concurrent use; Close
// it when done.
type Engine struct {
	policy     *verify.Policy
	policyData []byte // the policy file as read, for approval digests
	registry   *tools.Registry
	verdicts   verdicts // recent verdicts, for runs without approval
}

// Default returns an engine with the built-in policy: no tools, the
// standard library only.
func Default() (*Engine, error) {
	reg, err := tools.New(nil, "")
	if err != nil {
		return nil, err
	}
	return &Engine{policy: verify.Default(), policyData: policies.Default, registry: reg}, nil
}

// Load loads the policy file at path, or the built-in policy when path is
// empty. Relative paths in the policy (fs roots, the shell's folder) are
// taken from the policy's folder. Every error is a problem of the policy
// or of reading it.
func Load(path string) (*Engine, error) {
	if path == "" {
		return Default()
	}
	data, err := readfile.Read(path, verify.MaxPolicySize)
	if err != nil {
		return nil, fmt.Errorf("reading policy: %w", err)
	}
	return LoadPolicy(path, data, filepath.Dir(path))
}

// LoadPolicy loads a policy given as bytes; name is how messages refer to
// it, dir the folder its relative paths are taken from.
func LoadPolicy(name string, data []byte, dir string) (*Engine, error) {
	pol, err := verify.LoadWith(name, data, func(providers map[string]any) ([]verify.ToolSig, error) {
		return knownTools(providers, dir)
	})
	if err != nil {
		return nil, err
	}
	reg, err := tools.FromPolicy(pol.Providers, dir)
	if err != nil {
		return nil, fmt.Errorf("policy %s: %w", name, err)
	}
	return &Engine{policy: pol, policyData: data, registry: reg}, nil
}

// Close stops what the engine started: MCP servers, open roots, idle
// connections.
func (e *Engine) Close() error { return e.registry.Close() }

// Policy returns the engine's policy.
func (e *Engine) Policy() *verify.Policy { return e.policy }

// PolicySource returns the policy as it was read.
func (e *Engine) PolicySource() []byte { return e.policyData }

// Registry returns the tools the policy configures.
func (e *Engine) Registry() *tools.Registry { return e.registry }

// knownTools lists the tools a policy may name: those of the built-in
// providers (with the arguments they derive, and the commands the policy
// declares under cli), and a wildcard for each MCP server it declares,
// whose tools are only known once it runs.
func knownTools(providers map[string]any, dir string) ([]verify.ToolSig, error) {
	pkgs, err := tools.Declared(providers, dir)
	if err != nil {
		return nil, err
	}
	known, err := verify.ToolSigs(pkgs...)
	if err != nil {
		return nil, err
	}
	for i := range known {
		known[i].Params = append(known[i].Params, tools.Derived(known[i].Name)...)
	}
	known = append(known,
		verify.ToolSig{Name: "sh." + verify.Wildcard, Params: []string{"argv"}},
		verify.ToolSig{Name: "shell.Open", Params: []string{"path", "mode"}})
	for _, name := range tools.MCPServers(providers) {
		known = append(known, verify.ToolSig{Name: name + "." + verify.Wildcard, Provider: "mcp"})
	}
	return known, nil
}

// ToolError is a tool package a program imports that cannot be served: an
// MCP server that does not start, or a grant of a tool the server does not
// have.
type ToolError struct {
	Err  error
	Hint string // what to do about it
}

func (e *ToolError) Error() string { return e.Err.Error() }
func (e *ToolError) Unwrap() error { return e.Err }

// Plan plans one program, a Go program or a shell script (IsScript), with
// the engine's tools. Only the MCP servers the program imports are
// started, concurrently, to learn their tools; one that fails gives a
// *ToolError.
func (e *Engine) Plan(name string, src []byte) (*plan.Plan, error) {
	p, _, err := e.plan(name, src)
	return p, err
}

// plan is Plan, saying how long starting the program's tool servers took.
func (e *Engine) plan(name string, src []byte) (*plan.Plan, time.Duration, error) {
	pkgs, started, err := e.toolPackages(name, src)
	if err != nil {
		return nil, started, err
	}
	p, err := e.build(name, src, pkgs)
	return p, started, err
}

// toolPackages starts the MCP servers a Go program imports and returns the
// declarations of the tool packages it imports, saying how long starting
// the servers took; a script has none.
func (e *Engine) toolPackages(name string, src []byte) ([]plan.ToolPackage, time.Duration, error) {
	if IsScript(name, src) {
		return nil, 0, nil
	}
	paths := toolImports(src)
	start := time.Now()
	if err := e.CheckServers(context.Background(), paths); err != nil {
		return nil, time.Since(start), err
	}
	return e.registry.PackagesFor(paths), time.Since(start), nil
}

// build plans a program against the tool packages toolPackages returned.
func (e *Engine) build(name string, src []byte, pkgs []plan.ToolPackage) (*plan.Plan, error) {
	if IsScript(name, src) {
		return planshell.Build(name, src)
	}
	p, err := plan.Build(name, src, plan.Options{Tools: pkgs})
	if err != nil {
		return nil, err
	}
	planScripts(p)
	return p, nil
}

// goPackage finds a Go package clause.
var goPackage = regexp.MustCompile(`(?m)^package\s+[\pL_]`)

// IsScript tells a shell script from a Go program: by the file's extension
// (.sh, .bash; .go), else by its content: a #! line or no package clause.
func IsScript(name string, src []byte) bool {
	switch filepath.Ext(name) {
	case ".sh", ".bash":
		return true
	case ".go":
		return false
	}
	return bytes.HasPrefix(src, []byte("#!")) || !goPackage.Match(src)
}

// planScripts adds to a Go program's plan what the scripts it passes to
// shell.Run as constants do: their commands and redirections, at the call,
// so the policy judges each before the program runs. A script that does
// not parse, or hides commands, is a finding at the call.
func planScripts(p *plan.Plan) {
	for _, u := range slices.Clone(p.Uses) {
		if u.Tool != "shell.Run" || u.Kind != "call" || len(u.Args) != 1 || !u.Args[0].Known {
			continue
		}
		script, ok := u.Args[0].Value.(string)
		if !ok {
			continue
		}
		sp, err := planshell.Build("script", []byte(script))
		if err != nil {
			p.Findings = append(p.Findings, plan.Finding{Pos: u.Pos, Rule: "syntax",
				Message: "the script passed to shell.Run does not parse: " + err.Error(),
				Hint:    "pass a complete script in bash syntax"})
			continue
		}
		for _, f := range sp.Findings {
			f.Message = fmt.Sprintf("in the script passed to shell.Run, line %d: %s", f.Pos.Line, f.Message)
			f.Pos = u.Pos
			p.Findings = append(p.Findings, f)
		}
		for _, su := range sp.Uses {
			su.Pos, su.Context = u.Pos, "shell"
			p.Uses = append(p.Uses, su)
		}
	}
}

// CheckServers starts the MCP servers behind the tool packages paths (all
// when nil) and checks that every tool the policy grants on them exists,
// so that a typo in a grant is reported instead of silently granting
// nothing. Its errors are *ToolError.
func (e *Engine) CheckServers(ctx context.Context, paths []string) error {
	if err := e.registry.Connect(ctx, paths); err != nil {
		return &ToolError{err, "the tool server is unavailable; fix its entry under providers: in the policy, or do without it"}
	}
	servers := map[string]bool{}
	for _, path := range paths {
		if name, ok := strings.CutPrefix(path, "airlock/mcp/"); ok {
			servers[name] = true
		}
	}
	var errs []error
	for _, tool := range e.policy.Tools() {
		server, fn, _ := strings.Cut(tool, ".")
		if !slices.Contains(tools.MCPServers(e.policy.Providers), server) || paths != nil && !servers[server] {
			continue
		}
		if _, _, ok := e.registry.Lookup(tool); ok {
			continue
		}
		var names []string
		for _, pkg := range e.registry.PackagesFor([]string{"airlock/mcp/" + server}) {
			sigs, _ := tools.Signatures(pkg)
			for _, sig := range sigs {
				names = append(names, sig.Name)
			}
		}
		errs = append(errs, fmt.Errorf("the policy grants %s, but MCP server %s has no tool %s (it has: %s)",
			tool, server, fn, strings.Join(names, ", ")))
	}
	if len(errs) > 0 {
		return &ToolError{errors.Join(errs...), "fix the tool's name under tools: in the policy"}
	}
	return nil
}

// toolImports lists the tool packages a program imports, as far as its
// import declarations parse, plus the built-in ones, which cost nothing.
func toolImports(src []byte) []string {
	paths := []string{}
	for _, pkg := range tools.BuiltinPackages() {
		paths = append(paths, pkg.Path)
	}
	f, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if f == nil {
		return paths
	}
	for _, imp := range f.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && strings.HasPrefix(path, "airlock/") {
			paths = append(paths, path)
		}
	}
	return paths
}

// Check judges a planned program against the policy. strict refuses tool
// uses whose arguments are only known at run time.
func (e *Engine) Check(p *plan.Plan, strict bool) *verify.Verdict {
	return verify.Check(p, e.policy, verify.CheckOptions{Strict: strict, Canonical: e.registry.Canonical})
}

// Verify judges a planned program like Check and remembers the verdict
// under the program's approval digest (see Manifest), so that a run
// --approved of a program the policy refused is refused too.
func (e *Engine) Verify(p *plan.Plan, src []byte, strict bool) *verify.Verdict {
	v := e.Check(p, strict)
	remember(e.Manifest(p, src), v)
	return v
}

// RunOptions are what one run asks for beyond the policy.
type RunOptions struct {
	exec.Options
	// Strict refuses tool uses whose arguments are only known at run time.
	Strict bool
	// Approved, when set, is the digest of Manifest that the run must
	// match: only the exact program, policy and tools it binds run.
	Approved string
}

// Run plans, verifies and runs one program, always giving a summary: a
// program that cannot be planned or is refused gets one saying why.
// ctx carries what belongs to the run beyond its options, such as its
// workspace (tools.WithWorkspace).
func (e *Engine) Run(ctx context.Context, name string, src []byte, opts RunOptions) *exec.Summary {
	if opts.RunID == "" {
		opts.RunID = exec.NewRunID()
	}
	var started time.Duration
	s := e.run(ctx, name, src, opts, &started)
	s.RunID = opts.RunID
	if started >= time.Millisecond {
		// Starting the tool servers is part of the run's time, and shown
		// on its own.
		s.Stats.ToolsStartMillis = float64(started.Microseconds()) / 1000
		s.Stats.WallMillis += s.Stats.ToolsStartMillis
	}
	return s
}

func (e *Engine) run(ctx context.Context, name string, src []byte, opts RunOptions, started *time.Duration) *exec.Summary {
	pkgs, connect, err := e.toolPackages(name, src)
	*started = connect
	var key *[sha256.Size]byte
	if err == nil && opts.Approved == "" && len(src) <= maxCachedSource {
		// A program run before under this policy, with the same tools,
		// has the same verdict.
		k := verdictKey(name, src, opts.Strict, pkgs)
		if v := e.verdicts.get(k); v != nil {
			return exec.Run(ctx, v, e.registry, opts.Options)
		}
		key = &k
	}
	var p *plan.Plan
	if err == nil {
		p, err = e.build(name, src, pkgs)
	}
	if err == nil && opts.Approved != "" {
		m := e.Manifest(p, src)
		cached, ok := recall(m.Digest)
		switch {
		case m.Digest != opts.Approved:
			s := exec.Unplannable(e.policy, errNotApproved)
			s.Status = exec.StatusDenied
			s.Error = &exec.ErrorInfo{Kind: "approval",
				Message: fmt.Sprintf("the program, policy or tools differ from what was approved: this run's digest is %s", m.Digest),
				Hint:    "review the change (airlock plan --manifest) and approve the new digest, or run the approved program"}
			return s
		case ok && !cached.Approved:
			s := exec.Unplannable(e.policy, errNotApproved)
			s.Status = exec.StatusDenied
			s.Error = &exec.ErrorInfo{Kind: "approval", Message: "the policy refused this exact program when it was verified",
				Hint: "fix the violations a check of the program lists"}
			return s
		}
	}
	if err != nil {
		s := exec.Unplannable(e.policy, err)
		var te *ToolError
		if errors.As(err, &te) {
			s.Error = &exec.ErrorInfo{Kind: "tool", Message: err.Error(), Hint: te.Hint}
		}
		return s
	}
	var v *verify.Verdict
	if opts.Approved != "" {
		v = e.Verify(p, src, opts.Strict)
	} else {
		v = e.Check(p, opts.Strict)
		if key != nil {
			e.verdicts.put(*key, v)
		}
	}
	return exec.Run(ctx, v, e.registry, opts.Options)
}

// Describe returns the tool package a tool or package name refers to
// ("fs.ReadFile", "airlock/fs", "mcp/notes"), reaching only that
// package's MCP server, and the name without its import prefix.
func (e *Engine) Describe(ctx context.Context, arg string) ([]plan.ToolPackage, string, error) {
	name := strings.TrimPrefix(strings.TrimPrefix(arg, "airlock/"), "mcp/")
	provider, _, _ := strings.Cut(name, ".")
	// The packages every program may import besides the tools.
	switch provider {
	case "table":
		return []plan.ToolPackage{{Path: table.Path, Name: "table", Source: table.Declaration}}, name, nil
	case "airlock":
		return []plan.ToolPackage{plan.Runtime()}, name, nil
	}
	var pkgs []plan.ToolPackage
	for _, path := range []string{"airlock/" + provider, "airlock/mcp/" + provider} {
		if _, ok := e.registry.ByPath(path); ok {
			if err := e.registry.Connect(ctx, []string{path}); err != nil {
				return nil, name, err
			}
			pkgs = e.registry.PackagesFor([]string{path})
		}
	}
	return pkgs, name, nil
}
