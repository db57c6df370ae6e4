//go:build unix

package proc

import (
	"os/exec"
	"syscall"
)

// SetGroup starts cmd in a process group of its own, so that SignalGroup
// reaches the processes it starts (npx runs node as a child).
func SetGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// SignalGroup sends SIGTERM, or SIGKILL when kill is set, to cmd's process
// group.
func SignalGroup(cmd *exec.Cmd, kill bool) {
	sig := syscall.SIGTERM
	if kill {
		sig = syscall.SIGKILL
	}
	syscall.Kill(-cmd.Process.Pid, sig)
}
