//go:build unix

package cli

import (
	"os/exec"
	"syscall"
)

// setGroup starts the command in a process group of its own, so that
// killGroup reaches the processes it starts.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup kills the command's process group.
func killGroup(cmd *exec.Cmd) {
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
