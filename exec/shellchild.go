package exec

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/airlockhq/airlock/exec/rpc"
	planshell "github.com/airlockhq/airlock/plan/shell"
)

// shellJob makes the child a shell: it runs Script with mvdan.cc/sh's
// interpreter instead of a Go program.
type shellJob struct {
	Script string            `json:"script"`
	Dir    string            `json:"dir"`
	Env    map[string]string `json:"env"`
	Path   []string          `json:"path"` // the only folders commands may come from
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
func runScript(j *shellJob, link *childLink) (int, *rpc.ProgramError) {
	file, err := syntax.NewParser(syntax.Variant(syntax.LangBash)).Parse(strings.NewReader(j.Script), "script")
	if err != nil {
		return 0, &rpc.ProgramError{Kind: "compile", Message: err.Error()}
	}
	sh := &shellChecks{link: link, dir: j.Dir, path: j.Path}
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
			if interp.IsBuiltin(args[0]) && !planshell.Pure(args[0]) {
				if err := sh.ask("sh."+args[0], args[1:]); err != nil {
					return nil, err
				}
			}
			return args, nil
		}),
		interp.ExecHandlers(func(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
			return func(ctx context.Context, args []string) error {
				if err := sh.command(interp.HandlerCtx(ctx).Dir, args, 0); err != nil {
					fmt.Fprintf(interp.HandlerCtx(ctx).Stderr, "airlock: %s: %v\n", args[0], err)
					return interp.NewExitStatus(126)
				}
				return next(ctx, args)
			}
		}),
		interp.OpenHandler(func(ctx context.Context, path string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
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
	if code, ok := interp.IsExitStatus(err); ok {
		if code == 0 {
			return 0, nil
		}
		return int(code), &rpc.ProgramError{Kind: "exit", Message: exitMessage(int(code), tail.String())}
	}
	if err != nil {
		return 1, &rpc.ProgramError{Kind: "exit", Message: err.Error()}
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

// shellChecks asks the parent about each command a script runs.
type shellChecks struct {
	link *childLink
	dir  string
	path []string
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
// what it runs in turn when it is a wrapper (xargs rm, sh -c '...').
func (s *shellChecks) command(dir string, argv []string, depth int) error {
	if depth > maxWrapDepth {
		return errors.New("wrappers nested too deeply to check")
	}
	name := argv[0]
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
		if err := s.command(dir, inner, depth+1); err != nil {
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
