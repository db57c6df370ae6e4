package early

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/internal/procstat"
)

// TestWanted: a child is started early for `airlock run` of a Go program
// with the policy's memory limit, and for nothing else.
func TestWanted(t *testing.T) {
	for _, c := range []struct {
		args string
		want bool
	}{
		{"run prog.go", true},
		{"run --policy p.yaml --timeout 5s prog.go", true},
		{"run --policy=p.yaml -", true},
		{"run -- prog.go", true},
		{"run --memory 64MiB prog.go", false},
		{"run --memory=64MiB prog.go", false},
		{"run script.sh", false},
		{"run --policy p.yaml -- job.sh", false},
		{"run --help", false},
		{"run -h prog.go", false},
		{"run", false},
		{"verify prog.go", false},
		{"mcp", false},
		{"", false},
	} {
		if got := Wanted(strings.Fields(c.args)); got != c.want {
			t.Errorf("Wanted(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}

// The test binary is run again as the process under test (testMode says
// what it does) and as the child it starts (which waits to be killed).
const testMode = "AIRLOCK_EARLY_TEST"

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == rpc.ChildArg {
		select {} // an early child waits for its setup; it is killed
	}
	switch os.Getenv(testMode) {
	case "":
		os.Exit(m.Run())
	case "signal":
		// Started, the command not yet handling signals: wait for one.
		start()
		fmt.Println("started")
		select {}
	case "handover":
		// A signal that only the early handler saw, read by it after
		// the command took over signals: the command's handler gets it.
		start()
		handover.Lock()
		syscall.Kill(os.Getpid(), syscall.SIGTERM)
		time.Sleep(50 * time.Millisecond)
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
		defer stop()
		handover.done = true
		signal.Stop(handover.c)
		handover.Unlock()
		select {
		case <-ctx.Done():
			launch.DiscardEarly()
			fmt.Println("canceled")
			os.Exit(0)
		case <-time.After(5 * time.Second):
			fmt.Println("lost")
			os.Exit(1)
		}
	case "pipe":
		// Started; write to a reader that has gone, then end in order.
		start()
		fmt.Println("started")
		for {
			if _, err := fmt.Println("more"); err != nil {
				launch.DiscardEarly()
				fmt.Fprintln(os.Stderr, "write failed:", err)
				os.Exit(0)
			}
			time.Sleep(time.Millisecond)
		}
	}
}

// TestSignalBeforeHandOver: a signal that ends airlock while it is still
// initialising (before the command handles signals) ends it as before, by
// that signal, and leaves neither the early child nor its cgroup. A reader
// of its output that has gone makes writes fail instead of killing it, so
// the command ends in order. Each case checks the child existed first.
func TestSignalBeforeHandOver(t *testing.T) {
	for _, mode := range []string{"signal", "pipe"} {
		t.Run(mode, func(t *testing.T) {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), testMode+"="+mode)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, err := bufio.NewReader(out).ReadString('\n')
			if err != nil || line != "started\n" {
				t.Fatalf("read %q, %v; stderr %s", line, err, stderr.String())
			}
			pid := cmd.Process.Pid
			kids, _ := procstat.Descendants(pid)
			if len(kids) == 0 || len(procstat.Cgroups(pid)) == 0 {
				t.Fatalf("no early child: processes %v, cgroups %v", kids, procstat.Cgroups(pid))
			}
			if mode == "signal" {
				cmd.Process.Signal(syscall.SIGTERM)
			} else {
				out.Close()
			}
			err = cmd.Wait()
			ws := cmd.ProcessState.Sys().(syscall.WaitStatus)
			switch {
			case mode == "signal" && !(ws.Signaled() && ws.Signal() == syscall.SIGTERM):
				t.Errorf("ended with %v, want killed by SIGTERM", err)
			case mode == "pipe" && (err != nil || !strings.Contains(stderr.String(), "broken pipe")):
				t.Errorf("ended with %v (stderr %q), want exit 0 after a failed write", err, stderr.String())
			}
			time.Sleep(50 * time.Millisecond)
			for _, k := range kids {
				if syscall.Kill(k, 0) == nil {
					t.Errorf("child %d left", k)
				}
			}
			if left := procstat.Cgroups(pid); len(left) > 0 {
				t.Errorf("cgroups left: %v", left)
			}
		})
	}
}

// TestSignalAcrossHandOver: a signal that came before the command handled
// signals, and that the early handler reads only after the hand-over, is
// not lost: the command's own handler gets it.
func TestSignalAcrossHandOver(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), testMode+"=handover")
	out, err := cmd.CombinedOutput()
	if err != nil || string(out) != "canceled\n" {
		t.Fatalf("ended with %v, output %q; want the command's handler to get the signal", err, out)
	}
	time.Sleep(50 * time.Millisecond)
	if left := procstat.Cgroups(cmd.Process.Pid); len(left) > 0 {
		t.Errorf("cgroups left: %v", left)
	}
}
