//go:build cgo

package sandbox

// cgoBuild is set when the binary is built with cgo. Landlock before ABI 8
// then goes through libpsx, which finds the process's threads in
// /proc/<getpid()>/task: in a new pid namespace that names another process
// of the host's /proc, so the child cannot have a pid namespace and Landlock.
const cgoBuild = true
