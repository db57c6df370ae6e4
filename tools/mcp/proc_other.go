//go:build !unix

package mcp

import "os/exec"

// setGroup does nothing where process groups are not available.
func setGroup(cmd *exec.Cmd) {}

// signalGroup kills the server process; its children may survive it.
func signalGroup(cmd *exec.Cmd, kill bool) {
	cmd.Process.Kill()
}
