package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print airlock's version, the revision it was built from and its toolchain",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintln(cmd.OutOrStdout(), versionLine())
			return nil
		},
	}
}

// versionString is the version airlock reports to MCP clients.
func versionString() string { return airlock.Version() }

// versionLine is what airlock version and airlock --version print.
func versionLine() string {
	rev := airlock.Revision()
	if rev == "" {
		rev = "unknown"
	}
	return fmt.Sprintf("airlock %s (revision %s, %s, %s/%s)", airlock.Version(), rev, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
