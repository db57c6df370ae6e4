package verify

import (
	"slices"
	"sync"
	"sync/atomic"
)

// Decision is the run-time verdict on one tool call.
type Decision struct {
	Allowed bool   `json:"allowed"`
	Rule    string `json:"rule,omitempty"`   // the rule that decided, on one line
	Reason  string `json:"reason,omitempty"` // why a call is denied
}

// Checker re-checks every real tool call of one run against the policy,
// with the same compiled rules Check used. It is safe for concurrent use.
type Checker struct {
	policy  *Policy
	imports []string

	// called holds the tools whose calls were allowed so far, sorted. It
	// is replaced, never modified, so Check can read it without a lock;
	// mu serialises the rare change.
	called atomic.Pointer[[]string]
	mu     sync.Mutex
}

// NewChecker returns a checker for one run under the policy. Program rules
// see no imports; Verdict.NewChecker gives them the program's.
func (p *Policy) NewChecker() *Checker {
	c := &Checker{policy: p}
	c.called.Store(&[]string{})
	return c
}

// Check decides a call of tool with its canonical arguments, keyed by
// parameter name. The tool's rule must hold on the arguments, and no
// program rule may match the tools called so far plus this one. An allowed
// call counts as called; a denied one does not.
func (c *Checker) Check(tool string, args map[string]any) Decision {
	p := c.policy
	if p == nil {
		return Decision{Reason: "no policy"}
	}
	g, ok := p.tools[tool]
	if !ok {
		return Decision{Reason: p.notGranted(tool)}
	}
	var src string
	if g.rule != nil {
		src = g.rule.text
		ok, err := g.rule.evalTool(g.name, args)
		if err != nil {
			return Decision{Rule: src, Reason: ruleFailed + err.Error()}
		}
		if !ok {
			return Decision{Rule: src, Reason: g.denyReason()}
		}
	}
	if len(p.program) > 0 {
		if d, ok := c.checkProgram(tool); !ok {
			return d
		}
	}
	return Decision{Allowed: true, Rule: src}
}

// checkProgram evaluates the program rules with tool added to the tools
// called so far. Program rules see only which tools were called, so they
// need evaluating only when a tool is called for the first time.
func (c *Checker) checkProgram(tool string) (Decision, bool) {
	if _, found := slices.BinarySearch(*c.called.Load(), tool); found {
		return Decision{}, true
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	called := *c.called.Load()
	i, found := slices.BinarySearch(called, tool)
	if found {
		return Decision{}, true
	}
	next := slices.Insert(slices.Clone(called), i, tool)
	for _, r := range c.policy.program {
		deny, err := r.evalProgram(next, c.imports)
		if err != nil || deny {
			return Decision{Rule: r.text, Reason: programMessage(r, err)}, false
		}
	}
	c.called.Store(&next)
	return Decision{}, true
}
