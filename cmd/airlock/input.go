package main

import (
	"context"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/internal/readfile"
	"github.com/airlockhq/airlock/plan"
)

// readProgram reads a program from a file or, for "-", from stdin. Reading
// stops just past plan.MaxSource so an oversized input costs no memory.
func readProgram(cmd *cobra.Command, arg string) (name string, src []byte, err error) {
	var r io.Reader
	if arg == "-" {
		name, r = "<stdin>", cmd.InOrStdin()
	} else {
		f, _, err := readfile.Open(arg) // a FIFO or a device is refused, not waited on
		var nr *readfile.NotRegularError
		if errors.As(err, &nr) {
			return "", nil, usageError("reading program: %v; pipe a program in with - instead", err)
		}
		if err != nil {
			return "", nil, usageError("reading program: %v", err)
		}
		defer f.Close()
		name, r = arg, f
	}
	// A signal ends the command even while a writer keeps standard input
	// open. A file is read to its end: the run then reports the
	// interruption in its summary.
	src, err = readSource(cmd.Context(), r, arg == "-")
	if errors.Is(err, errInterrupted) {
		return "", nil, &exitError{code: exitRejected, err: errors.New("interrupted while reading " + name)}
	}
	if err != nil {
		return "", nil, usageError("reading %s: %v", name, err)
	}
	return name, src, nil
}

var errInterrupted = errors.New("interrupted")

// readSource reads r up to just past plan.MaxSource. When interruptible, it
// returns errInterrupted as soon as ctx is done, whatever r does.
func readSource(ctx context.Context, r io.Reader, interruptible bool) ([]byte, error) {
	r = io.LimitReader(r, plan.MaxSource+1)
	if !interruptible {
		return io.ReadAll(r)
	}
	type read struct {
		src []byte
		err error
	}
	done := make(chan read, 1)
	go func() {
		src, err := io.ReadAll(r)
		done <- read{src, err}
	}()
	select {
	case got := <-done:
		return got.src, got.err
	case <-ctx.Done():
		return nil, errInterrupted
	}
}

// loadEngine loads the policy at path, or the built-in one when path is
// empty: a policy that cannot be loaded is a usage error.
func loadEngine(path string) (*airlock.Engine, error) {
	eng, err := airlock.Load(path)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	return eng, nil
}
