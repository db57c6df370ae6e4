package exec

import (
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/verify"
)

// proc is a started sandboxed child waiting for its setup, then its job,
// on standard input. It serves one job and is then discarded.
type proc struct {
	setUp  bool // its setup was sent: it is confined, its interpreter ready
	h      handle
	layers []sandbox.Layer
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr io.ReadCloser
	reqR   *os.File // requests from the child
	respW  *os.File // answers to the child
}

// handle is the parent's hold on a started child, whether it started the
// child itself or a spawner did.
type handle interface {
	// Kill ends the child and everything it started; it is safe to call
	// at any time, more than once.
	Kill()
	// wait waits for the child to end, kills what is left of it, and
	// reports what it used and how it ended (an *osexec.ExitError or a
	// *waitError, nil for a clean exit).
	wait() (sandbox.Usage, error)
	// memoryByCgroup reports whether a cgroup caps the child's memory.
	memoryByCgroup() bool
	// gone reports whether the child is known to have ended before its
	// run: its spawner ended.
	gone() bool
	// placed returns once the child is in its cgroup, or has been killed
	// because it could not be moved there: it may be sent its program.
	placed()
}

// localChild is a child this process started.
type localChild struct{ *launch.Child }

func (h localChild) Kill()                        { h.Guard.Kill() }
func (h localChild) placed()                      { h.Placed() }
func (h localChild) wait() (sandbox.Usage, error) { return h.Wait() }
func (h localChild) memoryByCgroup() bool         { return h.Guard.MemoryByCgroup() }
func (h localChild) gone() bool                   { return false }

// errIsolation is returned by startChild when a layer is missing and the
// caller requires all of them.
var errIsolation = launch.ErrIsolation

// startChild starts a sandboxed child here (see launch.Start).
func startChild(self string, lim sandbox.Limits, requireIsolation bool) (*proc, []sandbox.Layer, error) {
	c, layers, err := launch.Start(self, lim, requireIsolation)
	if err != nil {
		return nil, layers, err
	}
	return adopt(c), layers, nil
}

// adopt wraps a child this process started.
func adopt(c *launch.Child) *proc {
	return &proc{h: localChild{c}, layers: c.Layers, stdin: c.Stdin, stdout: c.Stdout, stderr: c.Stderr,
		reqR: c.ReqR, respW: c.RespW}
}

// discard kills a child that will not be used, and reaps it.
func (c *proc) discard() {
	c.h.Kill()
	c.stdin.Close()
	c.h.wait()
	c.reqR.Close()
	c.respW.Close()
}

// Pool keeps a few pre-started children for the Go programs one policy
// allows, so a run waits neither for a process to start, its runtime to
// initialise and the sandbox's namespaces and cgroup to be set up, nor for
// the child to confine itself and make an interpreter that can reach every
// package the policy allows. Every child is fully isolated before it
// receives a program, serves one and is discarded: nothing a program leaves
// behind reaches the next. A Pool is safe for concurrent use.
type Pool struct {
	self     string
	limits   sandbox.Limits
	packages []string // sorted
	ready    chan *proc
	once     bool     // children taken are not replaced
	sp       *spawner // starts the children when set
	wg       sync.WaitGroup
	mu       sync.Mutex
	closed   bool
	pending  int
}

// NewPool starts size children for the programs pol allows and keeps that
// many ready. self is the binary to re-execute; "" is this one.
func NewPool(size int, pol *verify.Policy, self string) *Pool {
	// Besides the policy's packages, every program may import airlock and
	// airlock/table.
	packages := append(pol.Imports(), "airlock", "airlock/table")
	slices.Sort(packages)
	p := &Pool{self: self, limits: goLimits(pol.Limits), packages: packages, ready: make(chan *proc, size)}
	if size > 0 {
		// A spawner starts every child of the runs that use this pool,
		// so that this process, large by now, never forks. Without
		// one, children are started here.
		p.sp, _ = startSpawner(self)
	}
	for range size {
		p.start()
	}
	return p
}

// Prestart starts one child for a Go program pol may allow, to be passed as
// Options.Pool: it starts and confines itself while the program is planned
// and verified. The child is not replaced once taken. Close the Pool after
// the run; a child the run did not take is discarded.
func Prestart(pol *verify.Policy, self string) *Pool {
	p := NewPool(0, pol, self)
	p.ready = make(chan *proc, 1)
	p.once = true
	if self == "" {
		if c := launch.TakeEarly(p.limits); c != nil {
			// Started while this process initialised (launch.Early).
			p.setUp(func() (*proc, error) { return adopt(c), nil })
			return p
		}
	}
	p.start()
	return p
}

// goLimits are the sandbox limits of a child that interprets a Go program.
func goLimits(lim verify.Limits) sandbox.Limits {
	return sandbox.Limits{Memory: lim.Memory, CPU: lim.CPU, OpenFiles: 64, Threads: 64}
}

// refill replaces a child taken from the pool.
func (p *Pool) refill() {
	if p == nil || p.once {
		return
	}
	p.start()
}

// start starts one child in the background and sends it its setup.
func (p *Pool) start() {
	p.setUp(func() (*proc, error) {
		c, _, err := p.startChild(p.self, p.limits, false)
		return c, err
	})
}

// setUp gets a child from started in the background, sends it its setup
// and makes it ready.
func (p *Pool) setUp(started func() (*proc, error)) {
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
		c, err := started()
		if err == nil {
			err = rpc.WriteFrame(c.stdin, child.Setup{Packages: p.packages, Limits: p.limits, MemoryByCgroup: c.h.memoryByCgroup()})
			c.setUp = true
			if err != nil {
				c.discard()
			}
		}
		p.mu.Lock()
		p.pending--
		closed := p.closed
		p.mu.Unlock()
		if err == nil && closed {
			c.discard()
		}
		if err != nil || closed {
			if p.once {
				p.ready <- nil // get stops waiting
			}
			return
		}
		p.ready <- c
	}()
}

// startChild starts a child as the package's startChild does, through the
// pool's spawner when it has a working one. A nil Pool starts it here.
func (p *Pool) startChild(self string, lim sandbox.Limits, requireIsolation bool) (*proc, []sandbox.Layer, error) {
	if p == nil || p.sp == nil {
		return startChild(self, lim, requireIsolation)
	}
	c, layers, again, err := p.sp.start(lim, requireIsolation)
	if again {
		c, layers, _, err = p.sp.start(lim, requireIsolation)
	}
	if err != nil && !errors.Is(err, errIsolation) && p.sp.isGone() {
		return startChild(self, lim, requireIsolation)
	}
	return c, layers, err
}

// get returns a ready child started with lim whose interpreter reaches
// packages, or nil. The caller calls refill once the run has ended, so that
// starting the next child does not compete with the run.
func (p *Pool) get(lim sandbox.Limits, packages []string) *proc {
	if p == nil || !sameLimits(p.limits, lim) {
		return nil
	}
	for _, pkg := range packages {
		if _, ok := slices.BinarySearch(p.packages, pkg); !ok {
			return nil
		}
	}
	if p.once {
		// Its one child is nearer to ready than a new one would be.
		return <-p.ready
	}
	for {
		select {
		case c := <-p.ready:
			if c.h.gone() {
				// Its spawner ended, and it with it.
				c.discard()
				p.start()
				continue
			}
			return c
		default:
			return nil
		}
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
	defer func() {
		if p.sp != nil {
			p.sp.close()
		}
	}()
	for {
		select {
		case c := <-p.ready:
			if c != nil {
				c.discard()
			}
		default:
			return
		}
	}
}

// ChildArg is the hidden first argument that turns a binary into the
// sandboxed child (see ChildMain).
const ChildArg = child.Arg

// ChildMain runs the child side of a sandboxed run and never returns.
func ChildMain() { child.Main() }

// SandboxBinary is the name of the child-only binary a build installs next
// to airlock (cmd/airlock-sandbox).
const SandboxBinary = launch.SandboxBinary

// ChildBinary says which binary runs the sandboxed children when Options.Self
// is not set (see launch.ChildBinary).
func ChildBinary() (path string, why string) { return launch.ChildBinary() }
