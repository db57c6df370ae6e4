// Command airlock plans, verifies and runs agent-written programs in a
// sandbox and prints a compact JSON summary for the model.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/cmd/airlock/internal/early" // starts the child of a run first
)

func main() {
	airlock.Child() // the sandboxed child is this binary, re-executed
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	early.HandOver()
	code := execute(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if code == exitBrokenPipe {
		signal.Reset(syscall.SIGPIPE)
		syscall.Kill(os.Getpid(), syscall.SIGPIPE)
	}
	os.Exit(code)
}
