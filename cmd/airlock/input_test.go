package main

import (
	"context"
	"io"
	"io/fs"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptWhileReading: a command reading its program from standard
// input ends when it is interrupted (a signal cancels its context), even
// though the writer keeps the input open; with the input closed, the same
// command runs the program.
func TestInterruptWhileReading(t *testing.T) {
	for _, cmd := range []string{"run", "verify", "plan"} {
		t.Run(cmd, func(t *testing.T) {
			r, w := io.Pipe()
			defer w.Close()
			ctx, cancel := context.WithCancel(context.Background())
			var out, errOut strings.Builder
			done := make(chan int, 1)
			go func() { done <- execute(ctx, []string{cmd, "-"}, r, &out, &errOut) }()
			time.Sleep(50 * time.Millisecond)
			cancel()
			select {
			case code := <-done:
				if code != exitRejected || !strings.Contains(errOut.String(), "interrupted while reading <stdin>") {
					t.Fatalf("exit %d, stderr %q", code, errOut.String())
				}
			case <-time.After(5 * time.Second):
				t.Fatal("still reading 5 s after the interrupt")
			}
		})
	}
	var out, errOut strings.Builder
	prog := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"read\") }\n"
	if code := execute(context.Background(), []string{"run", "-"}, strings.NewReader(prog), &out, &errOut); code != exitOK || !strings.Contains(out.String(), `"output":"read\n"`) {
		t.Fatalf("control: exit %d, %s %s", code, out.String(), errOut.String())
	}
}

// gone is an output whose reader has gone.
type gone struct{}

func (gone) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.EPIPE}
}

// TestBrokenPipe: a command whose reader has gone ends with the code that
// has main end by SIGPIPE, as before, and prints no error of its own.
func TestBrokenPipe(t *testing.T) {
	prog := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"x\") }\n"
	for _, cmd := range []string{"run", "plan", "verify"} {
		var errOut strings.Builder
		if code := execute(context.Background(), []string{cmd, "-"}, strings.NewReader(prog), gone{}, &errOut); code != exitBrokenPipe || errOut.Len() > 0 {
			t.Errorf("%s: exit %d, stderr %q; want %d and nothing", cmd, code, errOut.String(), exitBrokenPipe)
		}
	}
}
