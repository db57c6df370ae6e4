package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"

	"github.com/airlockhq/airlock/exec/launch"
	"github.com/spf13/cobra"
)

// Exit codes, the same for every command.
const (
	exitOK       = 0 // approved / completed
	exitRejected = 1 // verify: a file was denied; run: the program did not complete
	exitUsage    = 2 // bad flags, unreadable or unparsable input, a broken policy
	// exitBrokenPipe is for a reader of the output that has gone: main
	// ends by SIGPIPE then, as a command that writes to one does.
	exitBrokenPipe = 128 + int(syscall.SIGPIPE)
)

// exitError carries an exit code to the one place that turns it into one.
type exitError struct {
	code int
	err  error // nil: nothing more to print
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

const exitCodesHelp = `Exit codes:
  0  approved (verify), completed with status ok (run), success
  1  a file was denied (verify), the program did not complete (run: status
     denied, blocked, error, timeout or limit)
  2  usage error, unreadable or unparsable input, or a broken policy`

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "airlock",
		Short: "Plan, verify and run agent-written programs in a sandbox",
		Long: `airlock runs programs written by LLM agents: it plans them (what they import
and which tools they call), verifies the plan against a policy, runs approved
programs in a sandboxed Go interpreter whose tool calls are checked again, and
prints a compact JSON summary sized for a model's context.

` + exitCodesHelp,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(newPlanCmd(), newVerifyCmd(), newRunCmd(), newPolicyCmd(), newToolsCmd(), newMCPCmd(), newDoctorCmd(), newVersionCmd())
	root.CompletionOptions.HiddenDefaultCmd = false
	return root
}

// execute runs the command line and returns the exit code. Errors print once,
// as "airlock: error: ...".
func execute(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// A child started early for a run that did not take it (the program
	// was a script, say, or the command failed first) ends here.
	defer launch.DiscardEarly()
	root := newRoot()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	if errors.Is(err, syscall.EPIPE) {
		return exitBrokenPipe // whoever read the output has gone
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			printError(stderr, ee.err)
		}
		return ee.code
	}
	printError(stderr, err) // cobra's own usage errors: unknown flag, bad args
	return exitUsage
}

func printError(w io.Writer, err error) {
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		fmt.Fprintf(w, "airlock: error: %s\n", strings.TrimRight(msg, "\n"))
		return
	}
	fmt.Fprintf(w, "airlock: error: %s\n", msg)
}
