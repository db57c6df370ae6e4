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
	"slices"
	"sort"
	"strings"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools/fs"
	"github.com/airlockhq/airlock/tools/http"
	"github.com/airlockhq/airlock/tools/internal/decl"
	sqltool "github.com/airlockhq/airlock/tools/sql"
)

// Provider serves one tool package.
type Provider interface {
	// Package returns the package's Go declaration, its doc comments
	// included.
	Package() plan.ToolPackage
	// Params returns the parameter names of the tool function fn ("ReadFile"),
	// in order; false when the package has no such function.
	Params(fn string) ([]string, bool)
	// Prepare decodes the JSON arguments of a call to fn, one per parameter,
	// and returns them in canonical form by parameter name. Its error is a
	// bad argument.
	Prepare(fn string, raw []json.RawMessage) (map[string]any, error)
	// Call performs fn with the arguments Prepare returned and returns a
	// JSON-encodable result. Its error is the tool's error, handed to the
	// program as a Go error.
	Call(ctx context.Context, fn string, args map[string]any) (any, error)
}

// The built-in providers satisfy Provider.
var (
	_ Provider = (*fs.Provider)(nil)
	_ Provider = (*http.Provider)(nil)
)

// ToolSig describes one tool function.
type ToolSig struct {
	Name      string   `json:"name"`      // "fs.ReadFile"
	Params    []string `json:"params"`    // ["path"]
	Signature string   `json:"signature"` // "func ReadFile(path string) (string, error)"
	Doc       string   `json:"doc"`       // the doc comment's text
}

// BuiltinPackages returns the declarations of the built-in tool packages,
// without any policy's configuration, sorted by path.
func BuiltinPackages() []plan.ToolPackage {
	return []plan.ToolPackage{fs.Declaration(), http.Declaration(), sqltool.Declaration()}
}

// Signatures lists the tool functions a package declares, in source order.
func Signatures(pkg plan.ToolPackage) ([]ToolSig, error) {
	funcs, err := decl.Parse(pkg.Source)
	if err != nil {
		return nil, fmt.Errorf("tool package %s: %w", pkg.Path, err)
	}
	sigs := make([]ToolSig, 0, len(funcs))
	for _, f := range funcs {
		sigs = append(sigs, ToolSig{
			Name:      pkg.Name + "." + f.Name,
			Params:    f.Params,
			Signature: f.Signature,
			Doc:       f.Doc,
		})
	}
	return sigs, nil
}

// Registry holds the providers one policy configures. Every built-in
// provider is present, configured or not, so that a program importing a
// tool package always type-checks and the policy alone decides what runs.
type Registry struct {
	providers map[string]Provider
	http      *http.Provider
}

// New configures the built-in providers from a policy's "providers"
// section, decoded from YAML: provider name to settings. baseDir is the
// policy file's directory, against which relative paths resolve. An unknown
// provider or setting is an error. Close releases what New opened.
//
//	providers:
//	  fs:   {roots: {data: ../testdata/sheets}, max_read: 64MiB}
//	  http: {timeout: 10s, max_response: 1MiB, allow_private: false,
//	         host_headers: {api.github.com: {Authorization: "Bearer ${GITHUB_TOKEN}"}}}
func New(cfg map[string]map[string]any, baseDir string) (*Registry, error) {
	for _, name := range slices.Sorted(maps.Keys(cfg)) {
		if name != "fs" && name != "http" && name != "sql" {
			return nil, fmt.Errorf("providers: unknown tool provider %q (known: fs, http, sql)", name)
		}
	}
	fsp, err := fs.New(cfg["fs"], baseDir)
	if err != nil {
		return nil, err
	}
	httpp, err := http.New(cfg["http"])
	if err != nil {
		fsp.Close()
		return nil, err
	}
	sqlp, err := sqltool.New(cfg["sql"], baseDir)
	if err != nil {
		fsp.Close()
		return nil, err
	}
	return &Registry{
		providers: map[string]Provider{"fs": fsp, "http": httpp, "sql": sqlp},
		http:      httpp,
	}, nil
}

// SetRedirectCheck sets the check asked before an HTTP redirect is
// followed; see http.RedirectCheck. Without one, redirects are returned to
// the program rather than followed. Set it before the first call.
func (r *Registry) SetRedirectCheck(check http.RedirectCheck) {
	r.http.CheckRedirect = check
}

// Close releases the providers' resources (open root directories, idle
// connections).
func (r *Registry) Close() error {
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(r.providers)) {
		if c, ok := r.providers[name].(io.Closer); ok {
			errs = append(errs, c.Close())
		}
	}
	return errors.Join(errs...)
}

// Packages returns the declarations of the configured providers, sorted by
// path. They may say more than BuiltinPackages (fs names its roots).
func (r *Registry) Packages() []plan.ToolPackage {
	pkgs := make([]plan.ToolPackage, 0, len(r.providers))
	for _, p := range r.providers {
		pkgs = append(pkgs, p.Package())
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Path < pkgs[j].Path })
	return pkgs
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
			panic(err) // the built-in declarations parse; a test holds it
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
	if fn, ok := strings.CutPrefix(tool, "sql."); ok {
		return sqltool.Derived(fn)
	}
	return nil
}
