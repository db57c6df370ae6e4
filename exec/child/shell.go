package child

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	osexec "os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
	planshell "github.com/airlockhq/airlock/plan/shell"
)

// ShellJob makes the child a shell: it runs Script with mvdan.cc/sh's
// interpreter instead of a Go program.
type ShellJob struct {
	Script string            `json:"script"`
	Dir    string            `json:"dir"`
	Env    map[string]string `json:"env"`
	Path   []string          `json:"path"` // the only folders commands may come from
	Self   string            `json:"self"` // the airlock binary, which starts each command confined
}

// maxWrapDepth bounds how deeply the shell follows wrappers (sudo sh -c
// 'xargs ...') when it checks what a command runs.
const maxWrapDepth = 8

// stderrTail is how much of a script's standard error its exit error
// quotes.
const stderrTail = 2 << 10

// runScript runs a shell job in the child, already in the sandbox. Before
// any command, builtin with effects or redirection runs, the parent is
// asked: it checks the policy and ends the run when it refuses. The exit
// status is returned; a script that cannot start is a ProgramError.
func runScript(j *ShellJob, link *childLink) (int, *rpc.ProgramError) {
	file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(j.Script), "script")
	if err != nil {
		return 0, &rpc.ProgramError{Kind: "compile", Message: err.Error()}
	}
	sh := &shellChecks{link: link, dir: j.Dir, path: j.Path, env: j.Env, self: j.Self, running: make(chan struct{}, maxRunning),
		data: &dataMeter{link: link}}
	tail := &tailWriter{max: stderrTail}
	env := make([]string, 0, len(j.Env))
	for _, k := range slices.Sorted(maps.Keys(j.Env)) {
		env = append(env, k+"="+j.Env[k])
	}
	runner, err := interp.New(
		interp.Env(expand.ListEnviron(env...)),
		interp.Dir(j.Dir),
		interp.StdIO(strings.NewReader(""), os.Stdout, io.MultiWriter(os.Stderr, tail)),
		interp.CallHandler(func(ctx context.Context, args []string) ([]string, error) {
			// Builtins with effects beyond the shell's own state are
			// commands too; external commands are checked when they run.
			// "builtin cd" and "command cd" run cd itself: it is checked too.
			for i := 0; i < len(args) && interp.IsBuiltin(args[i]) && !planshell.Pure(args[i]); i++ {
				if err := sh.ask("sh."+args[i], args[i+1:]); err != nil {
					return nil, err
				}
				if args[i] != "builtin" && args[i] != "command" {
					break
				}
			}
			return args, nil
		}),
		interp.ExecHandlers(func(interp.ExecHandlerFunc) interp.ExecHandlerFunc {
			return func(ctx context.Context, args []string) error {
				hc := interp.HandlerCtx(ctx)
				allowed := &[]string{}
				if err := sh.command(hc.Dir, args, 0, allowed); err != nil {
					fmt.Fprintf(hc.Stderr, "airlock: %s: %v\n", args[0], err)
					return interp.ExitStatus(126)
				}
				return sh.run(ctx, hc, args, *allowed)
			}
		}),
		interp.OpenHandler(func(ctx context.Context, path string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
			if reserved(interp.HandlerCtx(ctx).Dir, path) {
				return nil, fmt.Errorf("%s: airlock does not let scripts open descriptors or process files by path", path)
			}
			if path != "/dev/null" {
				if err := sh.ask("shell.Open", nil, path, openMode(flag)); err != nil {
					return nil, err
				}
			}
			return interp.DefaultOpenHandler()(ctx, path, flag, perm)
		}),
	)
	if err != nil {
		return 0, &rpc.ProgramError{Kind: "internal", Message: err.Error()}
	}
	err = runner.Run(context.Background(), file)
	sh.data.flush()
	if code := interp.ExitStatus(0); errors.As(err, &code) {
		if code == 0 {
			return 0, nil
		}
		return int(code), &rpc.ProgramError{Kind: "exit", Code: int(code), Message: exitMessage(int(code), tail.String())}
	}
	if err != nil {
		return 1, &rpc.ProgramError{Kind: "exit", Code: 1, Message: err.Error()}
	}
	return 0, nil
}

// exitMessage describes a non-zero exit with the end of standard error.
func exitMessage(code int, stderr string) string {
	msg := fmt.Sprintf("exit status %d", code)
	if s := strings.TrimSpace(stderr); s != "" {
		msg += ": " + s
	}
	return msg
}

// openMode names the mode of a redirection's open flags.
func openMode(flag int) string {
	switch {
	case flag&os.O_RDWR != 0:
		return "readwrite"
	case flag&os.O_APPEND != 0:
		return "append"
	case flag&os.O_WRONLY != 0:
		return "write"
	}
	return "read"
}

// reserved reports paths a script may not open by redirection: the
// interpreter's own descriptors (/dev/fd/3 is the pipe to the parent) and
// process files.
func reserved(dir, p string) bool {
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	p = filepath.Clean(p)
	return p != "/dev/null" && (strings.HasPrefix(p, "/dev/") || strings.HasPrefix(p, "/proc/") || p == "/proc")
}

// shellChecks asks the parent about each command a script runs.
type shellChecks struct {
	link *childLink
	dir  string
	path []string
	env  map[string]string // the policy's environment for commands
	self string
	// running holds a slot per command running: a script may run at most
	// maxRunning at once. RLIMIT_NPROC does not bind a root sandbox, and
	// each running command holds one of the child's few threads.
	running chan struct{}
	data    *dataMeter // what commands print, counted as tool data
}

// maxRunning caps the commands a script runs at once: a fork bomb's next
// command fails to start, as fork would fail at a process limit.
const maxRunning = 32

// passEnv are the variables a script may set for the commands it runs,
// beyond the policy's: locale and terminal settings. Others (LD_PRELOAD,
// BASH_ENV, PAGER, GIT_*, TAR_OPTIONS...) could make a granted command run
// something else.
func passEnv(name string) bool {
	switch name {
	case "LANG", "LANGUAGE", "TZ", "COLUMNS", "LINES", "TERM", "NO_COLOR":
		return true
	}
	return strings.HasPrefix(name, "LC_")
}

// resolve finds the program a command name runs: only in the policy's
// folders, whatever the script's PATH says.
func (s *shellChecks) resolve(dir, name string) (string, error) {
	if strings.Contains(name, "/") {
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		return filepath.Clean(p), nil
	}
	for _, d := range s.path {
		p := filepath.Join(d, name)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("command not found in %s", strings.Join(s.path, ":"))
}

// run starts a checked command through the airlock binary, which limits
// what the command may execute to the programs checked for it (allowed)
// before it becomes the command.
func (s *shellChecks) run(ctx context.Context, hc interp.HandlerContext, args, allowed []string) error {
	env := make([]string, 0, len(s.env)+4)
	for _, k := range slices.Sorted(maps.Keys(s.env)) {
		env = append(env, k+"="+s.env[k])
	}
	hc.Env.Each(func(name string, vr expand.Variable) bool {
		if vr.Exported && vr.IsSet() && passEnv(name) {
			env = append(env, name+"="+vr.String())
		}
		return true
	})
	argv := append([]string{s.self, Arg, execMode, strconv.Itoa(len(allowed))}, allowed...)
	argv = append(append(argv, "--", allowed[0]), args...)
	cmd := osexec.Command(s.self)
	cmd.Args, cmd.Env, cmd.Dir = argv, env, hc.Dir
	// What the command prints is tool data: an agent running the
	// command itself would have read it, whether it went to the next
	// stage of a pipeline or to the script's output.
	// Metered first: what it printed counts even when the next stage has
	// stopped reading.
	cmd.Stdin, cmd.Stdout, cmd.Stderr = hc.Stdin, io.MultiWriter(s.data, hc.Stdout), hc.Stderr
	// Its own process group, so a canceled command goes with everything
	// it started; the pid namespace ends whatever is left with the run.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.WaitDelay = time.Second
	select {
	case s.running <- struct{}{}:
		defer func() { <-s.running }()
	default:
		fmt.Fprintf(hc.Stderr, "airlock: %s: too many commands running at once (at most %d)\n", args[0], maxRunning)
		return interp.ExitStatus(126)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(hc.Stderr, "airlock: %s: %v\n", args[0], err)
		return interp.ExitStatus(126)
	}
	stop := context.AfterFunc(ctx, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	err := cmd.Wait()
	stop()
	var ee *osexec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return interp.ExitStatus(uint8(128 + int(ws.Signal())))
		}
		return interp.ExitStatus(uint8(ee.ExitCode()))
	}
	return err
}

// execMode is the child's mode that confines and becomes one command:
//
//	airlock __airlock_sandbox_child exec N FILE... -- PROGRAM ARGV...
const execMode = "exec"

// execMain limits execution to the N files, then becomes PROGRAM.
func execMain(args []string) {
	fail := func(msg string) {
		fmt.Fprintln(os.Stderr, "airlock: "+msg)
		os.Exit(126)
	}
	if len(args) < 1 {
		fail("exec: no arguments")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 || len(args) < n+4 || args[n+1] != "--" {
		fail("exec: malformed arguments")
	}
	files, program, argv := args[1:n+1], args[n+2], args[n+3:]
	if err := sandbox.LimitExec(files); err != nil {
		fail("exec: confining " + program + ": " + err.Error())
	}
	err = syscall.Exec(program, argv, os.Environ())
	fail(fmt.Sprintf("%s: %v", argv[0], err))
}

// ask asks the parent to allow a tool: a command with its arguments, or
// shell.Open with its path and mode (args given as strs).
func (s *shellChecks) ask(tool string, argv []string, strs ...string) error {
	var args []any
	if strs != nil {
		for _, x := range strs {
			args = append(args, x)
		}
	} else {
		if argv == nil {
			argv = []string{}
		}
		args = []any{argv}
	}
	return s.link.call(tool, args, nil)
}

// command checks one command about to run (argv[0] and its arguments), and
// what it runs in turn when it is a wrapper (xargs rm, sh -c '...'),
// adding to allowed the programs it may execute: its own and those.
func (s *shellChecks) command(dir string, argv []string, depth int, allowed *[]string) error {
	if depth > maxWrapDepth {
		return errors.New("wrappers nested too deeply to check")
	}
	name := argv[0]
	prog, err := s.resolve(dir, name)
	if err != nil {
		return err
	}
	*allowed = append(*allowed, prog)
	if strings.Contains(name, "/") {
		// A program named by its path runs only from the policy's
		// folders: a file in the data folder named "grep" is not grep.
		p := name
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if !slices.Contains(s.path, filepath.Dir(filepath.Clean(p))) {
			return fmt.Errorf("programs run only from %s; call commands by name", strings.Join(s.path, ", "))
		}
		name = filepath.Base(p)
	}
	if err := s.ask("sh."+name, argv[1:]); err != nil {
		return err
	}
	w := planshell.Unwrap(argv)
	if !w.Wrapper {
		return nil
	}
	if w.Unknown {
		return fmt.Errorf("what %s runs cannot be checked; run the commands directly", name)
	}
	for _, inner := range w.Commands {
		if len(inner) == 0 {
			continue
		}
		if err := s.command(dir, inner, depth+1, allowed); err != nil {
			return err
		}
	}
	for _, script := range w.Scripts {
		pl, err := planshell.Build("script", []byte(script))
		if err != nil {
			return fmt.Errorf("the script %s runs does not parse: %v", name, err)
		}
		if len(pl.Findings) > 0 {
			return fmt.Errorf("the script %s runs: %s", name, pl.Findings[0].Message)
		}
		for _, u := range pl.Uses {
			vals := make([]string, 0, len(u.Args))
			for _, a := range u.Args {
				v, ok := a.Value.(string)
				if !a.Known || !ok {
					return fmt.Errorf("the script %s runs passes %s arguments only known when it runs; run the commands directly", name, u.Tool)
				}
				vals = append(vals, v)
			}
			if u.Tool == "shell.Open" {
				err = s.ask(u.Tool, nil, vals...)
			} else {
				err = s.ask(u.Tool, vals)
				if p, rerr := s.resolve(dir, strings.TrimPrefix(u.Tool, "sh.")); err == nil && rerr == nil {
					*allowed = append(*allowed, p)
				}
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// tailWriter keeps the last max bytes written.
type tailWriter struct {
	max int
	buf []byte
}

func (t *tailWriter) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

func (t *tailWriter) String() string { return string(t.buf) }

// maxData is how much of its commands' output one shell sends the parent;
// past it only the byte count goes.
const maxData = 32 << 20

// dataMeter sends what a script's commands print to the parent, in
// chunks, to be counted as tool data. It is safe for concurrent use: the
// stages of a pipeline write at once.
type dataMeter struct {
	link *childLink
	mu   sync.Mutex
	buf  []byte
	sent int64
	over int64 // bytes past maxData, counted only
}

func (d *dataMeter) Write(p []byte) (int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := len(p)
	if room := maxData - d.sent - int64(len(d.buf)); int64(len(p)) > room {
		d.over += int64(len(p)) - max(room, 0)
		p = p[:max(room, 0)]
	}
	d.buf = append(d.buf, p...)
	for len(d.buf) >= rpc.DataChunk {
		d.send(d.buf[:rpc.DataChunk])
		d.buf = d.buf[rpc.DataChunk:]
	}
	return n, nil
}

// send sends one chunk; the lock is held.
func (d *dataMeter) send(chunk []byte) {
	b, _ := json.Marshal(string(chunk))
	d.link.send(rpc.Request{Op: rpc.OpData, Value: b})
	d.sent += int64(len(chunk))
}

// flush sends what is left, and the count of what was not sent.
func (d *dataMeter) flush() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.buf) > 0 {
		d.send(d.buf)
		d.buf = nil
	}
	if d.over > 0 {
		d.link.send(rpc.Request{Op: rpc.OpData, Oversized: d.over})
		d.over = 0
	}
}
