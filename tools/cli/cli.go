// Package cli serves the airlock/cli tool package: command-line programs
// (gh, kubectl, git, jq, ...) that the policy declares as Go functions and
// the parent process runs on a program's behalf.
//
// Each tool is a command template. A call substitutes its arguments into the
// template's argument list and runs the program directly, never through a
// shell, in a process group of its own, with exactly the environment the
// policy gives it, a timeout and a cap on its output. A value that would
// start an argument with "-" is refused, so arguments cannot add options,
// unless the template places it after a literal "--".
package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/internal/proc"
	"github.com/airlockhq/airlock/tools/provider"
)

// Defaults for settings the policy leaves out.
const (
	DefaultTimeout   = 30 * time.Second
	DefaultMaxOutput = 8 << 20
)

// stderrTail is how much of a command's stderr an error quotes, at most.
const stderrTail = 4 << 10

// waitDelay bounds the wait for a killed command's output to close, in case
// a process that left its group holds it open.
const waitDelay = 500 * time.Millisecond

// Output kinds: how a command's standard output becomes the result.
const (
	outputText  = "text"
	outputLines = "lines"
	outputJSON  = "json"
)

// typeStrings is the one list type a param may have.
const typeStrings = "[]string"

// paramTypes maps the types a param setting may name to Go types.
var paramTypes = map[string]string{
	"string":   "string",
	"int":      "int",
	"float":    "float64",
	"float64":  "float64",
	"bool":     "bool",
	"[]string": typeStrings,
}

// toolKeys and paramKeys are the settings of one tool and one param.
var (
	toolKeys  = []string{"command", "dir", "doc", "env", "max_output", "output", "params", "stdin", "timeout"}
	paramKeys = []string{"doc", "name", "type"}
)

// Provider serves airlock/cli for one policy. It is safe for concurrent use.
type Provider struct {
	tools  map[string]*tool
	source string
}

// tool is one declared command.
type tool struct {
	name, label string // "GitLog", "providers.cli.GitLog"
	doc         string
	command     []string // the template as written
	elems       []element
	params      []param
	stdin       string // the param written to stdin, or ""
	output      string
	dir         string // absolute
	env         map[string]string
	timeout     time.Duration
	maxOutput   int64
}

// param is one parameter of a tool.
type param struct {
	name, typ, doc string // typ is a Go type: string, int, float64, bool, []string
}

// New returns a provider configured by the policy's providers.cli section:
// Go function name to settings.
//
//	GitLog:                  # an exported Go identifier
//	  doc: Commits of the repository, newest first, one line each.
//	  command: [git, log, "--format=%h %s", "-n{count}", --, "{paths...}"]
//	  params:                # in order; type is string (default), int, float, bool or []string
//	    - {name: count, type: int, doc: how many commits}
//	    - {name: paths, type: "[]string", doc: paths inside the repository}
//	  stdin: "{input}"       # a string param written to stdin (default: empty stdin)
//	  output: lines          # text (default), lines or json
//	  dir: ../repo           # working directory, relative to baseDir (default baseDir)
//	  env: {GH_TOKEN: "${GH_TOKEN}"}
//	  timeout: 10s           # default 30s
//	  max_output: 1MiB       # stdout cap, default 8MiB
//
// In the command, {name} substitutes a scalar param inside an element, and
// {name...} spreads a []string param into elements of its own, as a whole
// element; {{ is a literal brace. The first element is the program, looked
// up at call time in the PATH the command gets. Every param must be used.
// The command gets exactly the variables under env, with ${VAR} expanded
// from the parent's environment at call time (an unset variable is an
// error), plus PATH and HOME copied from the parent unless env sets them.
func New(cfg map[string]any, baseDir string) (*Provider, error) {
	base, err := filepath.Abs(baseDir)
	if err != nil {
		return nil, fmt.Errorf("providers.cli: policy directory: %w", err)
	}
	p := &Provider{tools: map[string]*tool{}}
	for _, name := range slices.Sorted(maps.Keys(cfg)) {
		t, err := newTool(name, cfg[name], base)
		if err != nil {
			return nil, err
		}
		p.tools[name] = t
	}
	p.source = p.generate()
	return p, nil
}

func newTool(name string, v any, baseDir string) (*tool, error) {
	label := "providers.cli." + name
	if !token.IsIdentifier(name) || !token.IsExported(name) {
		return nil, fmt.Errorf("%s: the tool's name must be an exported Go identifier such as GitLog", label)
	}
	m, err := config.AnyMap(v)
	if err != nil {
		return nil, fmt.Errorf("%s: want a mapping of settings, got %v", label, v)
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if !slices.Contains(toolKeys, k) {
			return nil, fmt.Errorf("%s: unknown key %q (known: %s)", label, k, strings.Join(toolKeys, ", "))
		}
	}
	rest := maps.Clone(m)
	t := &tool{name: name, label: label}
	if t.doc, err = config.TakeString(rest, label, "doc"); err != nil {
		return nil, err
	}
	if t.command, err = config.TakeStrings(rest, label, "command"); err != nil {
		return nil, err
	}
	if t.params, err = takeParams(rest, label); err != nil {
		return nil, err
	}
	stdin, err := config.TakeString(rest, label, "stdin")
	if err != nil {
		return nil, err
	}
	if t.output, err = config.TakeString(rest, label, "output"); err != nil {
		return nil, err
	}
	dir, err := config.TakeString(rest, label, "dir")
	if err != nil {
		return nil, err
	}
	s := config.New("cli."+name, rest)
	t.env = s.StringMap("env")
	t.timeout = s.Duration("timeout", DefaultTimeout)
	t.maxOutput = s.Size("max_output", DefaultMaxOutput)
	if err := s.Err(); err != nil {
		return nil, err
	}

	switch t.output {
	case "":
		t.output = outputText
	case outputText, outputLines, outputJSON:
	default:
		return nil, fmt.Errorf("%s.output: want text, lines or json, got %q", label, t.output)
	}
	t.dir = baseDir
	if dir != "" {
		t.dir = filepath.Clean(dir)
		if !filepath.IsAbs(dir) {
			t.dir = filepath.Join(baseDir, dir)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.env)) {
		if k == "" || strings.ContainsAny(k, "=\x00") {
			return nil, fmt.Errorf("%s.env: %q is not a variable name", label, k)
		}
		if strings.ContainsRune(t.env[k], 0) {
			return nil, fmt.Errorf("%s.env.%s: contains a NUL byte", label, k)
		}
	}

	types := map[string]string{}
	for _, p := range t.params {
		types[p.name] = p.typ
	}
	used := map[string]bool{}
	if t.elems, err = parseCommand(label, t.command, types, used); err != nil {
		return nil, err
	}
	if stdin != "" {
		if t.stdin, err = parseStdin(label, stdin, types, used); err != nil {
			return nil, err
		}
	}
	for i, p := range t.params {
		if !used[p.name] {
			return nil, fmt.Errorf("%s.params[%d]: %s is used neither in command nor in stdin", label, i, p.name)
		}
	}
	return t, nil
}

// reserved are names a param may not take: Go's predeclared identifiers
// and the names the generated stub bodies use.
var reserved = map[string]bool{
	"any": true, "bool": true, "byte": true, "comparable": true, "complex64": true, "complex128": true,
	"error": true, "float32": true, "float64": true, "int": true, "int8": true, "int16": true,
	"int32": true, "int64": true, "rune": true, "string": true, "uint": true, "uint8": true,
	"uint16": true, "uint32": true, "uint64": true, "uintptr": true, "true": true, "false": true,
	"iota": true, "nil": true, "append": true, "cap": true, "clear": true, "close": true,
	"complex": true, "copy": true, "delete": true, "imag": true, "len": true, "make": true,
	"max": true, "min": true, "new": true, "panic": true, "print": true, "println": true,
	"real": true, "recover": true, "r": true, "err": true, "airlockrt": true,
}

func takeParams(m map[string]any, label string) ([]param, error) {
	v, ok := m["params"]
	delete(m, "params")
	if !ok || v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s.params: want a list such as [{name: count, type: int, doc: how many}], got %v", label, v)
	}
	var params []param
	seen := map[string]bool{}
	for i, x := range list {
		where := fmt.Sprintf("%s.params[%d]", label, i)
		pm, err := config.AnyMap(x)
		if err != nil {
			return nil, fmt.Errorf("%s: want a mapping such as {name: count, type: int, doc: how many}, got %v", where, x)
		}
		for _, k := range slices.Sorted(maps.Keys(pm)) {
			if !slices.Contains(paramKeys, k) {
				return nil, fmt.Errorf("%s: unknown key %q (known: %s)", where, k, strings.Join(paramKeys, ", "))
			}
		}
		pm = maps.Clone(pm)
		name, err := config.TakeString(pm, where, "name")
		if err != nil {
			return nil, err
		}
		typ, err := config.TakeString(pm, where, "type")
		if err != nil {
			return nil, err
		}
		doc, err := config.TakeString(pm, where, "doc")
		if err != nil {
			return nil, err
		}
		switch {
		case name == "":
			return nil, fmt.Errorf("%s.name: missing; give the param a name such as count", where)
		case !token.IsIdentifier(name) || name == "_":
			return nil, fmt.Errorf("%s.name: %q is not a Go identifier such as count or paths", where, name)
		case reserved[name]:
			return nil, fmt.Errorf("%s.name: %q is reserved in Go declarations; choose another name", where, name)
		case seen[name]:
			return nil, fmt.Errorf("%s.name: %q is declared twice", where, name)
		}
		seen[name] = true
		if typ == "" {
			typ = "string"
		}
		goType, ok := paramTypes[typ]
		if !ok {
			return nil, fmt.Errorf("%s.type: want string, int, float, bool or []string, got %q", where, typ)
		}
		params = append(params, param{name: name, typ: goType, doc: doc})
	}
	return params, nil
}

func paramList(types map[string]string) string {
	if len(types) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(maps.Keys(types)), ", ")
}

// Resolved lists each tool's program, as found on $PATH with links
// followed, and its working folder.
func (p *Provider) Resolved() []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(p.tools)) {
		t := p.tools[name]
		prog := ""
		if len(t.command) > 0 {
			prog = config.Command(t.command[0])
		}
		out = append(out, fmt.Sprintf("tool %s %s in %s", name, prog, config.RealPath(t.dir)))
	}
	return out
}

// Dirs returns the working directory of each declared command, by
// function name.
func (p *Provider) Dirs() map[string]string {
	dirs := make(map[string]string, len(p.tools))
	for name, t := range p.tools {
		dirs[name] = t.dir
	}
	return dirs
}

// Package returns the declaration: one function per tool, sorted by name.
func (p *Provider) Package() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/cli", Name: "cli", Source: p.source}
}

// Params returns the parameter names of the tool function fn, in order.
func (p *Provider) Params(fn string) ([]string, bool) {
	t, ok := p.tools[fn]
	if !ok {
		return nil, false
	}
	names := make([]string, len(t.params))
	for i, pr := range t.params {
		names[i] = pr.name
	}
	return names, true
}

// Prepare decodes the JSON arguments of a call to fn, one per parameter,
// strictly into the declared types, and returns them in canonical form by
// parameter name: string, int64, float64, bool, or []any of strings. It
// refuses arguments the command line cannot take (see Argv). It does no
// I/O.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	t, ok := p.tools[fn]
	if !ok {
		return nil, fmt.Errorf("cli has no function %s", fn)
	}
	if len(raw) != len(t.params) {
		names, _ := p.Params(fn)
		return nil, fmt.Errorf("%s takes %d argument(s) (%s), got %d", fn, len(t.params), strings.Join(names, ", "), len(raw))
	}
	args := make(map[string]any, len(raw))
	for i, r := range raw {
		v, err := decl.DecodeValue(t.params[i].typ, r)
		if err != nil {
			return nil, fmt.Errorf("argument %s: %w", t.params[i].name, err)
		}
		args[t.params[i].name] = v
	}
	if _, err := t.argv(args); err != nil {
		return nil, err
	}
	return args, nil
}

// Argv returns the exact argument list a call to fn with canonical args
// runs, the program's name first as the policy wrote it. Its error is a bad
// argument: a missing or mistyped one, a NUL byte, or a value that would
// start an argument with "-" and so be read as an option.
func (p *Provider) Argv(fn string, args map[string]any) ([]string, error) {
	t, ok := p.tools[fn]
	if !ok {
		return nil, fmt.Errorf("cli has no function %s", fn)
	}
	return t.argv(args)
}

// Call runs fn with the arguments Prepare returned and returns its standard
// output as the tool's output setting says: a string, a []string of lines,
// or a decoded JSON value.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	t, ok := p.tools[fn]
	if !ok {
		return nil, fmt.Errorf("cli has no function %s", fn)
	}
	argv, err := t.argv(args)
	if err != nil {
		return nil, err
	}
	out, err := t.run(ctx, argv, args)
	if err != nil {
		return nil, err
	}
	v, err := t.result(out)
	if err != nil {
		return nil, err
	}
	// A direct call would have returned the command's output.
	return provider.Direct{Value: v, Text: string(out)}, nil
}

// environ returns the command's environment, expanded now.
func (t *tool) environ() (map[string]string, error) {
	env := map[string]string{}
	for _, k := range []string{"PATH", "HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env[k] = v
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.env)) {
		var missing []string
		v := os.Expand(t.env[k], func(name string) string {
			v, ok := os.LookupEnv(name)
			if !ok {
				missing = append(missing, name)
			}
			return v
		})
		if len(missing) > 0 {
			return nil, fmt.Errorf("%s.env.%s: environment variable %s is not set where airlock runs", t.label, k, missing[0])
		}
		env[k] = v
	}
	return env, nil
}

// lookPath finds the program in the given PATH, or relative to dir when its
// name has a slash. Relative PATH entries are skipped, as exec.LookPath
// refuses them.
func lookPath(name, path, dir string) (string, error) {
	if strings.ContainsRune(name, '/') || strings.ContainsRune(name, filepath.Separator) {
		file := name
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		found, err := exec.LookPath(file)
		if err != nil {
			return "", fmt.Errorf("program %s: %w", name, errors.Unwrap(err))
		}
		return found, nil
	}
	for _, d := range filepath.SplitList(path) {
		if d == "" || !filepath.IsAbs(d) {
			continue
		}
		if found, err := exec.LookPath(filepath.Join(d, name)); err == nil {
			return found, nil
		}
	}
	return "", fmt.Errorf("program %s is not installed: not found in PATH (%s)", name, path)
}

// run runs argv and returns its standard output.
func (t *tool) run(ctx context.Context, argv []string, args map[string]any) ([]byte, error) {
	env, err := t.environ()
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(t.dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("working directory %s does not exist (%s.dir)", t.dir, t.label)
	}
	path, err := lookPath(argv[0], env["PATH"], t.dir)
	if err != nil {
		return nil, err
	}

	timed, cancelTimed := context.WithTimeout(ctx, t.timeout)
	defer cancelTimed()
	runCtx, stop := context.WithCancel(timed)
	defer stop()

	cmd := exec.CommandContext(runCtx, path)
	cmd.Args = argv
	cmd.Dir = t.dir
	cmd.Env = []string{}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		cmd.Env = append(cmd.Env, k+"="+env[k])
	}
	if t.stdin != "" {
		cmd.Stdin = strings.NewReader(args[t.stdin].(string))
	}
	stdout := &capped{max: t.maxOutput, over: stop}
	stderr := &proc.Tail{Max: stderrTail}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	proc.SetGroup(cmd)
	cmd.Cancel = func() error { proc.SignalGroup(cmd, true); return nil }
	cmd.WaitDelay = waitDelay

	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case stdout.exceeded.Load():
		return nil, fmt.Errorf("output exceeds max_output (%s); the command was stopped", config.FormatSize(t.maxOutput))
	case ctx.Err() != nil:
		return nil, fmt.Errorf("the command was stopped: %w", context.Cause(ctx))
	case errors.Is(timed.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("no result within the timeout of %s; the command was stopped", t.timeout)
	case errors.As(err, &exit):
		msg := fmt.Sprintf("exit status %d", exit.ExitCode())
		if exit.ExitCode() < 0 {
			msg = exit.String() // "signal: killed"
		}
		if s := stderr.Text(); s != "" {
			msg += ": " + s
		}
		return nil, errors.New(msg)
	case errors.Is(err, exec.ErrWaitDelay):
		return nil, errors.New("the command exited, but a process it started kept its output open")
	case err != nil:
		return nil, fmt.Errorf("running %s: %w", argv[0], err)
	}
	return stdout.buf.Bytes(), nil
}

// result turns standard output into the declared result.
func (t *tool) result(out []byte) (any, error) {
	text := strings.ToValidUTF8(string(out), "\uFFFD")
	switch t.output {
	case outputLines:
		text = strings.TrimSuffix(text, "\n")
		if text == "" {
			return []string{}, nil
		}
		return strings.Split(text, "\n"), nil
	case outputJSON:
		dec := json.NewDecoder(strings.NewReader(text))
		dec.UseNumber()
		var v any
		err := dec.Decode(&v)
		if err == nil && strings.Trim(text[dec.InputOffset():], " \t\r\n") != "" {
			err = errors.New("more than one JSON value")
		}
		if strings.Trim(text, " \t\r\n") == "" {
			return nil, errors.New("output is empty, not JSON")
		}
		if err != nil {
			head := text
			if len(head) > 64 {
				head = strings.ToValidUTF8(head[:64], "") + "..."
			}
			return nil, fmt.Errorf("output is not valid JSON (%v): %q", err, head)
		}
		return v, nil
	}
	return text, nil
}

// capped keeps up to max bytes and calls over once when more arrive.
type capped struct {
	mu       sync.Mutex
	max      int64
	buf      bytes.Buffer
	over     func()
	exceeded atomic.Bool
}

func (c *capped) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.exceeded.Load() {
		return len(b), nil
	}
	if int64(c.buf.Len())+int64(len(b)) > c.max {
		c.exceeded.Store(true)
		c.over()
		return len(b), nil
	}
	c.buf.Write(b)
	return len(b), nil
}

// Kind is the cli provider, to the registry: its package declares the
// commands a policy declares.
var Kind = provider.Kind{
	Name: "cli",
	Declare: func(cfg map[string]any, baseDir string) (plan.ToolPackage, error) {
		p, err := New(cfg, baseDir)
		if err != nil {
			return plan.ToolPackage{}, err
		}
		return p.Package(), nil
	},
	New: func(cfg map[string]any, baseDir string) (provider.Provider, error) { return New(cfg, baseDir) },
}
