package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/internal/library"
)

func newPolicyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "policy",
		Short: "Check or show policy files",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check FILE...",
		Short: "Validate policy files: YAML shape, rules that compile, known tools and packages",
		Long: `check loads each policy as run and verify would, and reports every error with
its file, line and column (and the rule's caret for an expression error).

` + exitCodesHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, path := range args {
				eng, err := loadEngine(path)
				if err != nil {
					return err
				}
				defer eng.Close()
				if err := eng.CheckServers(cmd.Context(), nil); err != nil {
					return usageError("policy %s: %v", path, err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (policy %q: %d tools, %d program rules)\n",
					path, eng.Policy().Name, len(eng.Policy().Tools()), len(eng.Policy().ProgramRules()))
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "show [FILE]",
		Short: "Print a policy file, or the built-in default policy",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := ""
			if len(args) > 0 {
				path = args[0]
			}
			eng, err := loadEngine(path)
			if err != nil {
				return err
			}
			eng.Close()
			out := cmd.OutOrStdout()
			if _, err := out.Write(eng.PolicySource()); err != nil {
				return err
			}
			return showPartial(out, eng.Policy().Imports())
		},
	})
	return cmd
}

// showPartial says, as YAML comments after the policy, what programs get of
// the allowed packages the sandbox offers only in part.
func showPartial(w io.Writer, imports []string) error {
	var lines []string
	for _, p := range imports {
		if note, ok := library.Partial[p]; ok {
			lines = append(lines, "#   "+p+": "+note)
		}
	}
	if len(lines) == 0 {
		return nil
	}
	_, err := fmt.Fprintf(w, "\n# Offered in part:\n%s\n", strings.Join(lines, "\n"))
	return err
}
