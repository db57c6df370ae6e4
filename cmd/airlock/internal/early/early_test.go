package early

import (
	"strings"
	"testing"
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
