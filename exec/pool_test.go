package exec

import (
	"testing"

	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/verify"
)

// TestPoolPackages: a pooled child's interpreter reaches what the policy
// allows, so a run whose imports the policy's packages do not cover, or
// whose limits differ, starts a child of its own.
func TestPoolPackages(t *testing.T) {
	p := &Pool{limits: goLimits(verify.DefaultLimits()), packages: []string{"airlock", "airlock/table", "fmt", "strings"}, ready: make(chan *proc, 1)}
	c := &proc{setUp: true, h: &localChild{}}
	p.ready <- c
	if got := p.get(goLimits(verify.DefaultLimits()), []string{"fmt", "os"}); got != nil {
		t.Fatal("a child without os served a program importing it")
	}
	other := verify.DefaultLimits()
	other.Memory *= 2
	if got := p.get(goLimits(other), []string{"fmt"}); got != nil {
		t.Fatal("a child with other limits served the run")
	}
	if got := p.get(goLimits(verify.DefaultLimits()), []string{"airlock", "fmt", "strings"}); got != c {
		t.Fatal("the ready child was not handed out")
	}
	if got := p.get(goLimits(verify.DefaultLimits()), []string{"fmt"}); got != nil {
		t.Fatal("an empty pool handed out a child")
	}
}

// TestWatchedPeak: a Go program's child that no cgroup held is judged by
// the peak of its own memory in its final report, and an early answer waits
// when there is none; with a cgroup, or for a script, the report is not
// the judge.
func TestWatchedPeak(t *testing.T) {
	const limit = 64 << 20
	for _, c := range []struct {
		name     string
		byCgroup bool
		language string
		reported *rpc.Usage
		over, ok bool
	}{
		{"within", false, "go", &rpc.Usage{AnonPeakBytes: 40 << 20, PeakBytes: 300 << 20}, false, true},
		{"over", false, "go", &rpc.Usage{AnonPeakBytes: 80 << 20}, true, true},
		{"no report", false, "go", nil, false, false},
		{"no peak", false, "go", &rpc.Usage{PeakBytes: 20 << 20}, false, false},
		{"cgroup", true, "go", &rpc.Usage{AnonPeakBytes: 80 << 20}, false, true},
		{"script", false, "sh", &rpc.Usage{AnonPeakBytes: 80 << 20}, false, true},
	} {
		r := &runner{plan: &plan.Plan{Language: c.language}, lim: verify.Limits{Memory: limit}, byCgroup: c.byCgroup, reported: c.reported}
		if over, ok := r.watchedPeak(); over != c.over || ok != c.ok {
			t.Errorf("%s: over %v known %v, want %v %v", c.name, over, ok, c.over, c.ok)
		}
	}
}
