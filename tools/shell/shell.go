// Package shell serves shell scripts: the tool package airlock/shell, whose
// Run lets a Go program run a script, and the per-command tools "sh.<name>"
// and "shell.Open" through which every command and redirection a script
// runs is checked against the policy.
//
// Scripts run in mvdan.cc/sh's interpreter inside a sandboxed child, never
// in the parent: this package parses and judges them and holds the
// settings, and the runner that starts the child (package exec) travels
// with each run's context (WithRunner). The per-command tools do nothing when called: the
// child runs the command itself once the parent has approved it.
package shell

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/airlockhq/airlock/plan"
	planshell "github.com/airlockhq/airlock/plan/shell"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/provider"
)

// Defaults for settings the policy leaves out.
const (
	DefaultTimeout   = 30 * time.Second
	DefaultMaxOutput = 1 << 20
)

// DefaultPath is where commands are looked up unless the policy says
// otherwise.
var DefaultPath = []string{"/usr/local/bin", "/usr/bin", "/bin"}

// systemDirs hold the shared libraries and files commands need to start;
// scripts may read them, never write.
var systemDirs = []string{"/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc/alternatives", "/etc/ld.so.cache", "/etc/localtime"}

const source = `// Package shell runs shell scripts (bash syntax, interpreted by airlock) in
// the sandbox. Every command and file redirection a script runs is checked
// against the policy before it runs: a command the policy does not grant
// ends the whole run as blocked. Scripts run in the policy's working folder,
// with no network, and can write only where the policy allows.
package shell

// Run runs script and returns what it printed on standard output. A script
// that exits with a non-zero status returns an error with the status and
// the end of its standard error. Write command names literally: a command
// whose name is only known at run time is refused.
func Run(script string) (string, error)
`

// Access is what a script may reach: the settings the sandboxed child
// needs.
type Access struct {
	Dir       string            // working directory; "" when none is configured
	Write     bool              // scripts may write under Dir
	Path      []string          // where commands are looked up
	Env       map[string]string // the scripts' environment, expanded
	ExecDirs  []string          // read and execute: the system's programs and libraries
	ReadDirs  []string          // read only: Dir, unless Write
	Timeout   time.Duration     // one Run from a Go program
	MaxOutput int64             // standard output of one Run
}

// Runner runs a script in the sandbox for a Go program's shell.Run and
// returns its standard output, or an error describing a non-zero exit.
type Runner func(ctx context.Context, script string) (string, error)

// Provider serves airlock/shell and the "sh" commands.
type Provider struct {
	access Access
}

// New reads the policy's shell settings:
//
//	shell:
//	  dir: ../testdata/logs   # the scripts' working folder, relative to the policy
//	  write: false            # may scripts create and change files under dir
//	  path: [/usr/bin, /bin]  # where commands are looked up
//	  env: {LANG: C.UTF-8}    # the scripts' environment; ${VAR} from the parent's
//	  timeout: 30s            # one shell.Run
//	  max_output: 1MiB        # standard output of one shell.Run
func New(cfg map[string]any, baseDir string) (*Provider, error) {
	s := config.New("shell", cfg)
	a := Access{
		Write:     s.Bool("write", false),
		Env:       s.StringMap("env"),
		Timeout:   s.Duration("timeout", DefaultTimeout),
		MaxOutput: s.Size("max_output", DefaultMaxOutput),
		Path:      s.Strings("path"),
	}
	dir := s.String("dir", "")
	if err := s.Err(); err != nil {
		return nil, err
	}
	if dir != "" {
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(baseDir, dir)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("providers.shell.dir: %w", err)
		}
		a.Dir = abs
	}
	if a.Path == nil {
		a.Path = slices.Clone(DefaultPath)
	}
	for i, p := range a.Path {
		if !filepath.IsAbs(p) {
			return nil, fmt.Errorf("providers.shell.path[%d]: want an absolute folder, got %q", i, p)
		}
		a.Path[i] = filepath.Clean(p)
	}
	if a.Env == nil {
		a.Env = map[string]string{"LANG": "C.UTF-8"}
	}
	a.ExecDirs = append(slices.Clone(systemDirs), a.Path...)
	if a.Dir != "" && !a.Write {
		a.ReadDirs = []string{a.Dir}
	}
	return &Provider{access: a}, nil
}

// Resolved lists the scripts' folder and where commands are looked up,
// links followed.
func (p *Provider) Resolved() []string {
	var out []string
	if p.access.Dir != "" {
		out = append(out, "dir "+config.RealPath(p.access.Dir))
	}
	for _, d := range p.access.Path {
		out = append(out, "path "+config.RealPath(d))
	}
	return out
}

// Access returns the scripts' settings, with the environment's ${VAR}
// expanded from the parent's.
func (p *Provider) Access() (Access, error) {
	a := p.access
	env := map[string]string{}
	for k, v := range p.access.Env {
		x, err := config.Expand(v)
		if err != nil {
			return Access{}, fmt.Errorf("providers.shell.env.%s: %w", k, err)
		}
		env[k] = x
	}
	env["PATH"] = strings.Join(a.Path, ":")
	if a.Dir != "" {
		env["HOME"] = a.Dir
	}
	a.Env = env
	return a, nil
}

// Settings returns the settings as configured, without expanding the
// environment.
func (p *Provider) Settings() Access { return p.access }

// runnerKey keys the Runner of a run in its context.
type runnerKey struct{}

// WithRunner gives the calls made with ctx r to run a Go program's
// shell.Run: the runner belongs to the run, which accounts, limits and
// traces the scripts it starts. Without one, Run returns an error.
func WithRunner(ctx context.Context, r Runner) context.Context {
	return context.WithValue(ctx, runnerKey{}, r)
}

// Package returns the declaration of airlock/shell.
func (p *Provider) Package() plan.ToolPackage { return Declaration() }

// Declaration returns the declaration of airlock/shell.
func Declaration() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/shell", Name: "shell", Source: source}
}

// Params returns the parameters of Run and of the redirection check Open.
func (p *Provider) Params(fn string) ([]string, bool) {
	switch fn {
	case "Run":
		return []string{"script"}, true
	case "Open":
		return []string{"path", "mode"}, true
	}
	return nil, false
}

// Derived lists the canonical arguments Prepare adds to fn's: for Run, the
// commands the script runs ("commands", sorted, each once).
func Derived(fn string) []string {
	if fn == "Run" {
		return []string{"commands"}
	}
	return nil
}

// Modes of a redirection, the mode argument of shell.Open.
var modes = []string{"read", "write", "append", "readwrite"}

// Prepare decodes the arguments of Run or Open. A script is parsed and
// planned: one that does not parse, or that runs commands airlock cannot
// see before it runs them, is refused.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	params, ok := p.Params(fn)
	if !ok {
		return nil, fmt.Errorf("shell has no function %s", fn)
	}
	if len(raw) != len(params) {
		return nil, fmt.Errorf("%s takes %d arguments, got %d", fn, len(params), len(raw))
	}
	strs := make([]string, len(raw))
	for i, r := range raw {
		if err := json.Unmarshal(r, &strs[i]); err != nil {
			return nil, fmt.Errorf("argument %s: want a string", params[i])
		}
		if strings.ContainsRune(strs[i], 0) {
			return nil, fmt.Errorf("argument %s: contains a NUL byte", params[i])
		}
	}
	if fn == "Open" {
		if !slices.Contains(modes, strs[1]) {
			return nil, fmt.Errorf("argument mode: want one of %s", strings.Join(modes, ", "))
		}
		return map[string]any{"path": CleanPath(strs[0]), "mode": strs[1]}, nil
	}
	pl, err := planshell.Build("script", []byte(strs[0]))
	if err != nil {
		return nil, fmt.Errorf("argument script: %w", err)
	}
	if len(pl.Findings) > 0 {
		f := pl.Findings[0]
		msg := fmt.Sprintf("argument script: line %d: %s", f.Pos.Line, f.Message)
		if f.Hint != "" {
			msg += " (" + f.Hint + ")"
		}
		return nil, errors.New(msg)
	}
	return map[string]any{"script": strs[0], "commands": CommandNames(pl)}, nil
}

// CommandNames lists the commands a planned script runs, sorted, each once.
func CommandNames(pl *plan.Plan) []any {
	var names []string
	for _, u := range pl.Uses {
		if name, ok := strings.CutPrefix(u.Tool, "sh."); ok && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	out := make([]any, len(names))
	for i, n := range names {
		out[i] = n
	}
	return out
}

// CleanPath is the canonical form of a redirection's path: cleaned, and
// relative to the working folder unless absolute.
func CleanPath(path string) string {
	if path == "" {
		return ""
	}
	return filepath.Clean(path)
}

// Call runs a script for a Go program. Open, called by the sandboxed
// shell, only asks the policy, which the caller has done: it does nothing.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	if fn == "Open" {
		return nil, nil
	}
	run, _ := ctx.Value(runnerKey{}).(Runner)
	if run == nil {
		return nil, errors.New("scripts cannot run here")
	}
	if p.access.Dir == "" {
		return nil, errors.New("the policy sets no working folder for scripts (providers.shell.dir)")
	}
	script, _ := args["script"].(string)
	out, err := run(ctx, script)
	if err != nil {
		return nil, err
	}
	// The commands' output is counted as they print it, pipeline stages
	// included; the script's own output is part of that.
	return provider.Direct{Value: out, Text: ""}, nil
}

// Commands serves the tools "sh.<command>": one per command a script runs,
// taking the words after the command name as argv. Calling one does
// nothing: the sandboxed shell runs the command itself once the parent has
// checked it against the policy.
type Commands struct{}

// Package declares no Go functions: commands are run by scripts, not
// imported by programs.
func (Commands) Package() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/sh", Name: "sh", Source: "// Package sh names the commands shell scripts run; programs cannot import it.\npackage sh\n"}
}

// ValidName reports whether name can be a command: a file name.
func ValidName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, "/\x00 \t\n")
}

// Params returns ["argv"] for any valid command name.
func (Commands) Params(fn string) ([]string, bool) {
	if !ValidName(fn) {
		return nil, false
	}
	return []string{"argv"}, true
}

// Prepare decodes the command's arguments, a list of strings.
func (Commands) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	if len(raw) != 1 {
		return nil, fmt.Errorf("%s takes 1 argument (argv), got %d", fn, len(raw))
	}
	var argv []string
	if string(raw[0]) != "null" {
		if err := json.Unmarshal(raw[0], &argv); err != nil {
			return nil, errors.New("argument argv: want a list of strings")
		}
	}
	out := make([]any, len(argv))
	for i, a := range argv {
		if strings.ContainsRune(a, 0) {
			return nil, fmt.Errorf("argument argv[%d]: contains a NUL byte", i)
		}
		out[i] = a
	}
	return map[string]any{"argv": out}, nil
}

// Call approves: the sandboxed shell runs the command.
func (Commands) Call(context.Context, string, map[string]any) (any, error) { return nil, nil }

// Kind is the shell provider, to the registry: airlock/shell, and the
// commands scripts run ("sh.<command>"), which no program imports.
var Kind = provider.Kind{
	Name:    "shell",
	Declare: provider.Static(Declaration),
	New:     func(cfg map[string]any, baseDir string) (provider.Provider, error) { return New(cfg, baseDir) },
	Derived: Derived,
	Checked: map[string]provider.Provider{"sh": Commands{}},
}
