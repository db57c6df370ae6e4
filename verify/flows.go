package verify

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/goccy/go-yaml/ast"

	"github.com/airlockhq/airlock/plan"
)

// FlowRule forbids data (or control) from tools with one label reaching
// tools with another:
//
//	labels:
//	  sql.*: [private]            # tool names or globs
//	  files.ReadTextFile: [private, untrusted]
//	  http.Post: [external]
//	flows:
//	  - deny: {from: private, to: external}
//	    reason: private data never leaves through an external sink
//	  - deny: {from: untrusted, to: external, kind: control}
//	    reason: an untrusted result never decides which request is made
//	  - deny: {from: untrusted, to: external, arg: url}
//	    uncertain: check        # deny (default) or check at run time
//	    timing: allow           # deny (default): see below
//
// to may also be "output": the program's own output and result.
//
// Timing carries data no static analysis follows: how long the program
// waits, or when it calls, can depend on a secret. A rule that covers
// control flows (no kind: data, no arg) closes that channel by default: a
// program that uses a tool of its from label and one of its to label may
// not read the clock or wait on it (time.Now, Since, Until, Sleep, After,
// Tick, timers, context deadlines, http.TimeoutHandler, a logger writing
// into the program's own writer). timing: allow opens it.
type FlowRule struct {
	From, To  string
	Arg       string // "" for any argument
	Kind      string // "data", "control" or "" for both
	Reason    string
	Uncertain string // "deny" or "check": what a flow the analysis cannot rule out gets
	Timing    string // "deny" or "allow": whether a program between its labels may use the clock
	line, col int
}

// FlowRules returns the policy's flow rules.
func (p *Policy) FlowRules() []FlowRule { return p.flows }

// Labels returns the labels the policy gives tool, sorted.
func (p *Policy) Labels(tool string) []string {
	set := map[string]bool{}
	for pattern, labels := range p.labels {
		if ok, _ := matchTool(pattern, tool); ok {
			for _, l := range labels {
				set[l] = true
			}
		}
	}
	return sortedKeys(set)
}

// RuleFlow identifies violations of flow rules.
const RuleFlow = "flow"

var flowRuleKeys = []string{"deny", "reason", "uncertain", "timing"}
var flowDenyKeys = []string{"from", "to", "arg", "kind"}

func (l *loader) labels(n ast.Node) {
	m, ok := l.mapping(n, "labels")
	if !ok || m == nil {
		return
	}
	for _, kv := range m.Values {
		pattern, ok := l.key(kv)
		if !ok {
			continue
		}
		line, col := l.pos(kv.Key)
		if _, err := path.Match(pattern, ""); err != nil {
			l.ps.add(line, col, `write a tool name or a glob such as "sql.*"`, "bad tool pattern %q", pattern)
			continue
		}
		matched := false
		for _, t := range l.rc.names {
			if ok, _ := matchTool(pattern, t); ok {
				matched = true
			}
		}
		if _, ok := lookupSig(l.known, pattern); ok {
			matched = true
		}
		if !matched {
			l.ps.add(line, col, didYouMean(pattern, l.rc.names), "labels: %q matches no known tool", pattern)
			continue
		}
		items, ok := l.list(kv.Value, "labels of "+pattern)
		if !ok {
			continue
		}
		for _, item := range items {
			s, ok := l.str(item, "a label")
			if !ok {
				continue
			}
			if !validName(s) {
				il, ic := l.pos(item)
				l.ps.add(il, ic, "labels are words such as private, external, untrusted", "bad label %q", s)
				continue
			}
			l.pol.labels[pattern] = append(l.pol.labels[pattern], s)
		}
	}
}

func (l *loader) flowRules(n ast.Node) {
	items, ok := l.list(n, "flows")
	if !ok {
		return
	}
	for _, item := range items {
		m, ok := l.mapping(item, "a flow rule")
		if !ok || m == nil {
			continue
		}
		line, col := l.pos(item)
		fields := l.fields(m, "flow rule", flowRuleKeys)
		r := FlowRule{Uncertain: "deny", Timing: "deny", line: line, col: col}
		if f, ok := fields["timing"]; ok {
			if s, ok := l.str(f, "timing"); ok {
				if s != "deny" && s != "allow" {
					fl, fc := l.pos(f)
					l.ps.add(fl, fc, "write deny (no clock for programs between the labels) or allow", "timing must be deny or allow, not %q", s)
					continue
				}
				r.Timing = s
			}
		}
		if f, ok := fields["reason"]; ok {
			r.Reason, _ = l.str(f, "reason")
		}
		if f, ok := fields["uncertain"]; ok {
			if s, ok := l.str(f, "uncertain"); ok {
				if s != "deny" && s != "check" {
					fl, fc := l.pos(f)
					l.ps.add(fl, fc, "write deny (refuse before running) or check (tag values at run time)", "uncertain must be deny or check, not %q", s)
					continue
				}
				r.Uncertain = s
			}
		}
		deny, ok := fields["deny"]
		if !ok {
			l.ps.add(line, col, "write deny: {from: private, to: external}", "flow rule has no deny")
			continue
		}
		dm, ok := l.mapping(deny, "deny")
		if !ok || dm == nil {
			continue
		}
		for key, v := range l.fields(dm, "flow rule deny", flowDenyKeys) {
			s, ok := l.str(v, key)
			if !ok {
				continue
			}
			switch key {
			case "from":
				r.From = s
			case "to":
				r.To = s
			case "arg":
				r.Arg = s
			case "kind":
				if s != "data" && s != "control" {
					vl, vc := l.pos(v)
					l.ps.add(vl, vc, "", "kind must be data or control, not %q", s)
				}
				r.Kind = s
			}
		}
		if r.From == "" || r.To == "" {
			l.ps.add(line, col, "write deny: {from: private, to: external}", "a flow rule needs from and to")
			continue
		}
		l.pol.flows = append(l.pol.flows, r)
	}
}

// checkFlows reports the plan's flows that a flow rule denies. A flow the
// analysis could not rule out is denied too, unless the rule says to check
// it at run time.
func checkFlows(p *plan.Plan, pol *Policy) []Violation {
	var out []Violation
	labelled := func(i int, label string) bool {
		if i < 0 {
			return label == "output"
		}
		return i < len(p.Uses) && slices.Contains(pol.Labels(p.Uses[i].Tool), label)
	}
	for _, r := range pol.flows {
		for _, f := range p.Flows {
			if !labelled(f.From, r.From) || !labelled(f.To, r.To) ||
				r.Arg != "" && f.Arg != r.Arg || r.Kind != "" && f.Kind != r.Kind {
				continue
			}
			if !f.Certain && r.Uncertain == "check" {
				continue
			}

			out = append(out, flowViolation(p, f, r))
		}
	}
	out = append(out, checkTiming(p, pol, labelled)...)
	out = append(out, checkBudget(p, pol, labelled)...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return out
}

// checkTiming refuses the clock to a program that uses tools of both
// labels of a rule that closes timing: the first use of each, and every
// use of the clock, are named.
func checkTiming(p *plan.Plan, pol *Policy, labelled func(int, string) bool) []Violation {
	clock := p.Clock
	if len(clock) == 0 {
		return nil
	}
	first := func(label string) int {
		if label == "output" {
			return -1
		}
		for i := range p.Uses {
			if labelled(i, label) {
				return i
			}
		}
		return -2
	}
	var out []Violation
	done := map[plan.Pos]bool{}
	for _, r := range pol.flows {
		if r.Timing != "deny" || r.Kind == "data" || r.Arg != "" {
			continue
		}
		from, to := first(r.From), first(r.To)
		if from < 0 || to == -2 {
			continue
		}
		sink := "the program's output"
		if to >= 0 {
			sink = fmt.Sprintf("%s at %d:%d (%s)", p.Uses[to].Tool, p.Uses[to].Pos.Line, p.Uses[to].Pos.Col, r.To)
		}
		for _, n := range clock {
			if done[n.Pos] {
				continue
			}
			done[n.Pos] = true
			what := n.Func
			hint := r.Reason
			if hint == "" {
				hint = fmt.Sprintf("the policy denies flows from %s tools to %s", r.From, r.To)
			}
			hint += "; when a program uses both, it may not time itself: drop " + what + ", or split the work into two programs"
			out = append(out, Violation{Pos: n.Pos, Rule: RuleFlow,
				Message: fmt.Sprintf("%s can carry what %s at %d:%d (%s) returns to %s through timing",
					what, p.Uses[from].Tool, p.Uses[from].Pos.Line, p.Uses[from].Pos.Col, r.From, sink),
				Hint: hint})
		}
	}
	return out
}

// checkBudget refuses the channel through the run's tool_calls budget: a
// source that decides whether or how often tool calls are made decides how
// much budget a later sink call finds, and whether it is refused. A
// program whose call bound is within the policy's limit cannot run out.
func checkBudget(p *plan.Plan, pol *Policy, labelled func(int, string) bool) []Violation {
	if p.CallBound != nil && p.CallBound.Bounded && p.CallBound.Max <= pol.Limits.ToolCalls {
		return nil
	}
	for _, r := range pol.flows {
		if r.Kind == "data" || r.Arg != "" {
			continue
		}
		sink := -1
		for i := range p.Uses {
			if labelled(i, r.To) {
				sink = i
				break
			}
		}
		if sink < 0 {
			continue
		}
		for _, f := range p.Flows {
			if f.Kind != "control" || f.To < 0 || !labelled(f.From, r.From) {
				continue
			}
			src, spent := p.Uses[f.From], p.Uses[f.To]
			return []Violation{{Pos: spent.Pos, Rule: RuleFlow,
				Message: fmt.Sprintf("cannot rule out that %s at %d:%d (%s) decides how much of the run's %d tool calls %s at %d:%d spends, and so whether %s at %d:%d (%s) is refused (%s)",
					src.Tool, src.Pos.Line, src.Pos.Col, r.From, pol.Limits.ToolCalls, spent.Tool, spent.Pos.Line, spent.Pos.Col,
					p.Uses[sink].Tool, p.Uses[sink].Pos.Line, p.Uses[sink].Pos.Col, r.To, plan.WhyCallBudget),
				Hint: "bound the tool calls with a constant loop bound under the policy's tool_calls limit, or make fewer calls"}}
		}
	}
	return nil
}

// flowViolation names the source, the sink and the path between them.
func flowViolation(p *plan.Plan, f plan.Flow, r FlowRule) Violation {
	src := p.Uses[f.From]
	sink, at := "the program's output", f.Path[len(f.Path)-1]
	if f.To >= 0 {
		sink = p.Uses[f.To].Tool
		at = p.Uses[f.To].Pos
		if f.Arg != "" {
			sink += " (argument " + f.Arg + ")"
		}
	} else if len(f.Path) == 0 {
		at = src.Pos
	}
	var steps []string
	for _, s := range f.Path {
		steps = append(steps, fmt.Sprintf("%d:%d", s.Line, s.Col))
	}
	how := "reaches"
	if f.Kind == "control" {
		how = "decides whether or how it runs"
		if f.To >= 0 {
			how = "decides whether or how " + sink + " runs"
		}
	}
	msg := fmt.Sprintf("%s at %d:%d (%s) %s", src.Tool, src.Pos.Line, src.Pos.Col, r.From, how)
	if f.Kind != "control" {
		msg += fmt.Sprintf(" %s at %d:%d (%s)", sink, at.Line, at.Col, r.To)
	}
	if len(steps) > 0 {
		msg += ", through " + strings.Join(steps, " → ")
	}
	if !f.Certain {
		msg = "cannot rule out that " + msg
		if f.Why != "" {
			msg += " (" + f.Why + ")"
		}
	}
	hint := r.Reason
	if hint == "" {
		hint = fmt.Sprintf("the policy denies flows from %s tools to %s", r.From, r.To)
	}
	if f.Kind == "control" && f.To >= 0 && len(f.Path) > 1 {
		// Where the program first depends on the source: the call goes
		// free of it when made before.
		first := f.Path[1]
		hint += fmt.Sprintf("; make the %s call before %d:%d, where the program first depends on what %s returns", p.Uses[f.To].Tool, first.Line, first.Col, src.Tool)
	} else {
		hint += "; keep what the first tool returns out of what the second receives"
	}
	return Violation{Pos: at, Rule: RuleFlow, Message: msg, Hint: hint}
}
