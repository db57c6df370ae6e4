package sandbox

import (
	"fmt"
	"runtime"
	"slices"
	"unsafe"

	seccomp "github.com/elastic/go-seccomp-bpf"
	"github.com/elastic/go-seccomp-bpf/arch"
	"golang.org/x/net/bpf"
	"golang.org/x/sys/unix"
)

// deniedSyscalls fail with EPERM whatever their arguments. Names this
// architecture lacks (fork on arm64, for one) are skipped.
var deniedSyscalls = []string{
	// new programs and processes
	"execve", "execveat", "fork", "vfork",
	// other processes' memory and state
	"ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "kcmp",
	"pidfd_open", "pidfd_send_signal", "pidfd_getfd", "tkill", "migrate_pages", "move_pages",
	// the filesystem tree and namespaces
	"mount", "umount", "umount2", "pivot_root", "chroot", "move_mount", "open_tree", "open_tree_attr",
	"fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr", "setns", "unshare",
	"name_to_handle_at", "open_by_handle_at",
	// the kernel
	"bpf", "perf_event_open", "keyctl", "add_key", "request_key",
	"init_module", "finit_module", "delete_module", "create_module", "query_module", "get_kernel_syms",
	"reboot", "kexec_load", "kexec_file_load", "personality", "userfaultfd",
	"io_uring_setup", "io_uring_enter", "io_uring_register",
	"acct", "swapon", "swapoff", "syslog", "quotactl", "quotactl_fd", "lookup_dcookie", "fanotify_init",
	"settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "sethostname", "setdomainname",
	"iopl", "ioperm", "vhangup", "uselib", "nfsservctl", "_sysctl", "sysfs", "ustat",
	"modify_ldt", "vm86", "vm86old",
	// 32-bit x86 multiplexes sockets through one call the filter cannot
	// tell apart; the child needs none of them
	"socketcall",
	// other processes' priority (the Go runtime sets none)
	"setpriority", "ioprio_set", "get_robust_list",
}

// execSyscalls are the denied calls a child that runs programs (Limits.Exec)
// needs. Its processes stay in its pid namespace, so they signal nothing
// outside it.
var execSyscalls = []string{"execve", "execveat", "fork", "vfork", "pidfd_open", "pidfd_send_signal"}

// seccompPolicy builds the filter for a process whose pid is self. Go keeps
// working: its threads are clones with CLONE_THREAD, and its preemption and
// crash signals go to its own pid through tgkill and kill. With exec, the
// process may start programs and signal its own pid namespace.
func seccompPolicy(self int, exec bool) (seccomp.Policy, error) {
	info, err := arch.GetInfo("")
	if err != nil {
		return seccomp.Policy{}, err
	}
	var names []string
	for _, name := range deniedSyscalls {
		if _, ok := info.SyscallNames[name]; ok && !(exec && slices.Contains(execSyscalls, name)) {
			names = append(names, name)
		}
	}
	flagsArg := uint32(0)
	if runtime.GOARCH == "s390x" {
		flagsArg = 1 // clone's first two arguments are swapped there
	}
	const namespaces = unix.CLONE_NEWNS | unix.CLONE_NEWCGROUP | unix.CLONE_NEWUTS | unix.CLONE_NEWIPC |
		unix.CLONE_NEWUSER | unix.CLONE_NEWPID | unix.CLONE_NEWNET
	other := func(arg uint32, value int) seccomp.ArgumentConditions {
		return seccomp.ArgumentConditions{{Argument: arg, Operation: seccomp.NotEqual, Value: uint64(value)}}
	}
	// a pid argument naming neither this process (self) nor "the caller" (0)
	otherProcess := seccomp.ArgumentConditions{
		{Argument: 0, Operation: seccomp.NotEqual, Value: 0},
		{Argument: 0, Operation: seccomp.NotEqual, Value: uint64(self)},
	}
	conditional := []seccomp.NameWithConditions{
		// a thread in new namespaces
		{Name: "clone", Conditions: seccomp.ArgumentConditions{{Argument: flagsArg, Operation: seccomp.BitsSet, Value: namespaces}}},
		// sockets other than AF_UNIX
		{Name: "socketpair", Conditions: other(0, unix.AF_UNIX)},
	}
	if exec {
		// No sockets at all: the programs a shell starts could otherwise
		// connect to the host's Unix sockets, which Landlock leaves open
		// before ABI 9.
		names = append(names, "socket")
	} else {
		conditional = append(conditional, seccomp.NameWithConditions{Name: "socket", Conditions: other(0, unix.AF_UNIX)})
	}
	if !exec {
		conditional = append(conditional,
			// a new process rather than a thread
			seccomp.NameWithConditions{Name: "clone", Conditions: seccomp.ArgumentConditions{{Argument: flagsArg, Operation: seccomp.BitsNotSet, Value: unix.CLONE_THREAD}}},
			// signals to any process but this one
			seccomp.NameWithConditions{Name: "kill", Conditions: other(0, self)},
			seccomp.NameWithConditions{Name: "tgkill", Conditions: other(0, self)},
			seccomp.NameWithConditions{Name: "rt_sigqueueinfo", Conditions: other(0, self)},
			seccomp.NameWithConditions{Name: "rt_tgsigqueueinfo", Conditions: other(0, self)})
	}
	conditional = append(conditional, []seccomp.NameWithConditions{
		// limits and scheduling of other processes
		{Name: "prlimit64", Conditions: otherProcess},
		{Name: "sched_setaffinity", Conditions: otherProcess},
		{Name: "sched_setscheduler", Conditions: otherProcess},
		{Name: "sched_setparam", Conditions: otherProcess},
		{Name: "sched_setattr", Conditions: otherProcess},
		// dumpable again, which Enter cleared
		{Name: "prctl", Conditions: seccomp.ArgumentConditions{{Argument: 0, Operation: seccomp.Equal, Value: unix.PR_SET_DUMPABLE}}},
	}...)
	return seccomp.Policy{
		DefaultAction: seccomp.ActionAllow,
		Syscalls: []seccomp.SyscallGroup{
			{Action: seccomp.ActionErrno, Names: names, NamesWithCondtions: conditional},
			// clone3 passes its flags in memory, which a filter cannot read.
			// ENOSYS makes callers fall back to clone, which is checked.
			{Action: seccomp.ActionErrno | seccomp.Action(unix.ENOSYS), Names: []string{"clone3"}},
		},
	}, nil
}

// loadSeccomp installs the filter on every thread of the process. Calls
// made through another architecture's system-call table (32-bit calls on
// amd64) fail with ENOSYS.
func loadSeccomp(self int, exec bool) error {
	policy, err := seccompPolicy(self, exec)
	if err != nil {
		return err
	}
	info, err := arch.GetInfo("")
	if err != nil {
		return err
	}
	insts, err := policy.Assemble()
	if err != nil {
		return fmt.Errorf("assembling seccomp filter: %w", err)
	}
	const archOffset = 4 // offsetof(struct seccomp_data, arch)
	guard := []bpf.Instruction{
		bpf.LoadAbsolute{Off: archOffset, Size: 4},
		bpf.JumpIf{Cond: bpf.JumpEqual, Val: uint32(info.ID), SkipTrue: 1},
		bpf.RetConstant{Val: unix.SECCOMP_RET_ERRNO | uint32(unix.ENOSYS)},
	}
	raw, err := bpf.Assemble(append(guard, insts...))
	if err != nil {
		return fmt.Errorf("assembling seccomp filter: %w", err)
	}
	filter := make([]unix.SockFilter, len(raw))
	for i, r := range raw {
		filter[i] = unix.SockFilter{Code: r.Op, Jt: r.Jt, Jf: r.Jf, K: r.K}
	}
	prog := unix.SockFprog{Len: uint16(len(filter)), Filter: &filter[0]}

	// no_new_privs is per thread; the filter call below must run on the
	// thread that set it. TSYNC then gives both to every thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := unix.Prctl(unix.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0); err != nil {
		return fmt.Errorf("setting no_new_privs: %w", err)
	}
	r, _, errno := unix.Syscall(unix.SYS_SECCOMP, unix.SECCOMP_SET_MODE_FILTER,
		unix.SECCOMP_FILTER_FLAG_TSYNC, uintptr(unsafe.Pointer(&prog)))
	runtime.KeepAlive(filter)
	if errno != 0 {
		return fmt.Errorf("loading seccomp filter: %w", errno)
	}
	if r != 0 {
		return fmt.Errorf("loading seccomp filter: thread %d could not be synchronised", r)
	}
	return nil
}

// seccompLayer reports whether the kernel can filter system calls.
func seccompLayer() Layer {
	if !seccomp.Supported() {
		return Layer{Name: Seccomp, Detail: "the kernel does not support seccomp filters"}
	}
	if _, err := arch.GetInfo(""); err != nil {
		return Layer{Name: Seccomp, Detail: "no system-call table for " + runtime.GOARCH + ": " + err.Error()}
	}
	return Layer{Name: Seccomp, Active: true, Detail: "execve, fork, non-AF_UNIX sockets, ptrace, mount, signals to others and kernel interfaces denied"}
}
