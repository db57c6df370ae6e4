package sandbox

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/landlock-lsm/go-landlock/landlock"
	ll "github.com/landlock-lsm/go-landlock/landlock/syscall"
	"golang.org/x/sys/unix"
)

// addressHeadroom is the address space RLIMIT_AS allows beyond the child's
// starting size and its memory limit: the Go runtime reserves heap address
// space in 64 MiB arenas and maps thread stacks and GC metadata besides.
const addressHeadroom = 128 << 20

// Enter confines the calling process, the child, and reports every layer.
// Call it before reading anything untrusted; it cannot be undone. The
// environment is emptied; rlimits, the memory limit, Landlock and seccomp
// apply to every thread. memoryByCgroup is [Guard.MemoryByCgroup] from the
// parent: without a cgroup, RLIMIT_AS caps memory instead.
//
// A layer this machine lacks is reported missing, not as an error; the error
// is for a layer the machine supports that could not be applied. Afterwards
// the process opens no file, starts no process and creates no socket other
// than AF_UNIX; Go itself keeps working, goroutines, GC, timers and
// preemption included.
func Enter(lim Limits, memoryByCgroup bool) ([]Layer, error) {
	return enter(lim, memoryByCgroup, applyAll)
}

// layerSet selects the layers enter applies, so tests can show what each
// one stops on its own.
type layerSet uint8

const (
	applyRlimits layerSet = 1 << iota
	applyMemory
	applyLandlock
	applySeccomp
	applyAll = applyRlimits | applyMemory | applyLandlock | applySeccomp
)

func enter(lim Limits, memoryByCgroup bool, apply layerSet) ([]Layer, error) {
	os.Clearenv()
	// Read /proc while Landlock still allows it.
	ns := detectNamespaces()
	vmSize := readVMSize()

	off := func(name string) Layer { return Layer{Name: name, Detail: "not applied"} }
	lock, filter, rl, mem := off(Landlock), off(Seccomp), off(Rlimits), off(Memory)
	var errs []error
	// Not dumpable: no other process of the same uid may ptrace the child
	// or read its /proc files. Seccomp keeps it so.
	if err := unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0); err != nil {
		errs = append(errs, fmt.Errorf("clearing dumpable: %w", err))
	}
	// Landlock and seccomp first: both need file descriptors, which a low
	// RLIMIT_NOFILE could refuse them.
	if apply&applyLandlock != 0 {
		var err error
		if lock, err = restrictFiles(lim); err != nil {
			errs = append(errs, err)
		}
	}
	if apply&applySeccomp != 0 {
		if filter = seccompLayer(); filter.Active {
			if lim.Exec {
				filter.Detail = "fork and execve allowed; non-AF_UNIX sockets, ptrace, mount, namespaces and kernel interfaces denied"
			}
			if err := loadSeccomp(os.Getpid(), lim.Exec); err != nil {
				filter = Layer{Name: Seccomp, Detail: err.Error()}
				errs = append(errs, err)
			}
		}
	}
	if apply&applyRlimits != 0 {
		var err error
		if rl, err = setRlimits(lim); err != nil {
			errs = append(errs, err)
		}
	}
	if apply&applyMemory != 0 {
		var err error
		if mem, err = limitMemory(lim.Memory, memoryByCgroup, vmSize); err != nil {
			errs = append(errs, err)
		}
	}
	env := Layer{Name: Env, Active: true, Detail: "empty"}
	return []Layer{ns, lock, filter, rl, mem, env}, errors.Join(errs...)
}

// restrictFiles applies Landlock: no file access (with lim.Exec, read and
// execute under lim.ReadDirs and full access under lim.WriteDirs, plus
// /dev/null), no TCP or UDP, no signals or abstract sockets beyond the
// process.
func restrictFiles(lim Limits) (Layer, error) {
	l := landlockLayer()
	if !l.Active {
		return l, nil
	}
	// A cgo build reaches every thread through libpsx, which lists them in
	// /proc/<getpid()>/task: in a pid namespace of its own, with the
	// host's /proc, that is another process, and psx never finishes.
	if self, _ := os.Readlink("/proc/self"); !pidNamespaceWorks() && self != strconv.Itoa(os.Getpid()) {
		err := errors.New("cannot apply Landlock from a cgo build inside a pid namespace; build with CGO_ENABLED=0")
		return Layer{Name: Landlock, Detail: err.Error()}, err
	}
	var rules []landlock.Rule
	if lim.Exec {
		const read = ll.AccessFSReadFile | ll.AccessFSReadDir
		const write = read | ll.AccessFSWriteFile | ll.AccessFSTruncate | ll.AccessFSRemoveDir | ll.AccessFSRemoveFile |
			ll.AccessFSMakeDir | ll.AccessFSMakeReg | ll.AccessFSMakeSym
		// Landlock grants directory rights on directories only: single
		// files (the loader's cache) get the file rights.
		var execDirs, execFiles []string
		for _, p := range lim.ExecDirs {
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				execFiles = append(execFiles, p)
			} else {
				execDirs = append(execDirs, p)
			}
		}
		rules = append(rules,
			landlock.RODirs(execDirs...).IgnoreIfMissing(),
			landlock.ROFiles(execFiles...).IgnoreIfMissing(),
			landlock.PathAccess(read, lim.ReadDirs...).IgnoreIfMissing(),
			landlock.PathAccess(write, lim.WriteDirs...).IgnoreIfMissing(),
			landlock.RWFiles("/dev/null").IgnoreIfMissing())
		l.Detail += "; programs from " + strings.Join(lim.ExecDirs, " ")
		if len(lim.ReadDirs) > 0 {
			l.Detail += "; read: " + strings.Join(lim.ReadDirs, " ")
		}
		if len(lim.WriteDirs) > 0 {
			l.Detail += "; write: " + strings.Join(lim.WriteDirs, " ")
		}
	}
	if err := landlock.V11.BestEffort().Restrict(rules...); err != nil {
		return Layer{Name: Landlock, Detail: err.Error()}, fmt.Errorf("applying landlock: %w", err)
	}
	return l, nil
}

// detectNamespaces reports which namespaces the process is in: a user
// namespace maps a single outside id, a new pid namespace makes it pid 1, a
// new network namespace has only the loopback interface.
func detectNamespaces() Layer {
	var have, lack []string
	if outside, ok := outsideUID(); ok {
		have = append(have, "user (uid "+outside+" outside)")
	} else {
		lack = append(lack, "user")
	}
	if os.Getpid() == 1 {
		have = append(have, "pid")
	} else {
		lack = append(lack, "pid")
	}
	if loopbackOnly() {
		have = append(have, "net (loopback only)")
	} else {
		lack = append(lack, "net")
	}
	if len(lack) > 0 {
		return Layer{Name: Namespaces, Detail: "not in a new " + strings.Join(lack, ", ") + " namespace"}
	}
	return Layer{Name: Namespaces, Active: true, Detail: strings.Join(have, ", ")}
}

// outsideUID returns the outside uid of a user namespace that maps a
// single id, as the parent sets up.
func outsideUID() (string, bool) {
	b, err := os.ReadFile("/proc/self/uid_map")
	if err != nil {
		return "", false
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	f := strings.Fields(lines[0])
	if len(lines) != 1 || len(f) != 3 || f[2] != "1" {
		return "", false
	}
	return f[1], true
}

func loopbackOnly() bool {
	b, err := os.ReadFile("/proc/self/net/dev")
	if err != nil {
		return false
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 2 {
		return false
	}
	for _, line := range lines[2:] { // two header lines
		name, _, _ := strings.Cut(strings.TrimSpace(line), ":")
		if name != "lo" {
			return false
		}
	}
	return true
}

// readVMSize returns the process's address-space size in bytes, or 0.
func readVMSize() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmSize:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// cpuLimitSeconds is RLIMIT_CPU for d: whole seconds, rounded up.
func cpuLimitSeconds(d time.Duration) uint64 {
	if d <= 0 {
		return 0
	}
	return uint64((d + time.Second - 1) / time.Second)
}

func setRlimits(lim Limits) (Layer, error) {
	var set []string
	limit := func(name string, resource int, n uint64) error {
		var cur syscall.Rlimit
		if err := syscall.Getrlimit(resource, &cur); err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		n = min(n, cur.Max)
		// Soft and hard alike: Go ignores SIGXCPU and SIGXFSZ, so only
		// the hard limit stops anything.
		if err := syscall.Setrlimit(resource, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
			return fmt.Errorf("setting %s to %d: %w", name, n, err)
		}
		set = append(set, fmt.Sprintf("%s %d", name, n))
		return nil
	}
	var errs []error
	errs = append(errs, limit("core", syscall.RLIMIT_CORE, 0))
	if lim.OpenFiles > 0 {
		errs = append(errs, limit("nofile", syscall.RLIMIT_NOFILE, uint64(lim.OpenFiles)))
	}
	if lim.FileSize >= 0 {
		errs = append(errs, limit("fsize", syscall.RLIMIT_FSIZE, uint64(lim.FileSize)))
	}
	if lim.Processes > 0 {
		errs = append(errs, limit("nproc", unix.RLIMIT_NPROC, uint64(lim.Processes)))
	}
	if secs := cpuLimitSeconds(lim.CPU); secs > 0 {
		errs = append(errs, limit("cpu", syscall.RLIMIT_CPU, secs))
	}
	if lim.Threads > 0 {
		debug.SetMaxThreads(lim.Threads)
		set = append(set, fmt.Sprintf("threads %d", lim.Threads))
	}
	if err := errors.Join(errs...); err != nil {
		return Layer{Name: Rlimits, Detail: err.Error()}, fmt.Errorf("applying rlimits: %w", err)
	}
	return Layer{Name: Rlimits, Active: true, Detail: strings.Join(set, ", ")}, nil
}

// limitMemory sets the garbage collector's soft limit below the memory
// limit, and RLIMIT_AS when no cgroup enforces it.
func limitMemory(limit int64, byCgroup bool, vmSize int64) (Layer, error) {
	if limit <= 0 {
		return Layer{Name: Memory, Detail: "no memory limit set"}, nil
	}
	debug.SetMemoryLimit(limit - limit/8)
	if byCgroup {
		return Layer{Name: Memory, Active: true, Detail: "cgroup"}, nil
	}
	if vmSize == 0 {
		err := errors.New("cannot read the address-space size from /proc/self/status")
		return Layer{Name: Memory, Detail: err.Error()}, err
	}
	as := uint64(vmSize + limit + addressHeadroom)
	if err := syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: as, Max: as}); err != nil {
		err = fmt.Errorf("setting RLIMIT_AS: %w", err)
		return Layer{Name: Memory, Detail: err.Error()}, err
	}
	return Layer{Name: Memory, Active: true, Detail: fmt.Sprintf("%s (%d MiB address space)", MemoryRlimitAS, as>>20)}, nil
}

// landlockLayer reports what Landlock can restrict on this kernel.
func landlockLayer() Layer {
	abi, err := ll.LandlockGetABIVersion()
	if err != nil || abi < 1 {
		why := "the kernel has no Landlock (Linux 5.13+ with landlock in the lsm= boot list)"
		if err != nil && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.EOPNOTSUPP) {
			why += ": " + err.Error()
		}
		return Layer{Name: Landlock, Detail: why}
	}
	what := []string{"no file access"}
	switch {
	case abi >= 10:
		what = append(what, "no TCP or UDP bind/connect")
	case abi >= 4:
		what = append(what, "no TCP bind/connect")
	}
	if abi >= 6 {
		what = append(what, "signals and abstract sockets scoped")
	}
	return Layer{Name: Landlock, Active: true, Detail: fmt.Sprintf("ABI %d: %s", abi, strings.Join(what, ", "))}
}

// rlimitsLayer reports the rlimits the child sets.
func rlimitsLayer() Layer {
	return Layer{Name: Rlimits, Active: true, Detail: "open files, file size, core dumps, hard CPU time, threads"}
}

// Doctor reports which layers this machine supports and, for each one it
// lacks, why: not root, user namespaces disabled, no writable cgroup memory
// controller, a kernel without Landlock or seccomp, a cgo build. As root on
// a cgroup2 machine it may create the empty top-level "airlock" cgroup that
// Prepare would create anyway.
func Doctor() []Layer {
	mem := Layer{Name: Memory, Active: true}
	if p, err := findMemoryParent(); err != nil {
		mem.Detail = MemoryRlimitAS + " (no cgroup: " + err.Error() + ")"
	} else {
		mem.Detail = cgroupDetail(p.version) + " (" + p.dir + ")"
	}
	ns, _ := namespaceLayer()
	return []Layer{
		ns,
		landlockLayer(),
		seccompLayer(),
		rlimitsLayer(),
		mem,
		{Name: Env, Active: true, Detail: "empty"},
	}
}
