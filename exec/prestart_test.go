package exec_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/exec/launch"
	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/internal/procstat"
)

// TestEarlyChild: a child started before the policy is read (launch.Early,
// which `airlock run` calls from a package initialiser) runs its program
// under the policy's limits once Prestart takes it. It starts under a 256 MiB
// memory limit: a program over a policy's lower limit is stopped at it, and
// one over the provisional limit runs under a policy's higher one; each has
// a control within its limit. A child nobody takes is ended, and leaves
// neither a process nor a cgroup.
func TestEarlyChild(t *testing.T) {
	provisional := sandbox.Limits{Memory: 256 << 20, OpenFiles: 64, Threads: 64}
	for _, c := range []struct {
		memory string
		mib    int
		status string
	}{
		{"64MiB", 150, exec.StatusLimit},
		{"64MiB", 8, exec.StatusOK},
		{"768MiB", 400, exec.StatusOK},
		{"768MiB", 1200, exec.StatusLimit},
	} {
		t.Run(fmt.Sprintf("%d MiB under %s", c.mib, c.memory), func(t *testing.T) {
			if raceBuild {
				t.Skip("a race-built child needs several times the memory of its program")
			}
			policy := "name: early\nimports: [fmt]\nlimits: {timeout: 20s, memory: " + c.memory + "}\n"
			eng, err := airlock.LoadPolicy("early.yaml", []byte(policy), t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			launch.Early(provisional)
			pool := exec.Prestart(eng.Policy(), "")
			defer pool.Close()
			if launch.TakeEarly(provisional) != nil {
				t.Fatal("the early child was not taken")
			}
			src := fmt.Sprintf("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tb := make([]byte, %d<<20)\n\tfor i := 0; i < len(b); i += 4096 {\n\t\tb[i] = 1\n\t}\n\tfmt.Println(len(b) >> 20)\n}\n", c.mib)
			s := eng.Run(context.Background(), "p.go", []byte(src), airlock.RunOptions{Options: exec.Options{Pool: pool}})
			if s.Status != c.status {
				t.Fatalf("status %s (limit %q, error %+v), want %s", s.Status, s.Limit, s.Error, c.status)
			}
			if c.status == exec.StatusLimit && s.Limit != "memory" {
				t.Fatalf("limit %q, want memory", s.Limit)
			}
			if c.status == exec.StatusOK && s.Output != fmt.Sprintf("%d\n", c.mib) {
				t.Fatalf("output %q", s.Output)
			}
		})
	}

	t.Run("not taken", func(t *testing.T) {
		launch.Early(provisional)
		if len(descendants(os.Getpid())) == 0 {
			t.Fatal("Early started no child")
		}
		launch.DiscardEarly()
		time.Sleep(100 * time.Millisecond)
		if left := descendants(os.Getpid()); len(left) > 0 {
			t.Fatalf("processes left behind: %v", left)
		}
		if left := procstat.Cgroups(os.Getpid()); len(left) > 0 {
			t.Fatalf("cgroups left behind: %v", left)
		}
	})
}
