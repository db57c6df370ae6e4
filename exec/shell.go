package exec

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/tools/shell"
	"github.com/airlockhq/airlock/verify"
)

// maxProcesses caps the processes a script may have at once: a fork bomb
// stops there.
const maxProcesses = 128

// shellAccess returns the shell settings, refusing when no working folder
// is configured.
func (r *runner) shellAccess() (shell.Access, error) {
	a, err := r.reg.Shell().Access()
	if err != nil {
		return a, err
	}
	if a.Dir == "" {
		return a, errors.New("the policy sets no working folder for scripts (providers.shell.dir)")
	}
	if fi, err := os.Stat(a.Dir); err != nil || !fi.IsDir() {
		return a, fmt.Errorf("providers.shell.dir %s is not a folder", a.Dir)
	}
	return a, nil
}

// shellLimits are the sandbox limits of a child that runs a script: the
// run's memory and CPU, programs from the system's folders only, the
// working folder read-only unless the policy lets scripts write.
func shellLimits(a shell.Access, lim verify.Limits) sandbox.Limits {
	l := sandbox.Limits{Memory: lim.Memory, CPU: lim.CPU, OpenFiles: 256, Threads: 64,
		Exec: true, ExecDirs: a.ExecDirs, ReadDirs: a.ReadDirs, Processes: maxProcesses}
	if a.Write {
		l.WriteDirs = []string{a.Dir}
		l.FileSize = 64 << 20
	}
	// Commands start through the airlock binary, which confines them.
	if self := selfBinary(); self != "" {
		l.ExecDirs = append(slices.Clone(l.ExecDirs), self)
	}
	// The shell acts as the working folder's owner, without capabilities:
	// the sandbox's own user could not reach a folder under a private home.
	if fi, err := os.Stat(a.Dir); err == nil {
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			l.Owner = &sandbox.Owner{UID: int(st.Uid), GID: int(st.Gid)}
		}
	}
	return l
}

// selfBinary is the real path of the airlock binary.
func selfBinary() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(exe)
	if err != nil {
		return ""
	}
	return real
}

// shellRun runs a script for a Go program's shell.Run in a sandboxed child
// of its own, checking each command the script runs against the policy as
// the program's own calls are: a refused command ends the whole run. It
// returns the script's standard output.
func (r *runner) shellRun(ctx context.Context, script string) (string, error) {
	a, err := r.shellAccess()
	if err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(ctx, a.Timeout)
	defer cancel()
	lim := shellLimits(a, r.lim)
	c, layers, err := r.opts.Pool.startChild(r.opts.Self, lim, r.opts.RequireIsolation)
	if errors.Is(err, errIsolation) {
		return "", fmt.Errorf("sandbox layers missing: %v", sandbox.Missing(layers))
	}
	if err != nil {
		return "", err
	}
	defer c.reqR.Close()
	defer c.respW.Close()
	guard, stdin, stdout, stderr, reqR, respW := c.h, c.stdin, c.stdout, c.stderr, c.reqR, c.respW
	stopped := context.AfterFunc(ctx, guard.Kill)
	defer stopped()

	var overflow atomic.Bool
	out := newCapture(a.MaxOutput, func() { overflow.Store(true); guard.Kill() })
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); io.Copy(out, stdout) }()
	go func() { defer wg.Done(); io.Copy(io.Discard, stderr) }() // the child quotes its tail in an exit error
	var exitErr *rpc.ProgramError
	done := false
	go func() {
		defer wg.Done()
		for {
			req, err := rpc.ReadRequest(reqR, maxRequest)
			if err != nil {
				guard.Kill()
				return
			}
			switch req.Op {
			case rpc.OpDone:
				done = true
			case rpc.OpError:
				exitErr = req.Error
			case rpc.OpData:
				r.commandData(req)
			case rpc.OpCall:
				r.mu.Lock()
				g := r.guard
				r.mu.Unlock()
				resp := r.call(ctx, g, req)
				resp.ID = req.ID
				if err := rpc.WriteFrame(respW, resp); err != nil || resp.Fatal {
					guard.Kill()
					return
				}
			default:
				guard.Kill()
				return
			}
		}
	}()
	go func() {
		guard.placed() // the script runs as soon as its setup arrives
		rpc.WriteFrame(stdin, child.Setup{Limits: lim, MemoryByCgroup: guard.memoryByCgroup(),
			Shell: &child.ShellJob{Script: script, Dir: a.Dir, Env: a.Env, Path: a.Path, Self: selfBinary()}})
		stdin.Close()
	}()
	wg.Wait()
	usage, waitErr := guard.wait()
	r.mu.Lock()
	r.shellCPU += usage.CPU
	r.mu.Unlock()
	switch {
	case overflow.Load():
		return "", fmt.Errorf("the script printed more than %s; print less", verify.FormatSize(a.MaxOutput))
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return "", fmt.Errorf("the script ran longer than %s and was stopped", a.Timeout)
	case ctx.Err() != nil:
		return "", ctx.Err()
	case usage.MemoryLimitHit:
		return "", fmt.Errorf("the script used more than %s of memory", verify.FormatSize(r.lim.Memory))
	case exitErr != nil:
		return out.String(), errors.New(exitErr.Message)
	case !done:
		return "", fmt.Errorf("the shell ended without reporting: %v", waitErr)
	}
	return out.String(), nil
}
