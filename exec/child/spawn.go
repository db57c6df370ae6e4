package child

import (
	"encoding/json"
	"errors"
	"net"
	"os"
	osexec "os/exec"
	"sync"
	"syscall"

	"github.com/airlockhq/airlock/exec/sandbox"
)

// SpawnMode is the mode that makes the binary the spawner: a small process
// that a long-running airlock (the MCP server) keeps beside it to start
// sandboxed children for it. A child that gets a user namespace cannot be
// started with vfork, so the kernel copies the starting process's page
// tables for each one; from the spawner, whose memory is a few megabytes,
// that costs a fraction of what it costs from the server.
//
//	airlock __airlock_sandbox_child spawn
//
// It reads requests from the socket on fd 3 and never returns.
const SpawnMode = "spawn"

// MaxSpawnMessage caps one message between the spawner and its parent.
const MaxSpawnMessage = 64 << 10

// SpawnFiles is how many files a start request carries: the child's
// standard input, output and error, its requests' writing end and its
// answers' reading end.
const SpawnFiles = 5

// SpawnRequest is what the parent asks of the spawner.
type SpawnRequest struct {
	Op               string         `json:"op"` // "start" or "kill"
	ID               uint64         `json:"id"`
	Limits           sandbox.Limits `json:"limits"`
	RequireIsolation bool           `json:"require_isolation,omitempty"`
}

// SpawnReply is what the spawner tells the parent about a child: that it
// started (or could not), and later how it ended.
type SpawnReply struct {
	Op             string          `json:"op"` // "started" or "exited"
	ID             uint64          `json:"id"`
	Error          string          `json:"error,omitempty"`
	Isolation      bool            `json:"isolation,omitempty"` // not started: layers missing
	Again          bool            `json:"again,omitempty"`     // not started, worth one more try
	Layers         []sandbox.Layer `json:"layers,omitempty"`
	MemoryByCgroup bool            `json:"memory_by_cgroup,omitempty"`
	// How the child ended: Status is its wait error's text, "" for a
	// clean exit.
	Status   string        `json:"status,omitempty"`
	Exited   bool          `json:"exited,omitempty"`
	Code     int           `json:"code,omitempty"`
	Signaled bool          `json:"signaled,omitempty"`
	Usage    sandbox.Usage `json:"usage"`
}

// spawnMain serves the parent's requests until its socket closes, then
// kills every child it started and exits.
func spawnMain() {
	f := os.NewFile(3, "spawner")
	fc, err := net.FileConn(f)
	f.Close()
	conn, ok := fc.(*net.UnixConn)
	if err != nil || !ok {
		os.Exit(3)
	}
	s := &spawner{conn: conn, guards: map[uint64]*sandbox.Guard{}}
	buf := make([]byte, MaxSpawnMessage)
	oob := make([]byte, syscall.CmsgSpace(SpawnFiles*4))
	for {
		n, oobn, _, _, err := conn.ReadMsgUnix(buf, oob)
		if err != nil || n == 0 {
			// The parent is done: end the children, and let each start
			// reap its child and remove its cgroup before leaving.
			s.killAll()
			s.running.Wait()
			os.Exit(0)
		}
		files := receivedFiles(oob[:oobn])
		var req SpawnRequest
		if json.Unmarshal(buf[:n], &req) != nil {
			closeFiles(files)
			s.killAll()
			os.Exit(3)
		}
		switch req.Op {
		case "start":
			if len(files) != SpawnFiles {
				closeFiles(files)
				s.reply(SpawnReply{Op: "started", ID: req.ID, Error: "a start request must carry 5 files"})
				continue
			}
			s.running.Add(1)
			go func() {
				defer s.running.Done()
				s.start(req, files)
			}()
		case "kill":
			closeFiles(files)
			s.mu.Lock()
			g := s.guards[req.ID]
			s.mu.Unlock()
			if g != nil {
				g.Kill()
			}
		default:
			closeFiles(files)
		}
	}
}

type spawner struct {
	conn    *net.UnixConn
	running sync.WaitGroup // starts not yet reported as exited
	wmu     sync.Mutex
	mu      sync.Mutex
	guards  map[uint64]*sandbox.Guard // children running, by request
}

func (s *spawner) reply(r SpawnReply) {
	b, _ := json.Marshal(r)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, _, err := s.conn.WriteMsgUnix(b, nil, nil); err != nil {
		s.killAll() // the parent is gone; the read loop ends next
	}
}

// start starts one child from this binary with the files it was sent,
// reports it, waits for it and reports how it ended.
func (s *spawner) start(req SpawnRequest, files []*os.File) {
	cmd := osexec.Command("/proc/self/exe", Arg)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = files[0], files[1], files[2]
	cmd.ExtraFiles = files[3:]
	guard, err := sandbox.Prepare(cmd, req.Limits)
	if err != nil {
		closeFiles(files)
		s.reply(SpawnReply{Op: "started", ID: req.ID, Error: "preparing sandbox: " + err.Error()})
		return
	}
	layers := guard.Layers()
	if req.RequireIsolation && len(sandbox.Missing(layers)) > 0 {
		guard.Finish()
		closeFiles(files)
		s.reply(SpawnReply{Op: "started", ID: req.ID, Isolation: true, Layers: layers})
		return
	}
	err = cmd.Start()
	closeFiles(files)
	if err != nil {
		again := guard.StartFailed()
		guard.Finish()
		s.reply(SpawnReply{Op: "started", ID: req.ID, Error: "starting sandbox: " + err.Error(), Again: again, Layers: layers})
		return
	}
	if err := guard.Started(cmd.Process.Pid); err != nil {
		guard.Kill()
	}
	s.mu.Lock()
	s.guards[req.ID] = guard
	s.mu.Unlock()
	s.reply(SpawnReply{Op: "started", ID: req.ID, Layers: layers, MemoryByCgroup: guard.MemoryByCgroup()})

	waitErr := cmd.Wait()
	guard.Kill() // nothing of the child may outlive it
	usage := guard.Usage()
	// The cgroup is removed once the parent has its answer.
	defer func() {
		guard.Remove()
		s.mu.Lock()
		delete(s.guards, req.ID)
		s.mu.Unlock()
	}()
	r := SpawnReply{Op: "exited", ID: req.ID, Usage: usage}
	if waitErr != nil {
		r.Status = waitErr.Error()
		var ee *osexec.ExitError
		if errors.As(waitErr, &ee) {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok {
				r.Exited, r.Code, r.Signaled = ws.Exited(), ws.ExitStatus(), ws.Signaled()
			}
		}
	} else {
		r.Exited = true
	}
	s.reply(r)
}

func (s *spawner) killAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.guards {
		g.Kill()
	}
}

// receivedFiles returns the files passed in a message's control data.
func receivedFiles(oob []byte) []*os.File {
	msgs, err := syscall.ParseSocketControlMessage(oob)
	if err != nil {
		return nil
	}
	var files []*os.File
	for _, m := range msgs {
		fds, err := syscall.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			syscall.CloseOnExec(fd)
			files = append(files, os.NewFile(uintptr(fd), "passed"))
		}
	}
	return files
}

func closeFiles(files []*os.File) {
	for _, f := range files {
		f.Close()
	}
}
