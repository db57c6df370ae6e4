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
	// received holds the labels of every result the run was handed: what
	// it writes to the workspace carries them (see received).
	received map[string]bool
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
	return &taint{rules: rules, pol: pol, tags: map[string][]string{}, seen: map[string]bool{}, received: map[string]bool{}}
}

// result remembers what a source tool returned; extra are labels the
// result carries besides the tool's (a workspace file's).
func (t *taint) result(tool string, body []byte, extra ...string) {
	if t == nil {
		return
	}
	labels := append(t.pol.Labels(tool), extra...)
	t.mu.Lock()
	for _, l := range labels {
		t.received[l] = true
	}
	t.mu.Unlock()
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

// receivedLabels returns, sorted, the labels of everything the run has
// been handed so far.
func (t *taint) receivedLabels() []string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for l := range t.received {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
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
