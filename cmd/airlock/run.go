package main

import (
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

func newRunCmd() *cobra.Command {
	var (
		policy    string
		timeout   time.Duration
		memory    string
		maxTokens int
		strict    bool
		isolation bool
		trace     string
		workspace string
		approved  string
	)
	cmd := &cobra.Command{
		Use:   "run [--policy P] [--timeout D] [--memory SIZE] [--max-tokens N] FILE|-",
		Short: "Verify a program, run it in the sandbox and print a JSON summary",
		Long: `run plans and verifies a program like verify, then runs an approved program in
a sandboxed child process: a Go interpreter that reaches only the packages the
policy allows, whose every tool call is checked again in the parent on its real
arguments, under limits of time, CPU, memory, output and tool calls.

It prints exactly one JSON document on stdout, the summary, fitted into the
token budget (--max-tokens, default from the policy): status (ok, denied,
blocked, error, timeout, limit), output, result, error, violations, calls,
limit, sandbox and stats, which count the tokens of tool data that stayed out
of the model's context.

` + exitCodesHelp,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			opts := exec.Options{Timeout: timeout, MaxTokens: maxTokens, RequireIsolation: isolation}
			if trace != "" {
				f, err := os.OpenFile(trace, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
				if err != nil {
					return usageError("--trace: %v", err)
				}
				defer f.Close()
				opts.Trace = f
			}
			ctx := cmd.Context()
			if workspace != "" {
				ws, err := tools.OpenWorkspace(workspace)
				if err != nil {
					return usageError("--workspace: %v", err)
				}
				defer ws.Close()
				ctx = tools.WithWorkspace(ctx, ws)
			}
			if memory != "" {
				if opts.Memory, err = verify.ParseSize(memory); err != nil {
					return usageError("--memory: %v", err)
				}
			}
			if maxTokens != 0 && (maxTokens < exec.MinTokens || maxTokens > exec.MaxTokens) {
				return usageError("--max-tokens must be between %d and %d", exec.MinTokens, exec.MaxTokens)
			}
			if timeout < 0 {
				return usageError("--timeout must be positive")
			}
			budget := eng.Policy().Limits.OutputTokens
			if maxTokens > 0 {
				budget = maxTokens
			}
			name, src, err := readProgram(cmd, args[0])
			if err != nil {
				return err
			}
			if opts.Memory == 0 && !airlock.IsScript(name, src) {
				// The sandboxed child starts while the program is planned
				// and verified, if it has not started already.
				opts.Pool = exec.Prestart(eng.Policy(), "")
				defer opts.Pool.Close()
			} else {
				// A child started before the program was read is not
				// the one it needs.
				launch.DiscardEarly()
			}
			s := eng.Run(ctx, name, src, airlock.RunOptions{Options: opts, Strict: strict, Approved: approved})
			if _, err := cmd.OutOrStdout().Write(s.Encode(budget)); err != nil {
				return err
			}
			if s.Status != exec.StatusOK {
				return &exitError{code: exitRejected}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&policy, "policy", "", "policy file (default: the built-in policy: no tools, pure standard library)")
	f.DurationVar(&timeout, "timeout", 0, "wall-clock limit (default from the policy)")
	f.StringVar(&memory, "memory", "", "memory limit such as 256MiB (default from the policy)")
	f.IntVar(&maxTokens, "max-tokens", 0, "token budget of the summary (default from the policy, 2000 unless set)")
	f.BoolVar(&strict, "strict", false, "refuse tool uses whose arguments are only known at run time")
	f.BoolVar(&isolation, "require-isolation", false, "refuse to run unless every sandbox layer is active")
	f.StringVar(&approved, "approved", "", "run only if the program, policy and tools match this digest (from airlock plan --manifest)")
	f.StringVar(&trace, "trace", "", "write an audit trace to FILE: a JSON line per tool call, then the final status")
	f.StringVar(&workspace, "workspace", "", "folder the workspace tool reads and writes, kept across runs (the policy must grant workspace.*)")
	return cmd
}
