package main

import (
	"encoding/json"

	"github.com/spf13/cobra"
)

func newPlanCmd() *cobra.Command {
	var (
		policy   string
		manifest bool
	)
	cmd := &cobra.Command{
		Use:   "plan [--policy P] FILE|-",
		Short: "Print what a program would import and which tools it would call, as JSON",
		Long: `plan statically analyses a program without running it: its imports, every use
of a tool with its position and the arguments known before run time, findings for
what can never run, and the rewrites that let modern Go idioms run in the
interpreter. The tool packages come from the policy's providers (or the built-in
ones without --policy).

With --manifest it prints what a reviewer approves instead: the tools with
the literal values and shapes of their arguments, the data flows between
tools, a static upper bound on tool calls where loops allow one, and a digest
binding the program, the policy and the tools' declarations. Approve the
digest once; "airlock run --approved DIGEST" then runs only that exact
combination.

` + exitCodesHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			name, src, err := readProgram(cmd, args[0])
			if err != nil {
				return err
			}
			p, err := eng.Plan(name, src)
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if manifest {
				return enc.Encode(eng.Manifest(p, src))
			}
			return enc.Encode(p)
		},
	}
	cmd.Flags().StringVar(&policy, "policy", "", "policy file whose tool providers are known (default: built-in)")
	cmd.Flags().BoolVar(&manifest, "manifest", false, "print the approval manifest and digest instead of the plan")
	return cmd
}
