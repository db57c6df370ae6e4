// Package provider defines what a tool provider is to airlock: the
// Provider interface every tool package's server satisfies, and Kind, the
// value a built-in provider's package exports so that the registry
// (tools.Builtin) knows it by one line.
package provider

import (
	"context"
	"encoding/json"

	"github.com/airlockhq/airlock/plan"
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

// Resolver is a provider whose settings resolve against the machine it
// runs on: folders (symbolic links followed), commands found on the PATH,
// ${VAR} expanded. Resolved describes what they resolve to now, one line
// each, for the approval digest: the same policy bytes on another machine,
// or with another environment, reach other data or run other programs.
// Credentials are left out; they decide who asks, not what runs.
type Resolver interface {
	Resolved() []string
}

// Kind is a built-in kind of provider: its name, declaration, constructor
// and derived rule arguments.
type Kind struct {
	// Name is the provider's name: the prefix of its tools ("fs" for
	// fs.ReadFile), the last element of its import path, and the key of
	// its settings under a policy's providers section.
	Name string
	// Declare returns the package's declaration under a policy's settings
	// (nil: none), starting and opening nothing.
	Declare func(cfg map[string]any, baseDir string) (plan.ToolPackage, error)
	// New configures a provider from a policy's settings (nil: none);
	// relative paths resolve against baseDir, the policy's folder. An
	// unknown or malformed setting is an error.
	New func(cfg map[string]any, baseDir string) (Provider, error)
	// Derived, when set, lists the canonical arguments Prepare adds to
	// those of fn, which a policy's rules may name (sql's "tables").
	Derived func(fn string) []string
	// Checked, when set, are providers of tools that the policy checks
	// and no program imports, by name (the shell's commands, "sh").
	Checked map[string]Provider
}

// Static returns a Declare function for a package whose declaration no
// setting changes.
func Static(pkg func() plan.ToolPackage) func(map[string]any, string) (plan.ToolPackage, error) {
	return func(map[string]any, string) (plan.ToolPackage, error) { return pkg(), nil }
}

// Direct is a tool's result together with the text an agent calling the
// tool itself, without airlock, would have had put in the model's context:
// a file's text where the program gets its decoded rows, an HTTP response's
// body, an MCP result's content as a client shows it, a command's output.
// A provider returns it from Call when that text differs from the JSON of
// the value; the run counts its tokens as tool data that stayed out of the
// context, and hands the program Value.
type Direct struct {
	Value any
	Text  string
}

// Unwrap returns the value a Call result holds for the program, and the
// text a direct call would have returned when the provider said so.
func Unwrap(v any) (value any, text string, ok bool) {
	if d, isDirect := v.(Direct); isDirect {
		return d.Value, d.Text, true
	}
	return v, "", false
}
