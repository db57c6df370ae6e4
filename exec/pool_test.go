package exec

import (
	"testing"

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
