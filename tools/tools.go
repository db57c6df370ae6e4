// Package tools holds the tool providers the parent process serves to
// programs: fs (files under granted roots) and http (requests to allowed
// hosts), and the registry that configures them from a policy.
//
// A tool package is declared to programs as Go source (plan.ToolPackage);
// inside the sandbox its functions are stubs that send their arguments, as a
// JSON array with one element per parameter, to the parent. There a call
// goes through three steps, and the policy sits between the first two:
//
//  1. Prepare decodes the arguments and puts them in canonical form: the
//     form the policy judges. Prepare does no I/O, so the same step can turn
//     arguments known before a run into what the policy will see at run time.
//  2. The caller asks the policy about the canonical arguments.
//  3. Call performs the tool with exactly those arguments and returns a
//     value whose JSON encoding the stub decodes into the declared result
//     type.
//
// Errors from Prepare describe a bad argument and errors from Call a failed
// tool, both worded for the program's author; neither repeats the tool's
// name, which the caller adds.
package tools

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/cli"
	"github.com/airlockhq/airlock/tools/fs"
	"github.com/airlockhq/airlock/tools/http"
	"github.com/airlockhq/airlock/tools/mcp"
	"github.com/airlockhq/airlock/tools/provider"
	"github.com/airlockhq/airlock/tools/shell"
	sqltool "github.com/airlockhq/airlock/tools/sql"
	"github.com/airlockhq/airlock/tools/workspace"
)

// Provider serves one tool package; see provider.Provider.
type Provider = provider.Provider

// Kind is a built-in kind of provider; see provider.Kind.
type Kind = provider.Kind

// Builtin lists the built-in providers: adding one is writing its package,
// which exports its Kind, and a line here. MCP servers, which a policy
// names, come on top.
var Builtin = []Kind{
	cli.Kind,
	fs.Kind,
	http.Kind,
	shell.Kind,
	sqltool.Kind,
	workspace.Kind,
}

// MCP servers satisfy Provider too.
var _ Provider = (*mcp.Provider)(nil)

// ToolSig describes one tool function; see decl.Sig.
type ToolSig = decl.Sig

// BuiltinPackages returns the declarations of the built-in tool packages,
// without any policy's configuration, sorted by path. airlock/cli declares
// no functions until a policy declares commands; see Declared.
func BuiltinPackages() []plan.ToolPackage {
	pkgs, _ := Declared(nil, "")
	return pkgs
}

// Declared returns the declarations of the tool packages a policy's
// providers section declares without starting anything: the built-in
// ones, as their settings make them (airlock/cli holds the policy's
// commands), sorted by path. An MCP server's tools are only known once it
// runs, so it is not among them.
func Declared(providers map[string]any, baseDir string) ([]plan.ToolPackage, error) {
	var pkgs []plan.ToolPackage
	for _, k := range Builtin {
		section := providers[k.Name]
		cfg, ok := section.(map[string]any)
		if !ok && section != nil {
			return nil, fmt.Errorf("providers.%s: want a mapping of settings", k.Name)
		}
		pkg, err := k.Declare(cfg, baseDir)
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, pkg)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path < pkgs[j].Path })
	return pkgs, nil
}

// Signatures lists the tool functions a package declares, in source order.
func Signatures(pkg plan.ToolPackage) ([]ToolSig, error) {
	return decl.Sigs(pkg.Path, pkg.Name, pkg.Source)
}

// Registry holds the providers one policy configures. Every built-in
// provider is present, configured or not, so that a program importing a
// tool package always type-checks and the policy alone decides what runs.
// MCP servers are present when the policy declares them; each is started or
// reached only when something needs its tools.
type Registry struct {
	providers map[string]Provider // by name, the prefix of tool names
	paths     map[string]string   // import path to provider name
}

// Resolved describes what the providers' settings resolve to on this
// machine, one line each, prefixed by the provider's name: see
// provider.Resolver.
func (r *Registry) Resolved() []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(r.providers)) {
		if res, ok := r.providers[name].(provider.Resolver); ok {
			for _, line := range res.Resolved() {
				out = append(out, name+" "+line)
			}
		}
	}
	return out
}

// builtinNames are the names the built-in providers take, which MCP
// servers cannot be named after.
func builtinNames() []string {
	var names []string
	for _, k := range Builtin {
		names = append(names, k.Name)
		names = append(names, slices.Sorted(maps.Keys(k.Checked))...)
	}
	return names
}

// New configures the providers from a policy's "providers" section, decoded
// from YAML: provider name to settings. baseDir is the policy file's
// directory, against which relative paths resolve. An unknown provider or
// setting is an error. New starts nothing: MCP servers start on first use.
// Close releases what the providers opened.
//
//	providers:
//	  fs:   {roots: {data: ../testdata/sheets}, max_read: 64MiB}
//	  http: {timeout: 10s, max_response: 1MiB, allow_private: false,
//	         host_headers: {api.github.com: {Authorization: "Bearer ${GITHUB_TOKEN}"}}}
//	  sql:  {sqlite: ../testdata/shop.db}
//	  mcp:
//	    memory: {command: npx, args: [-y, "@modelcontextprotocol/server-memory"]}
func New(cfg map[string]map[string]any, baseDir string) (*Registry, error) {
	for _, name := range slices.Sorted(maps.Keys(cfg)) {
		if !slices.ContainsFunc(Builtin, func(k Kind) bool { return k.Name == name }) && name != "mcp" {
			var known []string
			for _, k := range Builtin {
				known = append(known, k.Name)
			}
			return nil, fmt.Errorf("providers: unknown tool provider %q (known: %s, mcp)", name, strings.Join(known, ", "))
		}
	}
	r := &Registry{providers: map[string]Provider{}, paths: map[string]string{}}
	add := func(p Provider, err error) error {
		if err != nil {
			r.Close()
			return err
		}
		name, path := identity(p)
		r.providers[name] = p
		r.paths[path] = name
		return nil
	}
	for _, k := range Builtin {
		p, err := k.New(cfg[k.Name], baseDir)
		if err := add(p, err); err != nil {
			return nil, err
		}
		maps.Copy(r.providers, k.Checked) // checked, never imported
	}
	if err := separate(r.Shell(), r.providers["cli"].(*cli.Provider)); err != nil {
		r.Close()
		return nil, err
	}
	servers, err := mcpServers(cfg["mcp"])
	if err != nil {
		r.Close()
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(servers)) {
		if slices.Contains(builtinNames(), name) {
			r.Close()
			return nil, fmt.Errorf("providers.mcp.%s: the name is taken by the built-in %s provider; choose another", name, name)
		}
		p, err := mcp.New(name, servers[name], baseDir)
		if err := add(p, err); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// separate refuses a command tool that works in a folder scripts may
// write: command tools run outside the sandbox, and what a script writes
// there (a .git/config, a Makefile) could make one run anything.
func separate(sh *shell.Provider, c *cli.Provider) error {
	a := sh.Settings()
	if !a.Write || a.Dir == "" {
		return nil
	}
	for _, name := range slices.Sorted(maps.Keys(c.Dirs())) {
		dir := c.Dirs()[name]
		if within(dir, a.Dir) || within(a.Dir, dir) {
			return fmt.Errorf("providers.cli.%s.dir %s overlaps providers.shell.dir, which scripts may write: "+
				"command tools run outside the sandbox and must not read what a script wrote", name, dir)
		}
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, "../")
}

// mcpServers reads the mcp section: server name to its settings.
func mcpServers(section map[string]any) (map[string]map[string]any, error) {
	servers := map[string]map[string]any{}
	for name, v := range section {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("providers.mcp.%s: want a mapping of settings (command or url, ...)", name)
		}
		servers[name] = m
	}
	return servers, nil
}

// identity returns a provider's name and import path without asking an
// MCP server for its declaration.
func identity(p Provider) (name, path string) {
	if m, ok := p.(*mcp.Provider); ok {
		return m.Name(), m.Path()
	}
	pkg := p.Package()
	return pkg.Name, pkg.Path
}

// MCPServers returns the names of the MCP servers the policy declares,
// sorted.
func MCPServers(cfg map[string]any) []string {
	m, _ := cfg["mcp"].(map[string]any)
	return slices.Sorted(maps.Keys(m))
}

// Workspace is a folder kept across runs; see OpenWorkspace.
type Workspace = workspace.Workspace

// OpenWorkspace opens dir as a workspace, kept across runs; see
// WithWorkspace.
func OpenWorkspace(dir string) (*workspace.Workspace, error) { return workspace.Open(dir) }

// WithWorkspace gives the tool calls of a run made with ctx the workspace
// w. Without one, workspace calls fail.
func WithWorkspace(ctx context.Context, w *workspace.Workspace) context.Context {
	return workspace.With(ctx, w)
}

// WithShellRunner gives the tool calls made with ctx run to run a Go
// program's shell.Run; see shell.WithRunner. The runner belongs to one
// run: it travels with the run's context, never on the registry that
// concurrent runs share.
func WithShellRunner(ctx context.Context, run shell.Runner) context.Context {
	return shell.WithRunner(ctx, run)
}

// WithRedirectCheck gives the tool calls made with ctx the check asked
// before an HTTP redirect is followed; see http.WithRedirectCheck. Without
// one, redirects are returned to the program rather than followed.
func WithRedirectCheck(ctx context.Context, check http.RedirectCheck) context.Context {
	return http.WithRedirectCheck(ctx, check)
}

// WorkspaceFrom returns the workspace of the run whose context is ctx.
func WorkspaceFrom(ctx context.Context) (*Workspace, bool) { return workspace.From(ctx) }

// Shell returns the shell provider, whose settings the sandbox that runs
// scripts needs.
func (r *Registry) Shell() *shell.Provider {
	p, _ := r.providers["shell"].(*shell.Provider)
	return p
}

// Close releases the providers' resources (open root directories, idle
// connections) and stops the MCP servers that were started, each within a
// few seconds.
func (r *Registry) Close() error {
	names := slices.Sorted(maps.Keys(r.providers))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		if c, ok := r.providers[name].(io.Closer); ok {
			wg.Add(1)
			go func() { defer wg.Done(); errs[i] = c.Close() }()
		}
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Packages returns the declarations of every configured provider, sorted
// by path. They may say more than BuiltinPackages (fs names its roots).
// Every MCP server is connected to, to learn its tools; PackagesFor asks
// only the servers a program imports.
func (r *Registry) Packages() []plan.ToolPackage {
	r.Connect(context.Background(), nil) // concurrently; a failure shows in the package's doc
	return r.PackagesFor(slices.Collect(maps.Keys(r.paths)))
}

// PackagesFor returns the declarations of the tool packages among paths,
// sorted by path, connecting only to the MCP servers named there.
func (r *Registry) PackagesFor(paths []string) []plan.ToolPackage {
	var pkgs []plan.ToolPackage
	seen := map[string]bool{}
	for _, path := range paths {
		name, ok := r.paths[path]
		if !ok || seen[path] {
			continue
		}
		seen[path] = true
		pkgs = append(pkgs, r.providers[name].Package())
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path < pkgs[j].Path })
	return pkgs
}

// ByPath returns the provider of the tool package imported as path
// ("airlock/mcp/memory").
func (r *Registry) ByPath(path string) (Provider, bool) {
	name, ok := r.paths[path]
	if !ok {
		return nil, false
	}
	return r.providers[name], true
}

// Connect starts or reaches the MCP servers behind the given import paths
// (all of them when paths is nil) concurrently and reports the first that
// fails. Other providers need no connection.
func (r *Registry) Connect(ctx context.Context, paths []string) error {
	if paths == nil {
		paths = slices.Collect(maps.Keys(r.paths))
	}
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, path := range slices.Sorted(slices.Values(paths)) {
		m, ok := r.providers[r.paths[path]].(*mcp.Provider)
		if !ok {
			continue
		}
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = m.Connect(ctx) }()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Provider returns the provider called name ("fs").
func (r *Registry) Provider(name string) (Provider, bool) {
	p, ok := r.providers[name]
	return p, ok
}

// Lookup splits a tool name ("fs.ReadFile") into its provider and function,
// reporting false when either does not exist.
func (r *Registry) Lookup(tool string) (Provider, string, bool) {
	name, fn, ok := strings.Cut(tool, ".")
	if !ok {
		return nil, "", false
	}
	p, ok := r.providers[name]
	if !ok {
		return nil, "", false
	}
	if _, ok := p.Params(fn); !ok {
		return nil, "", false
	}
	return p, fn, true
}

// Tools lists every tool function of the configured providers, sorted by
// name.
func (r *Registry) Tools() []ToolSig {
	var sigs []ToolSig
	for _, pkg := range r.Packages() {
		s, err := Signatures(pkg)
		if err != nil {
			continue // the built-in declarations parse (a test holds it); a generated one is checked when made
		}
		sigs = append(sigs, s...)
	}
	sort.Slice(sigs, func(i, j int) bool { return sigs[i].Name < sigs[j].Name })
	return sigs
}

// FromPolicy is New for a policy's providers section as verify stores it:
// provider name to its raw settings.
func FromPolicy(providers map[string]any, baseDir string) (*Registry, error) {
	cfg := map[string]map[string]any{}
	for name, v := range providers {
		m, ok := v.(map[string]any)
		if !ok && v != nil {
			return nil, fmt.Errorf("providers.%s: want a mapping of settings", name)
		}
		cfg[name] = m
	}
	return New(cfg, baseDir)
}

// Derived lists, for a tool such as "sql.Query", the canonical arguments
// its provider derives from the declared ones (the statement's kind and
// tables): policy rules may read them as args.<name>.
func Derived(tool string) []string {
	name, fn, _ := strings.Cut(tool, ".")
	for _, k := range Builtin {
		if k.Name == name && k.Derived != nil {
			return k.Derived(fn)
		}
	}
	return nil
}

// Canonical puts the known arguments of a planned tool use into the form
// tool's provider will use at run time, for verify.CheckOptions.Canonical:
// what the policy judges before the run is what it judges at the call. The
// plan names the extra arguments of a variadic call "args[0]", "args[1]"...:
// they become one list, as the sandbox's stub sends them. It returns nil
// for a tool the registry does not know; its error is a refused argument.
func (r *Registry) Canonical(tool string, args []plan.Arg) (map[string]any, error) {
	p, fn, ok := r.Lookup(tool)
	if !ok {
		return nil, nil
	}
	params, _ := p.Params(fn)
	values := map[string]any{}
	for _, a := range args {
		if base, _, variadic := strings.Cut(a.Name, "["); variadic {
			list, _ := values[base].([]any)
			values[base] = append(list, a.Value)
			continue
		}
		values[a.Name] = a.Value
	}
	raw := make([]json.RawMessage, len(params))
	for i, name := range params {
		b, err := json.Marshal(values[name]) // a variadic parameter with no values is null
		if err != nil {
			return nil, nil
		}
		raw[i] = b
	}
	return p.Prepare(fn, raw)
}
