package exec

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	osexec "os/exec"
	"sync"
	"syscall"
	"time"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/sandbox"
)

// spawner is the parent's side of a spawner process (child.SpawnMode),
// which starts sandboxed children for a long-running parent so that the
// parent, whose memory is large, never forks. It is safe for concurrent
// use. When the spawner process is gone, its children die with it (their
// parent-death signal) and every start fails, so the Pool starts children
// itself again.
type spawner struct {
	cmd  *osexec.Cmd
	conn *net.UnixConn

	wmu sync.Mutex // one message at a time

	mu    sync.Mutex
	next  uint64
	waits map[uint64]chan child.SpawnReply
	gone  error // set once the spawner process has ended
	done  chan struct{}
}

// startSpawner starts a spawner from the binary children are started from.
func startSpawner(self string) (*spawner, error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_SEQPACKET|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	ours, theirs := os.NewFile(uintptr(fds[0]), "spawner"), os.NewFile(uintptr(fds[1]), "spawner")
	defer theirs.Close()
	path, _ := launch.Path(self)
	cmd := osexec.Command(path, ChildArg, child.SpawnMode)
	cmd.Env = []string{}
	cmd.ExtraFiles = []*os.File{theirs}
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	if err := cmd.Start(); err != nil {
		ours.Close()
		return nil, err
	}
	fc, err := net.FileConn(ours)
	ours.Close()
	conn, ok := fc.(*net.UnixConn)
	if err != nil || !ok {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, errors.New("spawner: not a unix socket")
	}
	s := &spawner{cmd: cmd, conn: conn, waits: map[uint64]chan child.SpawnReply{}, done: make(chan struct{})}
	go s.read()
	return s, nil
}

// read hands each reply to the start it belongs to, until the spawner ends.
func (s *spawner) read() {
	buf := make([]byte, child.MaxSpawnMessage)
	for {
		n, _, _, _, err := s.conn.ReadMsgUnix(buf, nil)
		var r child.SpawnReply
		if err == nil && n > 0 {
			err = json.Unmarshal(buf[:n], &r)
		} else if err == nil {
			err = errors.New("the spawner closed its socket")
		}
		if err != nil {
			s.fail(err)
			return
		}
		s.mu.Lock()
		ch := s.waits[r.ID]
		if r.Op == "exited" {
			delete(s.waits, r.ID)
		}
		s.mu.Unlock()
		if ch != nil {
			ch <- r
		}
	}
}

// fail ends every start and child still waiting: their spawner is gone.
func (s *spawner) fail(err error) {
	s.mu.Lock()
	if s.gone == nil {
		s.gone = errors.New("the sandbox's spawner ended: " + err.Error())
	}
	waits := s.waits
	s.waits = map[uint64]chan child.SpawnReply{}
	s.mu.Unlock()
	for id, ch := range waits {
		ch <- child.SpawnReply{Op: "exited", ID: id, Error: s.gone.Error(), Status: s.gone.Error()}
	}
	s.conn.Close()
	s.cmd.Process.Kill()
	s.cmd.Wait()
	// Killed, the spawner could not remove its children's cgroups.
	sandbox.RemoveStaleCgroups()
	close(s.done)
}

func (s *spawner) send(req child.SpawnRequest, files []*os.File) error {
	b, _ := json.Marshal(req)
	var oob []byte
	if len(files) > 0 {
		fds := make([]int, len(files))
		for i, f := range files {
			fds[i] = int(f.Fd())
		}
		oob = syscall.UnixRights(fds...)
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	_, _, err := s.conn.WriteMsgUnix(b, oob, nil)
	return err
}

// start has the spawner start a child under lim, as startChild does.
func (s *spawner) start(lim sandbox.Limits, requireIsolation bool) (*proc, []sandbox.Layer, bool, error) {
	s.mu.Lock()
	if s.gone != nil {
		err := s.gone
		s.mu.Unlock()
		return nil, nil, false, err
	}
	s.next++
	id := s.next
	ch := make(chan child.SpawnReply, 2) // started, exited
	s.waits[id] = ch
	s.mu.Unlock()

	// The child's ends go to the spawner; this process keeps the others.
	var ours, theirs []*os.File
	closeAll := func(fs []*os.File) {
		for _, f := range fs {
			f.Close()
		}
	}
	for i := range child.SpawnFiles {
		r, w, err := os.Pipe()
		if err != nil {
			closeAll(ours)
			closeAll(theirs)
			s.forget(id)
			return nil, nil, false, err
		}
		if i == 0 || i == 4 { // stdin, answers: the child reads
			ours, theirs = append(ours, w), append(theirs, r)
		} else { // stdout, stderr, requests: the child writes
			ours, theirs = append(ours, r), append(theirs, w)
		}
	}
	err := s.send(child.SpawnRequest{Op: "start", ID: id, Limits: lim, RequireIsolation: requireIsolation}, theirs)
	closeAll(theirs)
	if err != nil {
		closeAll(ours)
		s.forget(id)
		return nil, nil, false, errors.New("asking the spawner: " + err.Error())
	}
	r := <-ch
	if r.Op != "started" || r.Error != "" || r.Isolation {
		closeAll(ours)
		s.forget(id)
		switch {
		case r.Isolation:
			return nil, r.Layers, false, errIsolation
		case r.Op != "started":
			return nil, nil, false, errors.New(r.Error)
		}
		return nil, r.Layers, r.Again, errors.New(r.Error)
	}
	// The reading ends of its output are closed once it has ended, as
	// os/exec does for a child it started.
	h := &spawned{s: s, id: id, ch: ch, memCgroup: r.MemoryByCgroup, closeAfter: []*os.File{ours[1], ours[2]}}
	return &proc{h: h, layers: r.Layers, stdin: ours[0], stdout: ours[1], stderr: ours[2],
		reqR: ours[3], respW: ours[4]}, r.Layers, false, nil
}

func (s *spawner) forget(id uint64) {
	s.mu.Lock()
	delete(s.waits, id)
	s.mu.Unlock()
}

// close ends the spawner: it kills the children it still has, removes
// their cgroups and exits.
func (s *spawner) close() {
	s.conn.CloseWrite()
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill() // its children die with it
		<-s.done
	}
}

// spawned is a child a spawner started.
type spawned struct {
	s         *spawner
	id        uint64
	ch        chan child.SpawnReply
	memCgroup bool
	once      sync.Once
	usage     sandbox.Usage
	err       error
	// closeAfter are this process's ends of the child's output, closed
	// when it has ended.
	closeAfter []*os.File
}

func (h *spawned) Kill() { h.s.send(child.SpawnRequest{Op: "kill", ID: h.id}, nil) }

func (h *spawned) wait() (sandbox.Usage, error) {
	h.once.Do(func() {
		r := <-h.ch
		h.usage = r.Usage
		switch {
		case r.Error != "":
			h.err = &waitError{signaled: true, text: r.Error}
		case r.Status != "":
			h.err = &waitError{exited: r.Exited, code: r.Code, signaled: r.Signaled, text: r.Status}
		}
		for _, f := range h.closeAfter {
			f.Close()
		}
	})
	return h.usage, h.err
}

func (h *spawned) memoryByCgroup() bool { return h.memCgroup }

// placed returns at once: the spawner moves a child before it reports it
// started.
func (h *spawned) placed() {}

// isGone reports whether the spawner process has ended.
func (s *spawner) isGone() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gone != nil
}

func (h *spawned) gone() bool { return h.s.isGone() }
