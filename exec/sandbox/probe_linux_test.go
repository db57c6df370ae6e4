package sandbox

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// childArg turns the test binary into a sandboxed child running one probe.
const childArg = "-sandbox-child-test"

// parentArg turns the test binary into a parent that starts a sandboxed
// child, prints its pid and waits to be killed.
const parentArg = "-sandbox-parent-test"

// probe is the job a test sends the child: which layers to enter and what
// to try afterwards.
type probe struct {
	Name           string   `json:"name"`
	Arg            string   `json:"arg,omitempty"`
	Enter          bool     `json:"enter"` // call enter at all
	Apply          layerSet `json:"apply"` // the layers enter applies
	Limits         Limits   `json:"limits"`
	MemoryByCgroup bool     `json:"memory_by_cgroup"`
	ParentPID      int      `json:"parent_pid"`
}

// childMain is the child side: read the job, enter the sandbox, run the
// probe, print "layers <json>", "enter <µs>" and "result <text>" lines.
func childMain() int {
	var p probe
	if err := json.NewDecoder(os.Stdin).Decode(&p); err != nil {
		fmt.Println("result job:", err)
		return 3
	}
	var threads *lockedThreads
	if p.Name == "open-on-every-thread" {
		threads = lockThreads(8) // threads that exist before enter
	}
	if p.Enter {
		start := time.Now()
		layers, err := enter(p.Limits, p.MemoryByCgroup, p.Apply)
		took := time.Since(start)
		b, _ := json.Marshal(layers)
		fmt.Printf("layers %s\nenter %d\n", b, took.Microseconds())
		if err != nil {
			fmt.Println("result enter:", err)
			return 3
		}
	}
	if threads != nil {
		fmt.Println("result", threads.open(p.Arg))
		return 0
	}
	fmt.Println("result", runProbe(p))
	return 0
}

// lockedThreads are goroutines each locked to its own OS thread, waiting
// for a file to open.
type lockedThreads struct {
	n       int
	paths   chan string
	results chan string
}

func lockThreads(n int) *lockedThreads {
	lt := &lockedThreads{n: n, paths: make(chan string), results: make(chan string)}
	var ready sync.WaitGroup
	for i := 0; i < n; i++ {
		ready.Add(1)
		go func() {
			runtime.LockOSThread()
			ready.Done()
			path := <-lt.paths
			f, err := os.Open(path)
			if err == nil {
				f.Close()
			}
			lt.results <- errnoName(err)
		}()
	}
	ready.Wait()
	return lt
}

// open has every locked thread open path and returns the results, with
// how many threads got each ("EACCES x8").
func (lt *lockedThreads) open(path string) string {
	for i := 0; i < lt.n; i++ {
		lt.paths <- path
	}
	seen := map[string]int{}
	for i := 0; i < lt.n; i++ {
		seen[<-lt.results]++
	}
	var out []string
	for r, count := range seen {
		out = append(out, fmt.Sprintf("%s x%d", r, count))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// parentMain starts a sandboxed child that hangs, prints its pid and then
// blocks until it is killed.
func parentMain() int {
	cmd := exec.Command("/proc/self/exe", childArg)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	g, err := Prepare(cmd, Limits{})
	if err != nil {
		fmt.Println("error", err)
		return 1
	}
	if err := cmd.Start(); err != nil {
		fmt.Println("error", err)
		return 1
	}
	g.Started(cmd.Process.Pid)
	json.NewEncoder(stdin).Encode(probe{Name: "hang", Enter: true, Apply: applyAll})
	stdin.Close()
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if sc.Text() == "result ready" {
			fmt.Println("child", cmd.Process.Pid)
			break
		}
	}
	hang()
	return 0
}

// spinSink keeps the busy loops from being optimised away, reserved an
// allocation.
var (
	spinSink int
	reserved []byte
)

func runProbe(p probe) string {
	switch p.Name {
	case "nothing":
		return "ok"
	case "exec":
		// On success the process becomes /bin/true and prints nothing.
		return errnoName(syscall.Exec("/bin/true", []string{"true"}, nil))
	case "fork":
		pid, err := syscall.ForkExec("/bin/true", []string{"true"}, &syscall.ProcAttr{})
		if err != nil {
			return errnoName(err)
		}
		var ws syscall.WaitStatus
		syscall.Wait4(pid, &ws, 0, nil)
		return "ok"
	case "open":
		f, err := os.Open(p.Arg)
		if err != nil {
			return errnoName(err)
		}
		f.Close()
		return "ok"
	case "write-file":
		return errnoName(os.WriteFile(p.Arg, make([]byte, 100), 0o644))
	case "connect":
		fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
		if err != nil {
			return "socket " + errnoName(err)
		}
		defer syscall.Close(fd)
		port, _ := strconv.Atoi(p.Arg)
		return errnoName(syscall.Connect(fd, &syscall.SockaddrInet4{Port: port, Addr: [4]byte{127, 0, 0, 1}}))
	case "kill-parent":
		return errnoName(syscall.Kill(p.ParentPID, 0))
	case "getppid":
		return strconv.Itoa(os.Getppid())
	case "env":
		return fmt.Sprintf("%d %q", len(os.Environ()), os.Getenv("SANDBOX_SECRET"))
	case "alloc":
		mib, _ := strconv.Atoi(p.Arg)
		b := make([]byte, mib<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		runtime.KeepAlive(b)
		return "ok"
	case "reserve":
		mib, _ := strconv.Atoi(p.Arg)
		reserved = make([]byte, mib<<20) // fresh pages, never touched
		return "ok"
	case "spin":
		d, _ := time.ParseDuration(p.Arg)
		for start := time.Now(); d == 0 || time.Since(start) < d; {
			for i := 0; i < 1e6; i++ {
				spinSink++
			}
		}
		return "ok"
	case "hang":
		fmt.Println("result ready")
		hang()
	case "grandchild":
		sleep := exec.Command("/bin/sleep", "1000")
		if err := sleep.Start(); err != nil {
			return "start " + errnoName(err)
		}
		fmt.Println("result ready")
		hang()
	case "pipes":
		n, _ := strconv.Atoi(p.Arg)
		for i := 0; i < n; i++ {
			var fds [2]int
			if err := syscall.Pipe(fds[:]); err != nil {
				return fmt.Sprintf("%s after %d", errnoName(err), i)
			}
		}
		return "ok"
	case "threads":
		n, _ := strconv.Atoi(p.Arg)
		var wg sync.WaitGroup
		release := make(chan struct{})
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func() {
				runtime.LockOSThread() // each goroutine now holds its own thread
				wg.Done()
				<-release
			}()
		}
		wg.Wait()
		close(release)
		return "ok"
	case "runtime":
		return goRuntimeWorks()
	case "rpc":
		req, resp := os.NewFile(3, "requests"), os.NewFile(4, "responses")
		if _, err := req.Write([]byte("ping\n")); err != nil {
			return "write " + errnoName(err)
		}
		line, err := bufio.NewReader(resp).ReadString('\n')
		if err != nil {
			return "read " + errnoName(err)
		}
		return strings.TrimSpace(line)
	case "syscalls":
		var out []string
		for _, c := range rawCalls(p.ParentPID) {
			out = append(out, c.name+"="+errnoName(c.call()))
		}
		return strings.Join(out, " ")
	}
	return "unknown probe " + p.Name
}

// hang waits until the process is killed. A bare select{} would not: the
// runtime ends a program whose goroutines are all blocked.
func hang() {
	for {
		time.Sleep(time.Hour)
	}
}

// goRuntimeWorks exercises what the interpreter relies on: goroutines,
// channels, timers, sleeping, garbage collection and asynchronous
// preemption of a goroutine that never yields.
func goRuntimeWorks() string {
	runtime.GOMAXPROCS(1)
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			for i := 0; i < 1e9; i++ { // no calls: only a signal preempts it
				spinSink++
			}
		}
	}()
	// With one P, main runs again only if the loop above is preempted.
	time.Sleep(10 * time.Millisecond)
	fired := make(chan bool, 1)
	time.AfterFunc(5*time.Millisecond, func() { fired <- true })
	select {
	case <-fired:
	case <-time.After(5 * time.Second):
		return "timer did not fire"
	}
	var wg sync.WaitGroup
	results := make(chan int, 100)
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- len(make([]byte, 1<<16))
		}()
	}
	wg.Wait()
	close(results)
	total := 0
	for n := range results {
		total += n
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	runtime.GC() // stops the world, so the spinning goroutine must be preempted
	runtime.ReadMemStats(&after)
	close(stop)
	if total != 100<<16 || after.NumGC <= before.NumGC {
		return fmt.Sprintf("goroutines %d, gc %d->%d", total, before.NumGC, after.NumGC)
	}
	return "ok"
}

// rawCall is one system call the seccomp filter must deny or allow.
type rawCall struct {
	name string
	call func() error
}

func errnoOf(_, _ uintptr, e syscall.Errno) error {
	if e != 0 {
		return e
	}
	return nil
}

// rawCalls are harmless forms of the calls the filter handles: arguments
// that make them fail early or do nothing when they are allowed.
func rawCalls(parent int) []rawCall {
	missing := []byte("/nonexistent-airlock\x00")
	path := uintptr(unsafe.Pointer(&missing[0]))
	self := uintptr(os.Getpid())
	const far = 0x7ffffff0 // a pid that does not exist
	return []rawCall{
		{"ptrace", func() error {
			return errnoOf(syscall.RawSyscall6(unix.SYS_PTRACE, unix.PTRACE_PEEKUSR, far, 0, 0, 0, 0))
		}},
		{"process_vm_readv", func() error {
			return errnoOf(syscall.RawSyscall6(unix.SYS_PROCESS_VM_READV, far, 0, 0, 0, 0, 0))
		}},
		{"mount", func() error { return errnoOf(syscall.RawSyscall6(unix.SYS_MOUNT, path, path, path, 0, 0, 0)) }},
		{"umount2", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_UMOUNT2, path, 0, 0)) }},
		{"chroot", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_CHROOT, path, 0, 0)) }},
		{"unshare", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_UNSHARE, 0, 0, 0)) }},
		{"setns", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_SETNS, ^uintptr(0), 0, 0)) }},
		{"bpf", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_BPF, unix.BPF_PROG_LOAD, 0, 0)) }},
		{"perf_event_open", func() error {
			return errnoOf(syscall.RawSyscall6(unix.SYS_PERF_EVENT_OPEN, 0, 0, ^uintptr(0), ^uintptr(0), 0, 0))
		}},
		{"reboot", func() error { return errnoOf(syscall.RawSyscall6(unix.SYS_REBOOT, 1, 2, 3, 0, 0, 0)) }},
		{"personality", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_PERSONALITY, 0xffffffff, 0, 0)) }},
		{"io_uring_setup", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_IO_URING_SETUP, 0, 0, 0)) }},
		{"keyctl", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_KEYCTL, 0xffff, 0, 0)) }},
		{"pidfd_open", func() error {
			fd, _, e := syscall.RawSyscall(unix.SYS_PIDFD_OPEN, self, 0, 0)
			if e == 0 {
				syscall.Close(int(fd))
			}
			return errnoOf(0, 0, e)
		}},
		{"pidfd_send_signal", func() error {
			return errnoOf(syscall.RawSyscall6(unix.SYS_PIDFD_SEND_SIGNAL, ^uintptr(0), 0, 0, 0, 0, 0))
		}},
		{"clone3", func() error { return errnoOf(syscall.RawSyscall(unix.SYS_CLONE3, 0, 0, 0)) }},
		{"prlimit64-far", func() error {
			var old unix.Rlimit
			return unix.Prlimit(far, unix.RLIMIT_NOFILE, nil, &old)
		}},
		{"prlimit64-self", func() error {
			var old unix.Rlimit
			return unix.Prlimit(0, unix.RLIMIT_NOFILE, nil, &old)
		}},
		{"sched_setaffinity-far", func() error {
			var set unix.CPUSet
			set.Set(0)
			return unix.SchedSetaffinity(far, &set)
		}},
		{"prctl-dumpable", func() error { return unix.Prctl(unix.PR_SET_DUMPABLE, 1, 0, 0, 0) }},
		{"prctl-name", func() error {
			name := []byte("probe\x00")
			return unix.Prctl(unix.PR_SET_NAME, uintptr(unsafe.Pointer(&name[0])), 0, 0, 0)
		}},
		{"kill-parent", func() error { return syscall.Kill(parent, 0) }},
		{"kill-self", func() error { return syscall.Kill(int(self), 0) }},
		{"tgkill-self", func() error { return syscall.Tgkill(int(self), syscall.Gettid(), 0) }},
		{"tgkill-far", func() error { return syscall.Tgkill(far, far, 0) }},
		{"socket-inet", socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)},
		{"socket-inet6", socket(syscall.AF_INET6, syscall.SOCK_DGRAM, 0)},
		{"socket-netlink", socket(syscall.AF_NETLINK, syscall.SOCK_RAW, syscall.NETLINK_ROUTE)},
		{"socket-unix", socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)},
		{"socketpair-unix", func() error {
			fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
			if err == nil {
				syscall.Close(fds[0])
				syscall.Close(fds[1])
			}
			return err
		}},
		{"socketpair-inet", func() error {
			_, err := syscall.Socketpair(syscall.AF_INET, syscall.SOCK_STREAM, 0)
			return err
		}},
	}
}

// socket returns a call that creates a socket and closes it again.
func socket(domain, typ, proto int) func() error {
	return func() error {
		fd, err := syscall.Socket(domain, typ, proto)
		if err == nil {
			syscall.Close(fd)
		}
		return err
	}
}

// errnoName names an error by its errno ("EPERM"), or "ok" for nil.
func errnoName(err error) string {
	if err == nil {
		return "ok"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return unix.ErrnoName(errno)
	}
	return err.Error()
}
