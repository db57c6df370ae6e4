package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print airlock's version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fmt.Fprintf(cmd.OutOrStdout(), "airlock %s\n", versionString())
			return nil
		},
	}
}

// versionString is the version airlock reports.
func versionString() string { return airlock.Version() }
