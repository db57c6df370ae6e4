package main

import (
	"encoding/json"

	"github.com/spf13/cobra"
)

func newPlanCmd() *cobra.Command {
	var policy string
	cmd := &cobra.Command{
		Use:   "plan [--policy P] FILE|-",
		Short: "Print what a program would import and which tools it would call, as JSON",
		Long: `plan statically analyses a program without running it: its imports, every use
of a tool with its position and the arguments known before run time, findings for
what can never run, and the rewrites that let modern Go idioms run in the
interpreter. The tool packages come from the policy's providers (or the built-in
ones without --policy).

` + exitCodesHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := loadSetup(policy)
			if err != nil {
				return err
			}
			defer st.close()
			name, src, err := readProgram(cmd, args[0])
			if err != nil {
				return err
			}
			p, err := st.buildPlan(name, src)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(p)
		},
	}
	cmd.Flags().StringVar(&policy, "policy", "", "policy file whose tool providers are known (default: built-in)")
	return cmd
}
