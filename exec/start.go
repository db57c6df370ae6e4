package exec

import (
	"errors"
	"io"
	"os"
	osexec "os/exec"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/verify"
)

// child is a started sandboxed child waiting for its job on standard input.
// It serves one job and is then discarded.
type child struct {
	cmd    *osexec.Cmd
	guard  *sandbox.Guard
	limits sandbox.Limits
	layers []sandbox.Layer
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr io.ReadCloser
	reqR   *os.File // requests from the child
	respW  *os.File // answers to the child
}

// errIsolation is returned by startChild when a layer is missing and the
// caller requires all of them.
var errIsolation = errors.New("sandbox layers missing")

// selfPath is the binary to re-execute as the child.
func selfPath(self string) string {
	if self != "" {
		return self
	}
	if _, err := os.Stat("/proc/self/exe"); err == nil {
		return "/proc/self/exe"
	}
	exe, _ := os.Executable()
	return exe
}

// startChild starts the binary self as a sandboxed child under lim. With
// requireIsolation it refuses, before starting anything, when a layer is
// missing, returning errIsolation and the layers.
func startChild(self string, lim sandbox.Limits, requireIsolation bool) (*child, []sandbox.Layer, error) {
	cmd := osexec.Command(selfPath(self), ChildArg)
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, nil, err
	}
	closeAll := func() {
		for _, f := range []*os.File{reqR, reqW, respR, respW} {
			f.Close()
		}
	}
	cmd.ExtraFiles = []*os.File{reqW, respR}
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	stderr, _ := cmd.StderrPipe()
	guard, err := sandbox.Prepare(cmd, lim)
	if err != nil {
		closeAll()
		return nil, nil, errors.New("preparing sandbox: " + err.Error())
	}
	layers := guard.Layers()
	if requireIsolation && len(sandbox.Missing(layers)) > 0 {
		guard.Finish()
		closeAll()
		return nil, layers, errIsolation
	}
	if err := cmd.Start(); err != nil {
		guard.Finish()
		closeAll()
		return nil, layers, errors.New("starting sandbox: " + err.Error())
	}
	reqW.Close()
	respR.Close()
	if err := guard.Started(cmd.Process.Pid); err != nil {
		guard.Kill()
	}
	return &child{cmd: cmd, guard: guard, limits: lim, layers: layers, stdin: stdin, stdout: stdout, stderr: stderr,
		reqR: reqR, respW: respW}, layers, nil
}

// discard kills a child that will not be used, and reaps it.
func (c *child) discard() {
	c.guard.Kill()
	c.stdin.Close()
	c.cmd.Wait()
	c.guard.Finish()
	c.reqR.Close()
	c.respW.Close()
}

// Pool keeps a few pre-started children for Go programs, so a run does not
// wait for a process to start, its runtime to initialise and the sandbox's
// namespaces and cgroup to be set up. Every child is fully isolated before
// it receives anything, serves one program and is discarded: nothing a
// program leaves behind reaches the next. A Pool is safe for concurrent use.
type Pool struct {
	self    string
	limits  sandbox.Limits
	ready   chan *child
	wg      sync.WaitGroup
	mu      sync.Mutex
	closed  bool
	pending int
}

// NewPool starts size children for programs run under limits (the
// policy's) and keeps that many ready. self is the binary to re-execute;
// "" is this one.
func NewPool(size int, limits verify.Limits, self string) *Pool {
	p := &Pool{self: self, limits: goLimits(limits), ready: make(chan *child, size)}
	for range size {
		p.refill()
	}
	return p
}

// goLimits are the sandbox limits of a child that interprets a Go program.
func goLimits(lim verify.Limits) sandbox.Limits {
	return sandbox.Limits{Memory: lim.Memory, CPU: lim.CPU, OpenFiles: 64, Threads: 64}
}

// refill starts one child in the background.
func (p *Pool) refill() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.pending++
	p.wg.Add(1)
	p.mu.Unlock()
	go func() {
		defer p.wg.Done()
		c, _, err := startChild(p.self, p.limits, false)
		p.mu.Lock()
		p.pending--
		closed := p.closed
		p.mu.Unlock()
		if err != nil {
			return
		}
		if closed {
			c.discard()
			return
		}
		p.ready <- c
	}()
}

// get returns a ready child started with lim, or nil; a taken child is
// replaced in the background.
func (p *Pool) get(lim sandbox.Limits) *child {
	if p == nil || !sameLimits(p.limits, lim) {
		return nil
	}
	select {
	case c := <-p.ready:
		p.refill()
		return c
	default:
		return nil
	}
}

func sameLimits(a, b sandbox.Limits) bool {
	return a.Memory == b.Memory && a.CPU == b.CPU && a.OpenFiles == b.OpenFiles && a.Threads == b.Threads &&
		a.FileSize == b.FileSize && !a.Exec && !b.Exec && strings.Join(a.ReadDirs, ":") == strings.Join(b.ReadDirs, ":")
}

// Close stops the ready children and those starting.
func (p *Pool) Close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.wg.Wait()
	for {
		select {
		case c := <-p.ready:
			c.discard()
		default:
			return
		}
	}
}
