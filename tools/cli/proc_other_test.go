//go:build !unix

package cli

import "testing"

// checkGone cannot tell where process groups are not available.
func checkGone(t *testing.T, pidfile string) {}
