//go:build !unix

package proc

import "os/exec"

// SetGroup does nothing where process groups are not available.
func SetGroup(cmd *exec.Cmd) {}

// SignalGroup kills the process; its children may survive it.
func SignalGroup(cmd *exec.Cmd, kill bool) {
	cmd.Process.Kill()
}
