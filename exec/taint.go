package exec

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/verify"
)

// Run-time flow checks. For every data-flow rule (and always for those
// that say "uncertain: check", which the static check lets through), the
// parent remembers the text of every result a source tool hands the
// program, and refuses a call to a sink tool whose arguments carry any of
// it: the values are tagged as they cross the RPC boundary. It is a second
// line behind the static analysis, and the only one for data that travels
// through a tool (written to the workspace and read back): it catches data
// passed on as it was read (copied, concatenated, quoted), not data
// transformed first (encoded, hashed).
const (
	minTagged = 8     // shorter strings are too common to mean anything
	maxTagged = 1024  // longer ones are remembered by their first maxTagged bytes
	maxTags   = 50000 // per run
)

type taint struct {
	rules []verify.FlowRule
	pol   *verify.Policy

	mu   sync.Mutex
	tags map[string][]string // label -> remembered strings
	seen map[string]bool
}

func newTaint(pol *verify.Policy) *taint {
	var rules []verify.FlowRule
	for _, r := range pol.FlowRules() {
		if r.Kind != "control" && r.To != "output" {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return nil
	}
	return &taint{rules: rules, pol: pol, tags: map[string][]string{}, seen: map[string]bool{}}
}

// result remembers what a source tool returned.
func (t *taint) result(tool string, body []byte) {
	if t == nil {
		return
	}
	labels := t.pol.Labels(tool)
	var from []string
	for _, r := range t.rules {
		if slices.Contains(labels, r.From) {
			from = append(from, r.From)
		}
	}
	if len(from) == 0 {
		return
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	walkStrings(v, func(s string) {
		for _, line := range strings.Split(s, "\n") {
			line = strings.TrimSpace(line)
			if len(line) < minTagged {
				continue
			}
			if len(line) > maxTagged {
				line = line[:maxTagged]
			}
			for _, label := range from {
				key := label + "\x00" + line
				if t.seen[key] || len(t.seen) >= maxTags {
					continue
				}
				t.seen[key] = true
				t.tags[label] = append(t.tags[label], line)
			}
		}
	})
}

// check returns the rule a call to a sink tool breaks, with the argument
// that carries tagged data, or ok.
func (t *taint) check(tool string, args map[string]any) (rule verify.FlowRule, arg string, broken bool) {
	if t == nil {
		return
	}
	labels := t.pol.Labels(tool)
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range t.rules {
		if !slices.Contains(labels, r.To) {
			continue
		}
		for name, v := range args {
			if r.Arg != "" && name != r.Arg {
				continue
			}
			hit := false
			walkStrings(v, func(s string) {
				for _, tag := range t.tags[r.From] {
					if !hit && strings.Contains(s, tag) {
						hit = true
					}
				}
			})
			if hit {
				return r, name, true
			}
		}
	}
	return
}

// walkStrings calls f with every string in a decoded JSON value; numbers
// count as their text.
func walkStrings(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case map[string]any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case []any:
		for _, e := range x {
			walkStrings(e, f)
		}
	}
}
