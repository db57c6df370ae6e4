// Package launch starts sandboxed children: it picks the binary they run
// from and starts one under a [sandbox.Guard], with the pipes the parent
// talks to it through. [Early] starts one while the parent is still
// initialising, for a command that will run one program.
package launch

import (
	"errors"
	"io"
	"os"
	osexec "os/exec"
	"sync"

	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
)

// Child is a started sandboxed child, waiting on standard input for its
// setup and then its job.
type Child struct {
	Cmd    *osexec.Cmd
	Guard  *sandbox.Guard
	Layers []sandbox.Layer
	Stdin  io.WriteCloser
	Stdout io.ReadCloser
	Stderr io.ReadCloser
	ReqR   *os.File // requests from the child
	RespW  *os.File // answers to the child
	// Moved is closed once the child is in its cgroup; nil when it was
	// there from its start.
	Moved chan struct{}
}

// ErrIsolation is returned by Start when a layer is missing and the caller
// requires all of them.
var ErrIsolation = errors.New("sandbox layers missing")

// Start starts a child from Path(self) under limits lim, trying once more
// when the first start failed in a way worth it (see
// sandbox.Guard.StartFailed). When requireIsolation is set and a layer is
// missing it starts nothing, returning the layers and ErrIsolation.
func Start(self string, lim sandbox.Limits, requireIsolation bool) (*Child, []sandbox.Layer, error) {
	c, layers, again, err := try(self, lim, requireIsolation)
	if again {
		c, layers, _, err = try(self, lim, requireIsolation)
	}
	return c, layers, err
}

// try is one attempt of Start; again reports a failed start worth another.
func try(self string, lim sandbox.Limits, requireIsolation bool) (c *Child, layers []sandbox.Layer, again bool, err error) {
	path, fromSandbox := Path(self)
	cmd := osexec.Command(path, rpc.ChildArg)
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, nil, false, err
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		reqR.Close()
		reqW.Close()
		return nil, nil, false, err
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
		return nil, nil, false, errors.New("preparing sandbox: " + err.Error())
	}
	layers = guard.Layers()
	if requireIsolation && len(sandbox.Missing(layers)) > 0 {
		guard.Finish()
		closeAll()
		return nil, layers, false, ErrIsolation
	}
	if err := cmd.Start(); err != nil {
		again := guard.StartFailed()
		if fromSandbox {
			sandboxBinaryFailed.Store(true)
			again = true
		}
		guard.Finish()
		closeAll()
		return nil, layers, again, errors.New("starting sandbox: " + err.Error())
	}
	reqW.Close()
	respR.Close()
	c = &Child{Cmd: cmd, Guard: guard, Layers: layers, Stdin: stdin, Stdout: stdout, Stderr: stderr, ReqR: reqR, RespW: respW}
	move := func() {
		if err := guard.Started(cmd.Process.Pid); err != nil {
			guard.Kill()
		}
	}
	if guard.Migrates() {
		// The child starts, confines itself and makes its interpreter
		// while it is moved; it is sent its program once in its cgroup.
		c.Moved = make(chan struct{})
		go func() {
			move()
			close(c.Moved)
		}()
	} else {
		move()
	}
	return c, layers, false, nil
}

// Placed returns once the child is in its cgroup, or has been killed
// because it could not be moved there.
func (c *Child) Placed() {
	if c.Moved != nil {
		<-c.Moved
	}
}

// Wait waits for the child to end, kills what is left of it, and reports
// what it used and how it ended.
func (c *Child) Wait() (sandbox.Usage, error) {
	c.Placed()
	err := c.Cmd.Wait()
	c.Guard.Kill() // nothing of the child may outlive it
	return c.Guard.Finish(), err
}

// Discard kills a child that will not be used, and reaps it.
func (c *Child) Discard() {
	c.Guard.Kill()
	c.Stdin.Close()
	c.Wait()
	c.ReqR.Close()
	c.RespW.Close()
}

// early is the child Early started, until it is taken or discarded.
var early struct {
	sync.Mutex
	c *Child
}

// Early starts a child under limits lim for TakeEarly. It is for a command
// that runs one Go program: called from a package initialiser, it lets the
// child start and initialise while the rest of the parent initialises and
// the program is planned and verified. It starts the child before it
// returns; in the background, the child competes with the initialisers
// left for this process's CPU and takes longer (measured in bench/cold).
// The memory limit may still change when the child is taken; the child
// runs nothing before it is sent a job. A process that calls Early calls
// DiscardEarly before it exits, so that a child nobody took leaves no
// cgroup behind.
func Early(lim sandbox.Limits) {
	DiscardEarly() // one at a time
	c, _, err := Start("", lim, false)
	if err != nil {
		return
	}
	early.Lock()
	early.c = c
	early.Unlock()
}

// takeEarly hands over the child Early started, or nil.
func takeEarly() *Child {
	early.Lock()
	defer early.Unlock()
	c := early.c
	early.c = nil
	return c
}

// TakeEarly hands over the child Early started, its limits set to lim, or
// returns nil when there is none or its sandbox cannot take lim.
func TakeEarly(lim sandbox.Limits) *Child {
	c := takeEarly()
	if c == nil {
		return nil
	}
	if err := c.Guard.SetLimits(lim); err != nil {
		c.Discard()
		return nil
	}
	return c
}

// DiscardEarly ends and reaps the child Early started if nobody took it.
func DiscardEarly() {
	if c := takeEarly(); c != nil {
		c.Discard()
	}
}
