package exec_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/internal/procstat"
)

// TestSpawner: a pool's children are started by its spawner, every run
// gives its own output, a run whose spawner is killed under it ends in an
// error rather than ok, later runs start their children here, and closing
// the pool leaves no process or cgroup behind.
func TestSpawner(t *testing.T) {
	self := selfBinary(t)
	eng, err := airlock.Load("")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	pool := exec.NewPool(2, eng.Policy(), self)
	closed := false
	defer func() {
		if !closed {
			pool.Close()
		}
	}()
	run := func(i int, body string) *exec.Summary {
		src := fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\t_ = time.Now\n\t%s\n\tfmt.Println(%d)\n}\n", body, i)
		return eng.Run(context.Background(), "p.go", []byte(src), airlock.RunOptions{Options: exec.Options{Self: self, Pool: pool}})
	}
	for i := range 4 {
		if s := run(i, ""); s.Status != exec.StatusOK || s.Output != fmt.Sprintf("%d\n", i) {
			t.Fatalf("run %d: %s %q %+v", i, s.Status, s.Output, s.Error)
		}
	}
	// Runs leave no descriptor open in this process.
	fds := func() int {
		entries, _ := os.ReadDir("/proc/self/fd")
		return len(entries)
	}
	before := fds()
	for i := range 20 {
		if s := run(i, ""); s.Status != exec.StatusOK {
			t.Fatalf("run %d: %s", i, s.Status)
		}
	}
	if after := fds(); after > before+2 {
		t.Fatalf("20 runs left %d descriptors open (%d before, %d after)", after-before, before, after)
	}
	spawner := spawnerOf(t, os.Getpid())
	if spawner == 0 {
		t.Fatal("no spawner runs below this process")
	}

	// A run in flight when its spawner dies.
	done := make(chan *exec.Summary)
	go func() { done <- run(99, "time.Sleep(3 * time.Second)") }()
	time.Sleep(500 * time.Millisecond)
	if err := syscall.Kill(spawner, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	select {
	case s := <-done:
		if s.Status == exec.StatusOK || s.Error == nil || !strings.Contains(s.Error.Message, "spawner") {
			t.Fatalf("a run whose spawner died: %s %+v", s.Status, s.Error)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a run whose spawner died did not end")
	}
	for i := range 4 {
		if s := run(i, ""); s.Status != exec.StatusOK || s.Output != fmt.Sprintf("%d\n", i) {
			t.Fatalf("run %d after the spawner died: %s %q %+v", i, s.Status, s.Output, s.Error)
		}
	}

	pool.Close()
	closed = true
	time.Sleep(100 * time.Millisecond)
	if left := descendants(os.Getpid()); len(left) > 0 {
		t.Fatalf("processes left behind: %v", left)
	}
	for _, pid := range []int{os.Getpid(), spawner} {
		if m := procstat.Cgroups(pid); len(m) > 0 {
			t.Fatalf("cgroups left behind: %v", m)
		}
	}
}

// spawnerOf finds the spawner below pid.
func spawnerOf(t *testing.T, pid int) int {
	t.Helper()
	pids, spawners := procstat.Descendants(pid)
	for _, p := range pids {
		if b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/cmdline"); spawners > 0 && err == nil && strings.HasSuffix(string(b), "\x00spawn\x00") {
			return p
		}
	}
	return 0
}

// descendants lists the processes below pid.
func descendants(pid int) []int {
	pids, _ := procstat.Descendants(pid)
	return pids
}
