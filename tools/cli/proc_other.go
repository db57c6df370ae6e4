//go:build !unix

package cli

import "os/exec"

// setGroup does nothing where process groups are not available.
func setGroup(cmd *exec.Cmd) {}

// killGroup kills the command's process; its children may survive it.
func killGroup(cmd *exec.Cmd) {
	cmd.Process.Kill()
}
