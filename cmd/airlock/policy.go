package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/policies"
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
				st, err := loadSetup(path)
				if err != nil {
					return err
				}
				defer st.close()
				if err := st.checkServers(cmd.Context(), nil); err != nil {
					return usageError("policy %s: %v", path, err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s: ok (policy %q: %d tools, %d program rules)\n",
					path, st.policy.Name, len(st.policy.Tools()), len(st.policy.ProgramRules()))
			}
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "show [FILE]",
		Short: "Print a policy file, or the built-in default policy",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				_, err := cmd.OutOrStdout().Write(policies.Default)
				return err
			}
			st, err := loadSetup(args[0])
			if err != nil {
				return err
			}
			st.close()
			data, err := os.ReadFile(args[0])
			if err != nil {
				return usageError("reading policy: %v", err)
			}
			_, err = cmd.OutOrStdout().Write(data)
			return err
		},
	})
	return cmd
}
