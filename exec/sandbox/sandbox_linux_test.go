package sandbox

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/airlockhq/airlock/internal/procstat"
)

// TestMain lets this test binary serve as the sandboxed child and as a
// parent that is killed while its child runs.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case childArg:
			os.Exit(childMain())
		case parentArg:
			os.Exit(parentMain())
		}
	}
	os.Exit(m.Run())
}

// spec is one run of the test binary as a child.
type spec struct {
	probe probe
	// sandbox runs the command through Prepare and Started; otherwise it
	// starts plainly, as root in the test's own namespaces.
	sandbox bool
	limits  Limits // for Prepare and the child's Enter
	// noCgroup keeps the memory limit away from Prepare, so the child
	// enforces it with RLIMIT_AS.
	noCgroup bool
	// adjust changes what Prepare set up.
	adjust func(*syscall.SysProcAttr)
	env    []string // the environment set before Prepare
	rpc    bool     // pass request and response pipes as fd 3 and 4
	// started runs after the start, before the child gets its job.
	started func(t testing.TB, pid int)
	// ready runs when the child prints "result ready".
	ready func(t testing.TB, g *Guard, pid int)
}

// outcome is what a run produced.
type outcome struct {
	result string
	ran    bool // the child printed a result line
	layers []Layer
	state  *os.ProcessState
	usage  Usage
	stderr string

	// Where the time went: Enter as the child timed it; Prepare, Start
	// with Started, and Finish in the parent.
	enter, prepare, start, finish time.Duration
}

func (o outcome) signal() syscall.Signal {
	if ws, ok := o.state.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal()
	}
	return 0
}

func run(t testing.TB, s spec) outcome {
	t.Helper()
	cmd := exec.Command("/proc/self/exe", childArg)
	cmd.Env = s.env
	if cmd.Env == nil {
		cmd.Env = []string{}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if s.rpc {
		serveRPC(t, cmd)
	}
	g := &Guard{cmd: cmd, limits: s.limits}
	var o outcome
	t0 := time.Now()
	if s.sandbox {
		lim := s.limits
		if s.noCgroup {
			lim.Memory = 0
		}
		if g, err = Prepare(cmd, lim); err != nil {
			t.Fatal(err)
		}
		g.limits = s.limits
		g.memLimit.Store(s.limits.Memory)
		if s.adjust != nil {
			s.adjust(cmd.SysProcAttr)
		}
	}
	t1 := time.Now()
	if err := cmd.Start(); err != nil {
		g.Finish()
		t.Fatalf("starting the child: %v", err)
	}
	if err := g.Started(cmd.Process.Pid); err != nil {
		g.Kill()
		t.Errorf("Started: %v", err)
	}
	o.prepare, o.start = t1.Sub(t0), time.Since(t1)
	if s.started != nil {
		s.started(t, cmd.Process.Pid)
	}
	p := s.probe
	p.Limits, p.MemoryByCgroup, p.ParentPID = s.limits, g.MemoryByCgroup(), os.Getpid()
	json.NewEncoder(stdin).Encode(p)
	stdin.Close()

	timedOut := false
	timer := time.AfterFunc(60*time.Second, func() { timedOut = true; g.Kill() })
	defer timer.Stop()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		kind, rest, _ := strings.Cut(sc.Text(), " ")
		switch kind {
		case "layers":
			if err := json.Unmarshal([]byte(rest), &o.layers); err != nil {
				t.Errorf("decoding layers: %v", err)
			}
		case "enter":
			us, _ := strconv.Atoi(rest)
			o.enter = time.Duration(us) * time.Microsecond
		case "result":
			o.result, o.ran = rest, true
			if rest == "ready" && s.ready != nil {
				s.ready(t, g, cmd.Process.Pid)
			}
		}
	}
	cmd.Wait()
	t2 := time.Now()
	o.state, o.usage, o.stderr = cmd.ProcessState, g.Finish(), stderr.String()
	o.finish = time.Since(t2)
	if timedOut {
		t.Fatalf("the child ran for a minute; stderr:\n%s", o.stderr)
	}
	return o
}

// serveRPC passes pipes as fd 3 (requests) and fd 4 (responses) and
// answers each request line with "pong".
func serveRPC(t testing.TB, cmd *exec.Cmd) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	respR, respW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.ExtraFiles = []*os.File{reqW, respR}
	go func() {
		defer respW.Close()
		sc := bufio.NewScanner(reqR)
		for sc.Scan() {
			respW.Write([]byte("pong\n"))
		}
	}()
	t.Cleanup(func() { reqR.Close(); reqW.Close(); respR.Close() })
}

func needRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root: the controls' results are root's")
	}
}

func needPidNamespace(t *testing.T) {
	t.Helper()
	if !pidNamespaceWorks() {
		t.Skip("no pid namespace in a cgo build before Landlock ABI 8; run with CGO_ENABLED=0")
	}
}

// expect checks a run's result line and exit status.
func expect(t *testing.T, o outcome, result string) {
	t.Helper()
	if !o.ran || o.result != result {
		t.Errorf("result = %q (printed: %v), want %q; exit %v; stderr:\n%s", o.result, o.ran, result, o.state, o.stderr)
	}
}

func TestSeccompDeniesSystemCalls(t *testing.T) {
	needRoot(t)
	// Each call with its result under the filter and, as a control, as
	// root without it: the control shows the call reaches the kernel.
	want := []struct{ call, filtered, control string }{
		{"ptrace", "EPERM", "ESRCH"},
		{"process_vm_readv", "EPERM", "ok"}, // nothing to copy
		{"mount", "EPERM", "ENOENT"},
		{"umount2", "EPERM", "ENOENT"},
		{"chroot", "EPERM", "ENOENT"},
		{"unshare", "EPERM", "ok"},
		{"setns", "EPERM", "EBADF"},
		{"bpf", "EPERM", "E2BIG"},
		{"perf_event_open", "EPERM", "EFAULT"},
		{"reboot", "EPERM", "EINVAL"},
		{"personality", "EPERM", "ok"},
		{"io_uring_setup", "EPERM", "EFAULT"},
		{"keyctl", "EPERM", "ENOTSUP"},
		{"pidfd_open", "EPERM", "ok"},
		{"pidfd_send_signal", "EPERM", "EBADF"},
		{"clone3", "ENOSYS", "EINVAL"},
		{"prlimit64-far", "EPERM", "ESRCH"},
		{"prlimit64-self", "ok", "ok"},
		{"sched_setaffinity-far", "EPERM", "ESRCH"},
		{"prctl-dumpable", "EPERM", "ok"},
		{"prctl-name", "ok", "ok"},
		{"kill-parent", "EPERM", "ok"},
		{"kill-self", "ok", "ok"},
		{"tgkill-self", "ok", "ok"},
		{"tgkill-far", "EPERM", "ESRCH"},
		{"socket-inet", "EPERM", "ok"},
		{"socket-inet6", "EPERM", "ok"},
		{"socket-netlink", "EPERM", "ok"},
		{"socket-unix", "ok", "ok"},
		{"socketpair-unix", "ok", "ok"},
		{"socketpair-inet", "EPERM", "ENOTSUP"},
	}
	results := func(o outcome) map[string]string {
		m := map[string]string{}
		for _, f := range strings.Fields(o.result) {
			k, v, _ := strings.Cut(f, "=")
			m[k] = v
		}
		return m
	}
	filtered := run(t, spec{probe: probe{Name: "syscalls", Enter: true, Apply: applySeccomp}})
	control := run(t, spec{probe: probe{Name: "syscalls"}})
	got, gotControl := results(filtered), results(control)
	for _, w := range want {
		if got[w.call] != w.filtered {
			t.Errorf("%s under seccomp = %q, want %q", w.call, got[w.call], w.filtered)
		}
		if gotControl[w.call] != w.control {
			t.Errorf("%s without seccomp = %q, want %q", w.call, gotControl[w.call], w.control)
		}
	}
	if len(got) != len(want) {
		t.Errorf("probe ran %d calls, the table has %d: %s", len(got), len(want), filtered.stderr)
	}
}

func TestExec(t *testing.T) {
	// The control execs /bin/true, which exits 0 without printing a result.
	control := run(t, spec{probe: probe{Name: "exec", Enter: true}, sandbox: true})
	if control.ran || !control.state.Success() {
		t.Errorf("control: result %q, exit %v, want /bin/true to run and exit 0; stderr:\n%s", control.result, control.state, control.stderr)
	}
	expect(t, run(t, spec{probe: probe{Name: "exec", Enter: true, Apply: applySeccomp}}), "EPERM")
	// Landlock alone stops it too: executing a file is file access.
	expect(t, run(t, spec{probe: probe{Name: "exec", Enter: true, Apply: applyLandlock}}), "EACCES")
}

func TestFork(t *testing.T) {
	expect(t, run(t, spec{probe: probe{Name: "fork"}}), "ok")
	expect(t, run(t, spec{probe: probe{Name: "fork", Enter: true, Apply: applySeccomp}}), "EPERM")
}

func TestLandlockDeniesFiles(t *testing.T) {
	expect(t, run(t, spec{probe: probe{Name: "open", Arg: "/etc/passwd"}}), "ok")
	// As uid 65534 in the namespaces the file is still readable...
	expect(t, run(t, spec{probe: probe{Name: "open", Arg: "/etc/passwd", Enter: true}, sandbox: true}), "ok")
	// ...until Landlock is on, even for root.
	expect(t, run(t, spec{probe: probe{Name: "open", Arg: "/etc/passwd", Enter: true, Apply: applyLandlock}}), "EACCES")
	expect(t, run(t, spec{probe: probe{Name: "open", Arg: "/proc/self/environ", Enter: true, Apply: applyLandlock}}), "EACCES")
	// Every thread is restricted, including those started before Enter.
	expect(t, run(t, spec{probe: probe{Name: "open-on-every-thread", Arg: "/etc/passwd"}}), "ok x8")
	expect(t, run(t, spec{probe: probe{Name: "open-on-every-thread", Arg: "/etc/passwd", Enter: true, Apply: applyLandlock}}), "EACCES x8")
	expect(t, run(t, spec{probe: probe{Name: "open-on-every-thread", Arg: "/etc/passwd", Enter: true, Apply: applyAll}, sandbox: true, limits: production}), "EACCES x8")
}

func TestNetwork(t *testing.T) {
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	connect := probe{Name: "connect", Arg: port, Enter: true}

	expect(t, run(t, spec{probe: connect}), "ok")
	// A new network namespace has only a loopback interface, and it is down.
	expect(t, run(t, spec{probe: connect, sandbox: true}), "ENETUNREACH")
	if abi := landlockLayer(); strings.HasPrefix(abi.Detail, "ABI 1:") || strings.HasPrefix(abi.Detail, "ABI 2:") || strings.HasPrefix(abi.Detail, "ABI 3:") {
		t.Log("Landlock ABI < 4 cannot restrict TCP")
	} else {
		connect.Apply = applyLandlock
		expect(t, run(t, spec{probe: connect}), "EACCES")
	}
	connect.Apply = applySeccomp
	expect(t, run(t, spec{probe: connect}), "socket EPERM")
}

func TestParentIsInvisible(t *testing.T) {
	needPidNamespace(t)
	expect(t, run(t, spec{probe: probe{Name: "getppid"}}), strconv.Itoa(os.Getpid()))
	expect(t, run(t, spec{probe: probe{Name: "getppid"}, sandbox: true}), "0")

	kill := probe{Name: "kill-parent", Enter: true}
	expect(t, run(t, spec{probe: kill}), "ok")
	expect(t, run(t, spec{probe: kill, sandbox: true}), "ESRCH") // not in its pid namespace
	kill.Apply = applySeccomp
	expect(t, run(t, spec{probe: kill}), "EPERM")
	kill.Apply = applyLandlock // signals are scoped from ABI 6
	expect(t, run(t, spec{probe: kill}), "EPERM")
}

func TestChildRunsUnprivileged(t *testing.T) {
	needRoot(t)
	status := func(want map[string]string) func(t testing.TB, pid int) {
		return func(t testing.TB, pid int) {
			b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(b), "\n") {
				k, v, _ := strings.Cut(line, ":")
				if w, ok := want[k]; ok && strings.Join(strings.Fields(v), " ") != w {
					t.Errorf("%s: %q, want %q", k, strings.TrimSpace(v), w)
				}
			}
		}
	}
	run(t, spec{probe: probe{Name: "nothing"}, started: status(map[string]string{
		"Uid": "0 0 0 0", "Gid": "0 0 0 0",
	})})
	run(t, spec{probe: probe{Name: "nothing"}, sandbox: true, started: status(map[string]string{
		"Uid": "65534 65534 65534 65534", "Gid": "65534 65534 65534 65534",
		"Groups": "", "CapEff": "0000000000000000",
	})})
}

func TestNamespacePid(t *testing.T) {
	needPidNamespace(t)
	run(t, spec{probe: probe{Name: "nothing"}, sandbox: true, started: func(t testing.TB, pid int) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("NSpid:\t%d\t1\n", pid); !strings.Contains(string(b), want) {
			t.Errorf("status lacks %q:\n%s", want, b)
		}
	}})
}

func TestEnvironment(t *testing.T) {
	secret := []string{"SANDBOX_SECRET=hunter2"}
	expect(t, run(t, spec{probe: probe{Name: "env"}, env: secret}), `1 "hunter2"`)
	// Prepare empties what the parent would pass...
	if os.Geteuid() == 0 {
		expect(t, run(t, spec{probe: probe{Name: "env"}, env: secret, sandbox: true}), `0 ""`)
	}
	// ...and Enter clears whatever the child still has.
	expect(t, run(t, spec{probe: probe{Name: "env", Enter: true}, env: secret}), `0 ""`)
}

func TestMemoryCgroup(t *testing.T) {
	lim := Limits{Memory: 128 << 20}
	if _, err := findMemoryParent(); err != nil {
		t.Skipf("no memory cgroup: %v", err)
	}
	small := run(t, spec{probe: probe{Name: "alloc", Arg: "32", Enter: true, Apply: applyAll}, sandbox: true, limits: lim})
	expect(t, small, "ok")
	if small.usage.MemoryLimitHit || small.usage.PeakMemory < 32<<20 || small.usage.PeakMemory > lim.Memory {
		t.Errorf("32 MiB: usage %+v, want the limit not hit and a peak between 32 and 128 MiB", small.usage)
	}
	if l := layer(small.layers, Memory); !l.Active || l.Detail != "cgroup" {
		t.Errorf("child's memory layer = %+v, want active by cgroup", l)
	}

	big := run(t, spec{probe: probe{Name: "alloc", Arg: "1024", Enter: true, Apply: applyAll}, sandbox: true, limits: lim})
	if big.ran || big.signal() != syscall.SIGKILL || !big.usage.MemoryLimitHit {
		t.Errorf("1 GiB: result %q, exit %v, usage %+v; want killed by the OOM killer and the limit hit", big.result, big.state, big.usage)
	}
	t.Logf("1 GiB under 128 MiB: %v, peak %d MiB", big.state, big.usage.PeakMemory>>20)
}

// TestCgroupOfAnEarlierPid: a cgroup of this process's name, left by an
// airlock process that had the same pid and died before it could remove it
// (or another's with this pid in another pid namespace), is left alone, and
// the child is still capped by a cgroup of its own at its own limit rather
// than by RLIMIT_AS, with a control within the limit.
func TestCgroupOfAnEarlierPid(t *testing.T) {
	p, err := findMemoryParent()
	if err != nil {
		t.Skipf("no memory cgroup: %v", err)
	}
	lim := Limits{Memory: 128 << 20}
	for _, c := range []struct {
		mib    string
		capped bool
	}{{"32", false}, {"1024", true}} {
		left := filepath.Join(p.dir, fmt.Sprintf("airlock-%d-%d", os.Getpid(), cgroupSeq.Load()+1))
		if err := os.Mkdir(left, 0o755); err != nil {
			t.Fatal(err)
		}
		o := run(t, spec{probe: probe{Name: "alloc", Arg: c.mib, Enter: true, Apply: applyAll}, sandbox: true, limits: lim})
		if l := layer(o.layers, Memory); !l.Active || l.Detail != "cgroup" {
			t.Errorf("%s MiB: memory layer %+v, want active by cgroup", c.mib, l)
		}
		if c.capped && (o.ran || !o.usage.MemoryLimitHit) {
			t.Errorf("%s MiB under 128 MiB: result %q, exit %v, usage %+v; want killed at the limit", c.mib, o.result, o.state, o.usage)
		}
		if !c.capped {
			expect(t, o, "ok")
		}
		if err := os.Remove(left); err != nil {
			t.Errorf("the cgroup left is gone or in use: %v", err)
		}
	}
}

func TestMemoryRlimitAS(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector reserves more address space than RLIMIT_AS allows")
	}
	lim := Limits{Memory: 128 << 20}
	asLimited := func(name, mib string) spec {
		return spec{probe: probe{Name: name, Arg: mib, Enter: true, Apply: applyAll},
			sandbox: true, noCgroup: true, limits: lim}
	}
	// RLIMIT_AS caps address space, not resident memory, so reserving is
	// enough to test it, and costs no page faults.
	for _, s := range []spec{asLimited("alloc", "32"), asLimited("reserve", "96")} {
		o := run(t, s)
		expect(t, o, "ok")
		if l := layer(o.layers, Memory); !l.Active || !strings.HasPrefix(l.Detail, MemoryRlimitAS) {
			t.Errorf("child's memory layer = %+v, want active by %s", l, MemoryRlimitAS)
		}
	}
	big := run(t, asLimited("reserve", "1024"))
	if big.ran || big.state.ExitCode() != 2 || !RuntimeOutOfMemory(big.stderr) {
		t.Errorf("1 GiB: result %q, exit %v, want the runtime's fatal out-of-memory error; stderr:\n%.300s", big.result, big.state, big.stderr)
	}
	// Without the layer the same reservation succeeds.
	expect(t, run(t, spec{probe: probe{Name: "reserve", Arg: "1024"}}), "ok")

	// RLIMIT_AS leaves headroom for the runtime's reservations, which a
	// program could fill; the parent's watch of resident memory stops it
	// there, and says the limit was hit.
	over := run(t, asLimited("alloc", "176"))
	if over.ran || !over.usage.MemoryLimitHit {
		t.Errorf("176 MiB under 128 MiB: result %q, exit %v, usage %+v; want killed by the watch and the limit hit", over.result, over.state, over.usage)
	}
}

func TestCPULimit(t *testing.T) {
	lim := Limits{CPU: time.Second}
	short := run(t, spec{probe: probe{Name: "spin", Arg: "200ms", Enter: true, Apply: applyRlimits}, limits: lim})
	expect(t, short, "ok")
	if short.usage.CPULimitHit {
		t.Errorf("200ms of work: usage %+v, want the CPU limit not hit", short.usage)
	}
	start := time.Now()
	spin := run(t, spec{probe: probe{Name: "spin", Enter: true, Apply: applyRlimits}, limits: lim})
	if spin.ran || spin.signal() != syscall.SIGKILL || !spin.usage.CPULimitHit || spin.usage.CPU < 500*time.Millisecond {
		t.Errorf("endless loop: result %q, exit %v, usage %+v; want SIGKILL after about 1s of CPU", spin.result, spin.state, spin.usage)
	}
	t.Logf("endless loop killed after %v wall, %v CPU", time.Since(start).Round(time.Millisecond), spin.usage.CPU)
}

func TestKill(t *testing.T) {
	o := run(t, spec{
		probe:   probe{Name: "hang", Enter: true, Apply: applyAll},
		sandbox: true, limits: Limits{Memory: 128 << 20},
		ready: func(t testing.TB, g *Guard, pid int) { g.Kill() },
	})
	if o.signal() != syscall.SIGKILL || !o.usage.Killed || o.usage.MemoryLimitHit || o.usage.CPULimitHit {
		t.Errorf("exit %v, usage %+v; want SIGKILL from Kill", o.state, o.usage)
	}
}

func TestKillReachesGrandchildren(t *testing.T) {
	// Without namespaces only the process group holds the grandchild.
	noNamespaces := func(a *syscall.SysProcAttr) {
		a.Cloneflags, a.UidMappings, a.GidMappings, a.Credential = 0, nil, nil, nil
	}
	for _, tc := range []struct {
		name   string
		adjust func(*syscall.SysProcAttr)
	}{
		{"pid namespace", nil},
		{"process group", noNamespaces},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.adjust == nil {
				needPidNamespace(t)
			}
			var grandchild int
			o := run(t, spec{
				probe:   probe{Name: "grandchild", Enter: true, Apply: applyRlimits},
				sandbox: true, adjust: tc.adjust,
				ready: func(t testing.TB, g *Guard, pid int) {
					// Children are listed per thread; any thread may have forked.
					tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
					for _, task := range tasks {
						if b, err := os.ReadFile(task); err == nil && len(bytes.TrimSpace(b)) > 0 {
							grandchild, _ = strconv.Atoi(strings.TrimSpace(string(b)))
						}
					}
					if comm, _ := os.ReadFile(fmt.Sprintf("/proc/%d/comm", grandchild)); string(comm) != "sleep\n" {
						t.Errorf("grandchild %d is %q, want sleep", grandchild, comm)
					}
					g.Kill()
				},
			})
			if o.signal() != syscall.SIGKILL {
				t.Errorf("child exit %v, want SIGKILL", o.state)
			}
			if grandchild == 0 {
				t.Fatal("no grandchild found")
			}
			if !gone(grandchild, 5*time.Second) {
				t.Errorf("grandchild %d survived Kill", grandchild)
			}
		})
	}
}

// layer returns the named layer from layers.
func layer(layers []Layer, name string) Layer {
	for _, l := range layers {
		if l.Name == name {
			return l
		}
	}
	return Layer{Name: name, Detail: "unknown layer"}
}

// gone waits for pid to exit, dead or a zombie.
func gone(pid int, within time.Duration) bool {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			return true
		}
		// pid (comm) state ...
		if i := bytes.LastIndexByte(b, ')'); i > 0 && len(b) > i+2 && b[i+2] == 'Z' {
			return true
		}
	}
	return false
}

func TestParentDeathKillsChild(t *testing.T) {
	parent := exec.Command("/proc/self/exe", parentArg)
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(30*time.Second, func() { parent.Process.Kill() })
	line, err := bufio.NewReader(out).ReadString('\n')
	timer.Stop()
	if err != nil {
		parent.Process.Kill()
		t.Fatalf("reading the child's pid: %v", err)
	}
	child, _ := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(line), "child "))
	if child == 0 || gone(child, 0) {
		t.Fatalf("parent said %q", line)
	}
	parent.Process.Kill()
	parent.Wait()
	if !gone(child, 5*time.Second) {
		syscall.Kill(child, syscall.SIGKILL)
		t.Errorf("child %d outlived its parent", child)
	}
}

func TestOpenFilesLimit(t *testing.T) {
	expect(t, run(t, spec{probe: probe{Name: "pipes", Arg: "100", Enter: true}}), "ok")
	o := run(t, spec{probe: probe{Name: "pipes", Arg: "100", Enter: true, Apply: applyRlimits}, limits: Limits{OpenFiles: 32}})
	// Go's own descriptors (stdio, epoll, its wake-up pipe) count too.
	if m := regexp.MustCompile(`^EMFILE after (\d+)$`).FindStringSubmatch(o.result); m == nil {
		t.Errorf("result %q, want EMFILE after fewer than 16 pipes", o.result)
	} else if n, _ := strconv.Atoi(m[1]); n >= 16 || n < 8 {
		t.Errorf("opened %d pipes under a limit of 32 descriptors", n)
	}
}

func TestFileSizeLimit(t *testing.T) {
	dir := t.TempDir()
	write := probe{Name: "write-file", Enter: true, Apply: applyRlimits}
	write.Arg = filepath.Join(dir, "allowed")
	expect(t, run(t, spec{probe: write, limits: Limits{FileSize: -1}}), "ok")
	write.Arg = filepath.Join(dir, "denied")
	expect(t, run(t, spec{probe: write, limits: Limits{FileSize: 0}}), "EFBIG")
}

func TestThreadLimit(t *testing.T) {
	threads := probe{Name: "threads", Arg: "40", Enter: true, Apply: applyRlimits}
	expect(t, run(t, spec{probe: threads}), "ok")
	o := run(t, spec{probe: threads, limits: Limits{Threads: 20}})
	if o.ran || o.state.ExitCode() != 2 || !strings.Contains(o.stderr, "thread exhaustion") {
		t.Errorf("result %q, exit %v, want a thread-exhaustion crash; stderr:\n%.300s", o.result, o.state, o.stderr)
	}
}

// production is what airlock gives a program by default.
var production = Limits{Memory: 256 << 20, CPU: 10 * time.Second, OpenFiles: 64, Threads: 64}

func TestGoRuntimeWorksInside(t *testing.T) {
	o := run(t, spec{probe: probe{Name: "runtime", Enter: true, Apply: applyAll}, sandbox: true, limits: production})
	expect(t, o, "ok")
	// New threads start under every layer.
	o = run(t, spec{probe: probe{Name: "threads", Arg: "20", Enter: true, Apply: applyAll}, sandbox: true, limits: production})
	expect(t, o, "ok")
	o = run(t, spec{probe: probe{Name: "rpc", Enter: true, Apply: applyAll}, sandbox: true, limits: production, rpc: true})
	expect(t, o, "pong")
}

func TestEveryLayerActive(t *testing.T) {
	o := run(t, spec{probe: probe{Name: "nothing", Enter: true, Apply: applyAll}, sandbox: true, limits: production})
	expect(t, o, "ok")
	g, err := Prepare(exec.Command("/proc/self/exe"), production)
	if err != nil {
		t.Fatal(err)
	}
	parent := g.Layers()
	g.Finish()
	doctor := Doctor()
	for _, view := range []struct {
		name   string
		layers []Layer
	}{{"child", o.layers}, {"parent", parent}, {"doctor", doctor}} {
		var names []string
		for _, l := range view.layers {
			names = append(names, l.Name)
			t.Logf("%s: %-10s %-5v %s", view.name, l.Name, l.Active, l.Detail)
		}
		if got := strings.Join(names, " "); got != "namespaces landlock seccomp rlimits memory env" {
			t.Errorf("%s layers: %s", view.name, got)
		}
		m := Missing(view.layers)
		if !pidNamespaceWorks() && len(m) == 1 && strings.HasPrefix(m[0], Namespaces+": ") {
			continue // a cgo build before Landlock ABI 8 has no pid namespace
		}
		if len(m) > 0 {
			t.Errorf("%s: missing %v", view.name, m)
		}
	}
}

// TestCgoLandlockRefusesPidNamespace pins the guard that keeps a cgo build
// from hanging in libpsx when something else gives the child a pid
// namespace.
func TestCgoLandlockRefusesPidNamespace(t *testing.T) {
	if pidNamespaceWorks() {
		t.Skip("only a cgo build before Landlock ABI 8 has the problem")
	}
	o := run(t, spec{probe: probe{Name: "nothing", Enter: true, Apply: applyLandlock}, sandbox: true,
		adjust: func(a *syscall.SysProcAttr) { a.Cloneflags |= syscall.CLONE_NEWPID }})
	if want := "enter: cannot apply Landlock from a cgo build inside a pid namespace"; !strings.HasPrefix(o.result, want) {
		t.Errorf("result %q, want %q", o.result, want)
	}
}

func TestPrepareUsesProcSelfExe(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(self, childArg)
	g, err := Prepare(cmd, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Finish()
	if cmd.Path != "/proc/self/exe" {
		t.Errorf("cmd.Path = %q, want /proc/self/exe", cmd.Path)
	}
}

func TestCgroupDirs(t *testing.T) {
	v1own := "12:pids:/\n4:memory:/process_api/abc\n0::/\n"
	v1mounts := strings.Join([]string{
		"30 25 0:27 / /sys/fs/cgroup/memory rw,relatime shared:9 - cgroup cgroup rw,memory",
		"31 25 0:28 / /sys/fs/cgroup/unified rw,relatime shared:10 - cgroup2 cgroup2 rw",
	}, "\n")
	v1, v2 := cgroupDirs(v1own, v1mounts)
	if v1 != "/sys/fs/cgroup/memory/process_api/abc" || v2.dir != "/sys/fs/cgroup/unified" || v2.mount != "/sys/fs/cgroup/unified" {
		t.Errorf("hybrid: v1 %q, v2 %+v", v1, v2)
	}

	// A cgroup namespace mounts its own root; a space is escaped.
	v2own := "0::/user.slice/my\\040app.scope\n"
	v2mounts := "29 23 0:26 /user.slice /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate"
	v1, v2 = cgroupDirs(strings.ReplaceAll(v2own, `\040`, " "), v2mounts)
	if v1 != "" || v2.dir != "/sys/fs/cgroup/my app.scope" || v2.mount != "/sys/fs/cgroup" {
		t.Errorf("cgroup2 only: v1 %q, v2 %+v", v1, v2)
	}
	if got := unescapeMount(`/mnt/a\040b\\`); got != `/mnt/a b\\` {
		t.Errorf("unescapeMount = %q", got)
	}
}

// TestStartCost logs what the sandbox adds to a child that does nothing,
// as medians, which a busy machine disturbs less than means; the numbers
// are for reading, not asserting.
func TestStartCost(t *testing.T) {
	const n = 21
	median := func(ds []time.Duration) time.Duration {
		slices.Sort(ds)
		return ds[len(ds)/2].Round(10 * time.Microsecond)
	}
	measure := func(name string, s spec) {
		var total, prepare, start, enter, finish []time.Duration
		for i := 0; i < n; i++ {
			t0 := time.Now()
			o := run(t, s)
			total = append(total, time.Since(t0))
			prepare, start = append(prepare, o.prepare), append(start, o.start)
			enter, finish = append(enter, o.enter), append(finish, o.finish)
			expect(t, o, "ok")
		}
		t.Logf("%-9s median of %d: total %v; Prepare %v, Start+Started %v, Enter (in the child) %v, Finish %v",
			name, n, median(total), median(prepare), median(start), median(enter), median(finish))
	}
	measure("plain", spec{probe: probe{Name: "nothing"}})
	measure("sandboxed", spec{probe: probe{Name: "nothing", Enter: true, Apply: applyAll}, sandbox: true, limits: production})
	measure("no cgroup", spec{probe: probe{Name: "nothing", Enter: true, Apply: applyAll}, sandbox: true, noCgroup: true, limits: production})
}

func BenchmarkStart(b *testing.B) {
	for _, bc := range []struct {
		name string
		s    spec
	}{
		{"plain", spec{probe: probe{Name: "nothing"}}},
		{"sandboxed", spec{probe: probe{Name: "nothing", Enter: true, Apply: applyAll}, sandbox: true, limits: production}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if o := run(b, bc.s); o.result != "ok" {
					b.Fatalf("result %q: %s", o.result, o.stderr)
				}
			}
		})
	}
}

// BenchmarkSeccompAssemble measures building the filter, which Enter does
// in every child.
func BenchmarkSeccompAssemble(b *testing.B) {
	for b.Loop() {
		p, err := seccompPolicy(1, false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := p.Assemble(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestStartNote: on cgroup v1, doctor says the move into the memory cgroup
// waits for a grace period unless a cgroup hierarchy is mounted with
// favordynmods, whichever hierarchy it is.
func TestStartNote(t *testing.T) {
	hybrid := "cgroup /sys/fs/cgroup/memory cgroup rw,nosuid,nodev,noexec,relatime,memory 0 0\n" +
		"cgroup2 /sys/fs/cgroup/unified cgroup2 rw,nosuid,nodev,noexec,relatime 0 0\n"
	if got := startNote(hybrid); !strings.Contains(got, "waits for an RCU grace period") {
		t.Errorf("without favordynmods: %q", got)
	}
	for _, extra := range []string{
		"cgroup /mnt/fast cgroup rw,relatime,favordynmods,name=airlock 0 0\n",
		"cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime,nsdelegate,favordynmods 0 0\n",
	} {
		if got := startNote(hybrid + extra); !strings.Contains(got, "does not wait") {
			t.Errorf("with %q: %q", extra, got)
		}
	}
	if got := startNote(hybrid + "tmpfs /favordynmods tmpfs rw,favordynmods 0 0\n"); !strings.Contains(got, "waits") {
		t.Errorf("a tmpfs option taken for a cgroup one: %q", got)
	}
}

// TestDescendantsAnon: the watch of a script's child finds the processes
// below it, grandchildren included, and counts their memory.
func TestDescendantsAnon(t *testing.T) {
	cmd := exec.Command("/bin/sh", "-c", "sleep 30 & (sleep 30 & wait) & wait")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); cmd.Wait() }()
	var found int
	for range 100 {
		time.Sleep(10 * time.Millisecond)
		pids, _ := procstat.Descendants(cmd.Process.Pid)
		if found = len(pids); found >= 3 {
			break
		}
	}
	if found < 3 {
		t.Fatalf("the shell started %d processes, want 3", found)
	}
	if kids := childrenOf(cmd.Process.Pid); len(kids) != 2 {
		t.Errorf("children of the shell: %v, want 2", kids)
	}
	if anon := descendantsAnon(cmd.Process.Pid); anon <= 0 {
		t.Errorf("the processes below hold %d anonymous pages", anon)
	}
}
