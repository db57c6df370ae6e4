// Package plan statically analyses an agent-written program before it runs:
// what it imports, every place it uses a tool and the arguments known before
// run time, and findings for what must never run. It is the driver of the
// planner's passes over the data of package model: this package's own
// (parsing, type checking, imports, tool uses), the flows, the call bound
// and determinism notes, and the interpreter-compatibility rewrites
// (internal/compat).
//
// plan never imports the policy language nor the interpreter: a plan is
// plain data that verify judges and exec runs.
package plan

import (
	"time"

	"github.com/airlockhq/airlock/plan/model"
)

// MaxSource is the largest program plan accepts, checked before parsing:
// parser and type-checker cost grows with hostile nesting.
const MaxSource = 64 << 10

// The plan's data, defined in package model so that the passes beside
// the planner can write it; see model.
type (
	Plan        = model.Plan
	Pos         = model.Pos
	Import      = model.Import
	ToolUse     = model.ToolUse
	Arg         = model.Arg
	Call        = model.Call
	Finding     = model.Finding
	Rewrite     = model.Rewrite
	ToolPackage = model.ToolPackage
	Flow        = model.Flow
	Note        = model.Note
	CallBound   = model.CallBound
	ClockUse    = model.ClockUse
)

// MaxCallBound caps CallBound.Max.
const MaxCallBound = model.MaxCallBound

// WhyCallBudget is model.WhyCallBudget.
const WhyCallBudget = model.WhyCallBudget

// DefaultTimeout bounds the analysis of one program when Options.Timeout is
// not set. An ordinary 1,000-line program takes about 10 ms.
const DefaultTimeout = 3 * time.Second

// Options configure Build.
type Options struct {
	// Timeout bounds type checking and analysis; past it the plan carries a
	// "too-complex" finding and the program is refused.
	Timeout time.Duration

	// Tools are the tool packages a program may import. Importing any other
	// airlock/... path is a finding.
	Tools []ToolPackage
}
