// Package sandbox confines the child process that interprets a program.
//
// The interpreter is not a sandbox by itself, so the child runs behind OS
// layers, each of which stops something the others miss:
//
//   - namespaces: new user, pid, network, ipc, uts and mount namespaces; the
//     child runs as an unprivileged uid outside (65534 when the parent is
//     root), cannot see its parent and has no network interfaces;
//   - landlock: no filesystem access at all, no TCP bind/connect (UDP too
//     from ABI 10), no signals or abstract sockets beyond its own domain
//     (ABI 6);
//   - seccomp: no execve, no new processes, no sockets other than AF_UNIX,
//     no ptrace, mount, signals to other processes, namespaces, bpf,
//     io_uring and similar; denied calls fail with EPERM so the interpreter
//     reports a clean error instead of dying;
//   - rlimits: open files, file size, core dumps and a hard CPU-time limit,
//     plus the Go runtime's thread limit; the child is also made
//     non-dumpable;
//   - memory: a cgroup (v1 or v2) with the memory limit including swap, or
//     else RLIMIT_AS relative to the child's starting address-space size;
//   - env: an empty environment.
//
// The parent calls [Prepare] on the command before starting it, [Guard.Started]
// right after, [Guard.Kill] for the wall clock and [Guard.Finish] after Wait.
// The child calls [Enter] before it reads anything untrusted. [Doctor] tells
// what this machine supports and why a layer is missing. A layer the machine
// lacks degrades loudly: every function reports each layer with its status,
// and the caller decides whether to run without it (see [Missing]).
//
// Build the binary with CGO_ENABLED=0: a cgo build on a kernel before
// Landlock ABI 8 cannot combine Landlock with a pid namespace and runs
// without the latter (reported as a missing layer).
//
// On systems other than Linux the package compiles, empties the environment
// and reports every other layer missing.
package sandbox
