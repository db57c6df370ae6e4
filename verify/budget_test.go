package verify

import (
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan"
)

// A source that decides how many tool calls are made decides whether a
// later sink call finds the run's tool_calls budget spent: refused unless
// the program's call bound is within the limit; a data-only rule leaves it.
func TestBudgetChannel(t *testing.T) {
	const policy = `name: budget
tools:
  fs.ReadFile: {}
  fs.ReadDir: {}
  http.Post: {}
labels:
  fs.*: [private]
  http.Post: [external]
flows:
  - deny: {from: private, to: external}
limits: {tool_calls: 100}
`
	p := &plan.Plan{
		Uses: []plan.ToolUse{
			{Tool: "fs.ReadDir", Pos: plan.Pos{Line: 3, Col: 2}},
			{Tool: "fs.ReadFile", Pos: plan.Pos{Line: 5, Col: 3}},
			{Tool: "http.Post", Pos: plan.Pos{Line: 8, Col: 2}},
		},
		// The directory's entries decide how often the file is read.
		Flows: []plan.Flow{{From: 0, To: 1, Kind: "control", Certain: true, Path: []plan.Pos{{Line: 3, Col: 2}, {Line: 4, Col: 2}}}},
	}
	pol := mustLoad(t, policy)
	labelled := func(i int, label string) bool {
		return i >= 0 && i < len(p.Uses) && strings.HasPrefix(p.Uses[i].Tool, map[string]string{"private": "fs.", "external": "http."}[label])
	}

	p.CallBound = &plan.CallBound{Bounded: false}
	v := checkBudget(p, pol, labelled)
	if len(v) != 1 || !strings.Contains(v[0].Message, "decides how much of the run's 100 tool calls fs.ReadFile at 5:3 spends, and so whether http.Post at 8:2 (external) is refused") {
		t.Fatalf("unbounded calls: %+v", v)
	}
	p.CallBound = &plan.CallBound{Bounded: true, Max: 40}
	if v := checkBudget(p, pol, labelled); len(v) != 0 {
		t.Errorf("a call bound within the limit cannot run out: %+v", v)
	}
	p.CallBound = &plan.CallBound{Bounded: true, Max: 400}
	if v := checkBudget(p, pol, labelled); len(v) != 1 {
		t.Errorf("a call bound over the limit: %+v", v)
	}
	dataOnly := mustLoad(t, strings.Replace(policy, "{from: private, to: external}", "{from: private, to: external, kind: data}", 1))
	if v := checkBudget(p, dataOnly, labelled); len(v) != 0 {
		t.Errorf("a data-only rule: %+v", v)
	}
}
