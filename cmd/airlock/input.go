package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/plan"
	planshell "github.com/airlockhq/airlock/plan/shell"
	"github.com/airlockhq/airlock/policies"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

// readProgram reads a program from a file or, for "-", from stdin. Reading
// stops just past plan.MaxSource so an oversized input costs no memory.
func readProgram(cmd *cobra.Command, arg string) (name string, src []byte, err error) {
	var r io.Reader
	if arg == "-" {
		name, r = "<stdin>", cmd.InOrStdin()
	} else {
		f, err := os.Open(arg)
		if err != nil {
			return "", nil, usageError("reading program: %v", err)
		}
		defer f.Close()
		name, r = arg, f
	}
	src, err = io.ReadAll(io.LimitReader(r, plan.MaxSource+1))
	if err != nil {
		return "", nil, usageError("reading %s: %v", name, err)
	}
	return name, src, nil
}

// setup is what every command needs: the policy and the tools it configures.
type setup struct {
	policy     *verify.Policy
	policyData []byte // the policy file as read, for approval digests
	registry   *tools.Registry
}

// loadSetup loads the policy at path, or the built-in default when path is
// empty, and builds the tool registry it configures. Nothing is started:
// MCP servers start when a program imports them or a command lists them.
// Call close when done.
func loadSetup(path string) (*setup, error) {
	if path == "" {
		reg, err := tools.New(nil, "")
		if err != nil {
			return nil, err
		}
		return &setup{policy: verify.Default(), policyData: policies.Default, registry: reg}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError("reading policy: %v", err)
	}
	known, err := knownTools(verify.PeekProviders(data), filepath.Dir(path))
	if err != nil {
		return nil, usageError("policy %s: %v", path, err)
	}
	pol, err := verify.Load(path, data, known)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	reg, err := tools.FromPolicy(pol.Providers, filepath.Dir(path))
	if err != nil {
		return nil, usageError("policy %s: %v", path, err)
	}
	return &setup{policy: pol, policyData: data, registry: reg}, nil
}

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

// close stops what the registry started.
func (s *setup) close() { s.registry.Close() }

// toolError is a tool package a program imports that cannot be served: an
// MCP server that does not start, say.
type toolError struct {
	err  error
	hint string
}

func (e *toolError) Error() string { return e.err.Error() }
func (e *toolError) Unwrap() error { return e.err }

// buildPlan plans one program with the tools of the setup. Only the MCP
// servers the program imports are started, concurrently, to learn their
// tools; one that fails gives a *toolError.
func (s *setup) buildPlan(name string, src []byte) (*plan.Plan, error) {
	if isScript(name, src) {
		return planshell.Build(name, src)
	}
	paths := toolImports(src)
	if err := s.checkServers(context.Background(), paths); err != nil {
		return nil, err
	}
	p, err := plan.Build(name, src, plan.Options{Tools: s.registry.PackagesFor(paths)})
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	planScripts(p)
	return p, nil
}

// goPackage finds a Go package clause.
var goPackage = regexp.MustCompile(`(?m)^package\s+[\pL_]`)

// isScript tells a shell script from a Go program: by the file's extension
// (.sh, .bash; .go), else by its content: a #! line or no package clause.
func isScript(name string, src []byte) bool {
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

// checkServers starts the MCP servers behind paths (all when nil) and
// checks that every tool the policy grants on them exists, so that a typo
// in a grant is reported instead of silently granting nothing.
func (s *setup) checkServers(ctx context.Context, paths []string) error {
	if err := s.registry.Connect(ctx, paths); err != nil {
		return &toolError{err, "the tool server is unavailable; fix its entry under providers: in the policy, or do without it"}
	}
	servers := map[string]bool{}
	for _, path := range paths {
		if name, ok := strings.CutPrefix(path, "airlock/mcp/"); ok {
			servers[name] = true
		}
	}
	var errs []error
	for _, tool := range s.policy.Tools() {
		server, fn, _ := strings.Cut(tool, ".")
		if !slices.Contains(tools.MCPServers(s.policy.Providers), server) || paths != nil && !servers[server] {
			continue
		}
		if _, _, ok := s.registry.Lookup(tool); ok {
			continue
		}
		var names []string
		for _, pkg := range s.registry.PackagesFor([]string{"airlock/mcp/" + server}) {
			sigs, _ := tools.Signatures(pkg)
			for _, sig := range sigs {
				names = append(names, sig.Name)
			}
		}
		errs = append(errs, fmt.Errorf("the policy grants %s, but MCP server %s has no tool %s (it has: %s)",
			tool, server, fn, strings.Join(names, ", ")))
	}
	if len(errs) > 0 {
		return &toolError{errors.Join(errs...), "fix the tool's name under tools: in the policy"}
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

// checkOptions are the options every command judges programs with.
func (s *setup) checkOptions(strict bool) verify.CheckOptions {
	return verify.CheckOptions{Strict: strict, Canonical: s.registry.Canonical}
}
