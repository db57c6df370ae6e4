package main

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/verify"
)

func newVerifyCmd() *cobra.Command {
	var (
		policy string
		format string
		strict bool
	)
	cmd := &cobra.Command{
		Use:   "verify [--policy P] [--format text|json|sarif] [--strict] FILE...|-",
		Short: "Check programs against a policy without running them",
		Long: `verify plans each program and checks the plan against the policy. Each tool use
is allowed (its rule holds on the arguments known before run time), denied, or
deferred (an argument is only known at run time; run checks it again on the
real value). --strict rejects deferred uses too.

Text findings read file:line:col: message, like go vet; --format sarif writes
SARIF 2.1.0 for code-scanning dashboards.

` + exitCodesHelp,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := map[string]func(*cobra.Command, []verify.FileResult) error{
				"text":  func(c *cobra.Command, r []verify.FileResult) error { return verify.WriteText(c.OutOrStdout(), r) },
				"json":  func(c *cobra.Command, r []verify.FileResult) error { return verify.WriteJSON(c.OutOrStdout(), r) },
				"sarif": func(c *cobra.Command, r []verify.FileResult) error { return verify.WriteSARIF(c.OutOrStdout(), r) },
			}[format]
			if !ok {
				return usageError("unknown format %q: want text, json or sarif", format)
			}
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			if stdin := len(slices.DeleteFunc(slices.Clone(args), func(a string) bool { return a != "-" })); stdin > 1 {
				return usageError("stdin (-) can be read only once")
			}
			var results []verify.FileResult
			code := exitOK
			for _, arg := range args {
				name, src, err := readProgram(cmd, arg)
				if err != nil {
					return err
				}
				p, err := eng.Plan(name, src)
				if err != nil {
					results = append(results, verify.FileResult{File: name, Err: err})
					code = exitUsage
					continue
				}
				v := eng.Verify(p, src, strict)
				if !v.Approved() && code == exitOK {
					code = exitRejected
				}
				results = append(results, verify.FileResult{File: name, Verdict: v})
			}
			if err := write(cmd, results); err != nil {
				return fmt.Errorf("writing results: %w", err)
			}
			if code != exitOK {
				return &exitError{code: code}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&policy, "policy", "", "policy file (default: the built-in policy: no tools, pure standard library)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json or sarif")
	cmd.Flags().BoolVar(&strict, "strict", false, "reject tool uses whose arguments are only known at run time")
	return cmd
}
