package main

import (
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
	// A signal ends the command even while a writer keeps the input open.
	type read struct {
		src []byte
		err error
	}
	done := make(chan read, 1)
	go func() {
		src, err := io.ReadAll(io.LimitReader(r, plan.MaxSource+1))
		done <- read{src, err}
	}()
	var got read
	select {
	case got = <-done:
	case <-cmd.Context().Done():
		return "", nil, &exitError{code: exitRejected, err: errors.New("interrupted while reading " + name)}
	}
	if got.err != nil {
		return "", nil, usageError("reading %s: %v", name, got.err)
	}
	return name, got.src, nil
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
