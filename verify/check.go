package verify

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/airlockhq/airlock/plan"
)

// The decisions on one tool use before the program runs.
const (
	Allowed  = "allowed"  // the rule holds on the known arguments
	Denied   = "denied"   // the tool is not granted, or the rule fails on the known arguments
	Deferred = "deferred" // the rule reads an argument only known at run time
)

// Violation rule identifiers, besides the planner's finding rules, which
// are passed through.
const (
	RuleImport   = "import"     // an import the policy does not allow
	RuleTool     = "tool"       // a use of a tool the policy does not grant
	RuleDenied   = "rule"       // a tool use its rule denies
	RuleArgument = "argument"   // a known argument the tool itself refuses
	RuleDeferred = "deferred"   // a use that cannot be checked statically, in strict mode
	RuleProgram  = "program"    // a program rule that matched
	RulePolicy   = "policy"     // no usable policy
	RuleCalls    = "tool_calls" // more tool calls than the policy's limit, certainly
)

// ruleFailed starts the reason of a denial by a rule that failed to
// evaluate, such as one given an argument of the wrong type.
const ruleFailed = "rule failed: "

// argumentRefused starts the reason for a known argument the tool's
// provider refuses.
const argumentRefused = "argument refused: "

// CheckOptions configure Check.
type CheckOptions struct {
	// Strict rejects tool uses that could only be checked at run time.
	Strict bool
	// Canonical, when set, puts the arguments of a call whose arguments
	// are all known into the canonical form the tool's provider will use at
	// run time, so rules judge the same values before and during the run.
	// An error denies the use: the provider would refuse the call.
	Canonical func(tool string, args []plan.Arg) (map[string]any, error)
}

// Verdict is the judgement of a plan under a policy. Only Check makes
// verdicts, and only a verdict Check approved lets exec run a program: the
// approval is not a field anyone else can set.
type Verdict struct {
	File       string
	Uses       []UseVerdict // one per tool use, in the plan's order
	Violations []Violation  // sorted by position

	approved bool
	strict   bool
	notes    []plan.Note // the check's own remarks, beside the plan's
	plan     *plan.Plan
	source   []byte
	policy   *Policy
}

// UseVerdict is the decision on one tool use.
type UseVerdict struct {
	Use      plan.ToolUse
	Decision string // Allowed, Denied or Deferred
	Rule     string // the policy rule that decided, on one line; "" when none applies
	Reason   string
}

// Violation is one reason a plan is not approved.
type Violation struct {
	Pos     plan.Pos `json:"pos"`
	Rule    string   `json:"rule"` // RuleImport, RuleTool, ..., or a planner finding's rule
	Message string   `json:"message"`
	Hint    string   `json:"hint,omitempty"`
}

// Approved reports whether the program may run.
func (v *Verdict) Approved() bool { return v != nil && v.approved }

// Strict reports whether the verdict was reached in strict mode.
func (v *Verdict) Strict() bool { return v.strict }

// Plan returns the plan that was judged.
func (v *Verdict) Plan() *plan.Plan { return v.plan }

// Source returns a copy of the program as judged: what exec runs.
func (v *Verdict) Source() []byte { return slices.Clone(v.source) }

// Policy returns the policy the plan was judged by.
func (v *Verdict) Policy() *Policy { return v.policy }

// NewChecker returns a run-time checker for the judged program: its policy,
// with imports() in program rules answering for the plan's imports.
func (v *Verdict) NewChecker() *Checker {
	c := v.policy.NewChecker()
	c.imports = planImports(v.plan)
	return c
}

// MarshalJSON writes the verdict as one object, including approval.
func (v *Verdict) MarshalJSON() ([]byte, error) {
	uses := v.Uses
	if uses == nil {
		uses = []UseVerdict{}
	}
	violations := v.Violations
	if violations == nil {
		violations = []Violation{}
	}
	var policy string
	if v.policy != nil {
		policy = v.policy.Name
	}
	var notes []plan.Note
	var flows []plan.Flow
	if v.plan != nil {
		notes, flows = append(slices.Clone(v.plan.Notes), v.notes...), v.plan.Flows
	}
	return json.Marshal(struct {
		File       string       `json:"file"`
		Policy     string       `json:"policy"`
		Approved   bool         `json:"approved"`
		Strict     bool         `json:"strict,omitempty"`
		Uses       []UseVerdict `json:"tool_uses"`
		Violations []Violation  `json:"violations"`
		Notes      []plan.Note  `json:"notes,omitempty"`
		Flows      []plan.Flow  `json:"flows,omitempty"`
	}{v.File, policy, v.approved, v.strict, uses, violations, notes, flows})
}

// MarshalJSON writes the use and its decision as one flat object.
func (u UseVerdict) MarshalJSON() ([]byte, error) {
	args := u.Use.Args
	if args == nil {
		args = []plan.Arg{}
	}
	return json.Marshal(struct {
		Tool     string     `json:"tool"`
		Kind     string     `json:"kind"`
		Context  string     `json:"context,omitempty"`
		Pos      plan.Pos   `json:"pos"`
		Args     []plan.Arg `json:"args"`
		Decision string     `json:"decision"`
		Rule     string     `json:"rule,omitempty"`
		Reason   string     `json:"reason,omitempty"`
	}{u.Use.Tool, u.Use.Kind, u.Use.Context, u.Use.Pos, args, u.Decision, u.Rule, u.Reason})
}

// Check judges a plan under a policy. The plan is approved when it has no
// findings, imports only what the policy allows, uses no tool the policy
// denies, and matches no program rule; in strict mode, also when no tool use
// is deferred to run time.
func Check(p *plan.Plan, pol *Policy, opts CheckOptions) *Verdict {
	v := &Verdict{strict: opts.Strict, policy: pol, plan: p}
	if p == nil {
		v.Violations = []Violation{{Pos: plan.Pos{Line: 1, Col: 1}, Rule: RulePolicy, Message: "no program to check"}}
		return v
	}
	v.File = p.File
	v.source = slices.Clone(p.Source)
	if pol == nil {
		v.Violations = []Violation{{Pos: plan.Pos{Line: 1, Col: 1}, Rule: RulePolicy, Message: "no policy to check against"}}
		return v
	}

	refused := map[plan.Pos]bool{} // imports the policy refuses, with a policy-specific hint
	for _, imp := range p.Imports {
		if !pol.AllowsImport(imp.Path) {
			v.Violations = append(v.Violations, pol.importViolation(imp))
			refused[imp.Pos] = true
		}
	}
	for _, f := range p.Findings {
		if f.Rule == "unavailable" && refused[f.Pos] {
			continue // said once, by the import violation
		}
		v.Violations = append(v.Violations, Violation{Pos: f.Pos, Rule: f.Rule, Message: f.Message, Hint: f.Hint})
	}
	for _, u := range p.Uses {
		uv := pol.judge(u, opts.Canonical)
		v.Uses = append(v.Uses, uv)
		switch {
		case uv.Decision == Denied:
			rule, hint := RuleDenied, ""
			if strings.HasPrefix(uv.Reason, argumentRefused) {
				rule = RuleArgument
				if uv.Rule != "" {
					hint = fmt.Sprintf("%s is allowed when %s", u.Tool, uv.Rule)
				}
			} else if uv.Rule == "" {
				rule, hint = RuleTool, pol.grantedHint(u.Tool)
			} else if !strings.HasPrefix(uv.Reason, ruleFailed) {
				hint = fmt.Sprintf("%s is allowed when %s", u.Tool, uv.Rule)
			}
			v.Violations = append(v.Violations, Violation{
				Pos: u.Pos, Rule: rule, Hint: hint,
				Message: fmt.Sprintf("%s denied: %s", describeUse(u), uv.Reason),
			})
		case uv.Decision == Deferred && opts.Strict:
			v.Violations = append(v.Violations, Violation{
				Pos: u.Pos, Rule: RuleDeferred,
				Message: fmt.Sprintf("%s cannot be checked before the program runs: %s", describeUse(u), uv.Reason),
				Hint:    "pass constant arguments so the policy can check them before the program runs",
			})
		}
	}
	v.Violations = append(v.Violations, pol.checkProgram(p)...)
	v.Violations = append(v.Violations, checkFlows(p, pol)...)
	v.checkCalls(p, pol)

	slices.SortStableFunc(v.Violations, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col), strings.Compare(a.Rule, b.Rule))
	})
	v.approved = len(v.Violations) == 0
	return v
}

// judge decides one tool use on what is known before the program runs.
func (p *Policy) judge(u plan.ToolUse, canonical func(string, []plan.Arg) (map[string]any, error)) UseVerdict {
	uv := UseVerdict{Use: u}
	g, ok := p.tools[u.Tool]
	if !ok {
		uv.Decision, uv.Reason = Denied, p.notGranted(u.Tool)
		return uv
	}
	r := g.rule
	if r != nil {
		uv.Rule = r.text
	}
	if u.Kind == "value" && len(u.Calls) > 0 {
		// Every call made through the variable holding it is known.
		return p.judgeCalls(u, canonical)
	}
	if u.Kind == "value" {
		// The arguments of a tool passed around as a value are only
		// known when it is called, unless the rule reads none and fails.
		if r != nil && !r.dynamic && len(r.args) == 0 {
			if ok, err := r.evalTool(g.name, map[string]any{}); err != nil || !ok {
				uv.Decision, uv.Reason = Denied, g.denyReason()
				return uv
			}
		}
		uv.Decision, uv.Reason = Deferred, "used as a value: its arguments are checked when it is called"
		return uv
	}
	if variants := variants(u); variants != nil {
		return p.judgeEach(u, variants, canonical)
	}
	known := make(map[string]any, len(u.Args))
	for _, a := range u.Args {
		if a.Known {
			known[a.Name] = a.Value
		}
	}
	if canonical != nil && len(known) == len(u.Args) {
		canon, err := canonical(u.Tool, u.Args)
		if err != nil {
			uv.Decision, uv.Reason = Denied, argumentRefused+err.Error()
			return uv
		}
		if canon != nil {
			known = canon
		}
	}
	if r == nil {
		uv.Decision, uv.Reason = Allowed, "granted for any arguments"
		return uv
	}
	needed := r.args
	if r.dynamic {
		needed = g.sig.Params
	}
	var unknown []string
	for _, name := range needed {
		if _, ok := known[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		uv.Decision = Deferred
		uv.Reason = fmt.Sprintf("%s only known at run time", plural(unknown, "argument %s is", "arguments %s are"))
		return uv
	}
	ok, err := r.evalTool(g.name, known)
	switch {
	case err != nil:
		uv.Decision, uv.Reason = Denied, ruleFailed+err.Error()
	case !ok:
		uv.Decision, uv.Reason = Denied, g.denyReason()
	default:
		uv.Decision, uv.Reason = Allowed, "rule holds"
	}
	return uv
}

// checkProgram evaluates the program rules on the tools the plan uses and
// the packages it imports.
func (p *Policy) checkProgram(pl *plan.Plan) []Violation {
	if len(p.program) == 0 {
		return nil
	}
	tools := planTools(pl)
	imports := planImports(pl)
	var out []Violation
	for _, r := range p.program {
		deny, err := r.evalProgram(tools, imports)
		if err == nil && !deny {
			continue
		}
		msg := programMessage(r, err)
		out = append(out, Violation{Pos: lastUse(pl, r.tools), Rule: RuleProgram, Message: msg, Hint: "the policy denies programs where " + r.text})
	}
	return out
}

// programMessage explains a program rule's denial.
func programMessage(r *rule, err error) string {
	switch {
	case err != nil:
		return "program rule failed: " + err.Error()
	case r.reason != "":
		return "program denied: " + r.reason
	}
	return "program denied by rule " + r.text
}

// lastUse returns the position of the last use of any of tools, where a
// combination the rule forbids is completed; without one, the top of the
// file.
func lastUse(pl *plan.Plan, tools []string) plan.Pos {
	pos := plan.Pos{Line: 1, Col: 1}
	found := false
	for _, u := range pl.Uses {
		if !slices.Contains(tools, u.Tool) {
			continue
		}
		if !found || u.Pos.Line > pos.Line || u.Pos.Line == pos.Line && u.Pos.Col > pos.Col {
			pos, found = u.Pos, true
		}
	}
	return pos
}

// importViolation explains an import the policy does not allow.
func (p *Policy) importViolation(imp plan.Import) Violation {
	v := Violation{Pos: imp.Pos, Rule: RuleImport}
	allowed := p.allowedImports()
	provider, isTool := strings.CutPrefix(imp.Path, toolPackagePrefix)
	provider = strings.TrimPrefix(provider, "mcp/")
	switch {
	case imp.Tool || isTool && slices.Contains(providerNames(p.known), provider):
		v.Message = fmt.Sprintf("import %q is not allowed: policy %s grants no %s tools", imp.Path, p.Name, provider)
		v.Hint = p.grantedHint("")
	case isTool || alwaysAllowed(imp.Path):
		v.Message = fmt.Sprintf("import %q is not allowed: no such tool package", imp.Path)
		v.Hint = p.grantedHint("")
	case sandboxPackages()[imp.Path]:
		v.Message = fmt.Sprintf("import %q is not allowed by policy %s", imp.Path, p.Name)
		v.Hint = importHint(imp.Path, allowed)
	default:
		v.Message = fmt.Sprintf("import %q is not allowed: the sandbox does not provide it", imp.Path)
		v.Hint = importHint(imp.Path, allowed)
	}
	return v
}

// planTools returns the tools a plan uses, sorted, each once.
func planTools(pl *plan.Plan) []string {
	var tools []string
	for _, u := range pl.Uses {
		tools = append(tools, u.Tool)
	}
	slices.Sort(tools)
	return slices.Compact(tools)
}

// planImports returns the packages a plan imports, sorted, each once.
func planImports(pl *plan.Plan) []string {
	if pl == nil {
		return nil
	}
	var paths []string
	for _, imp := range pl.Imports {
		paths = append(paths, imp.Path)
	}
	slices.Sort(paths)
	return slices.Compact(paths)
}

// describeUse writes a tool use the way the program wrote it, shortened.
func describeUse(u plan.ToolUse) string {
	if u.Kind == "value" {
		return u.Tool + " (used as a value)"
	}
	exprs := make([]string, len(u.Args))
	for i, a := range u.Args {
		exprs[i] = a.Expr
	}
	args := strings.Join(exprs, ", ")
	if r := []rune(args); len(r) > 60 {
		args = string(r[:57]) + "..."
	}
	return u.Tool + "(" + args + ")"
}

// plural formats names with the singular or plural form of a phrase.
func plural(names []string, one, many string) string {
	if len(names) == 1 {
		return fmt.Sprintf(one, names[0])
	}
	return fmt.Sprintf(many, strings.Join(names, ", "))
}

// callsHint is what to do about a program that makes more tool calls than
// the policy allows.
const callsHint = "fetch in bulk (one call returning many items) instead of one call per item, or make fewer calls; or raise limits.tool_calls in the policy"

// checkCalls compares the plan's call bound with the policy's tool_calls
// limit: a program certain to make more calls than it (when it does not
// fail first) is refused, naming the bound and the loop that makes most of
// them; one that may make more gets a note.
func (v *Verdict) checkCalls(p *plan.Plan, pol *Policy) {
	b, limit := p.CallBound, pol.Limits.ToolCalls
	if b == nil {
		return
	}
	at, where := plan.Pos{Line: 1, Col: 1}, ""
	if b.Loop != nil {
		at = b.Loop.Pos
		where = fmt.Sprintf(" (the loop `%s` at %d:%d makes %d of them)", b.Loop.Header, b.Loop.Pos.Line, b.Loop.Pos.Col, b.Loop.Calls)
	}
	switch {
	case b.Min > limit:
		v.Violations = append(v.Violations, Violation{Pos: at, Rule: RuleCalls, Hint: callsHint,
			Message: fmt.Sprintf("the program makes at least %d tool calls when it runs%s, over the policy's limit of %d: the run would end at the limit", b.Min, where, limit)})
	case b.Bounded && b.Max > limit:
		v.notes = append(v.notes, plan.Note{Pos: at, Rule: RuleCalls, Hint: callsHint,
			Message: fmt.Sprintf("the program may make up to %d tool calls, over the policy's limit of %d: a run that makes them ends at the limit", b.Max, limit)})
	}
}

// maxVariants caps the combinations of argument values judged one by one.
const maxVariants = 64

// variants returns the use once per combination of the values its
// arguments may take, each argument known, when some argument has a set
// of values and the combinations are few enough; else nil.
func variants(u plan.ToolUse) []plan.ToolUse {
	n, sets := 1, false
	for _, a := range u.Args {
		if len(a.Values) > 0 {
			sets = true
			if n *= len(a.Values); n > maxVariants {
				return nil
			}
		}
	}
	if !sets {
		return nil
	}
	out := []plan.ToolUse{u}
	for i, a := range u.Args {
		if len(a.Values) == 0 {
			continue
		}
		var next []plan.ToolUse
		for _, v := range out {
			for _, x := range a.Values {
				w := v
				w.Args = slices.Clone(v.Args)
				w.Args[i] = plan.Arg{Name: a.Name, Known: true, Value: x, Expr: a.Expr}
				next = append(next, w)
			}
		}
		out = next
	}
	return out
}

// judgeEach judges a use whose arguments may take several values: allowed
// when every combination is, denied when every one is, and otherwise
// checked when the program runs, on the values it passes.
func (p *Policy) judgeEach(u plan.ToolUse, variants []plan.ToolUse, canonical func(string, []plan.Arg) (map[string]any, error)) UseVerdict {
	allowed, denied := 0, 0
	var first UseVerdict
	for i, v := range variants {
		uv := p.judge(v, canonical)
		if i == 0 {
			first = uv
		}
		switch uv.Decision {
		case Allowed:
			allowed++
		case Denied:
			if denied == 0 {
				first = uv
			}
			denied++
		}
	}
	uv := UseVerdict{Use: u, Rule: first.Rule}
	switch {
	case allowed == len(variants):
		uv.Decision, uv.Reason = Allowed, fmt.Sprintf("allowed for each of the %d values its arguments may take", len(variants))
	case denied == len(variants):
		uv.Decision, uv.Reason = Denied, first.Reason
	default:
		uv.Decision = Deferred
		uv.Reason = fmt.Sprintf("of the %d values its arguments may take, %d are allowed and %d denied: the one it passes is checked when it runs", len(variants), allowed, denied)
		if denied == 0 {
			uv.Reason = fmt.Sprintf("some of the %d values its arguments may take can only be checked when it runs", len(variants))
		}
	}
	return uv
}

// judgeCalls judges a tool held in a variable by the calls made through
// it: allowed when every one is, denied when one is (it is certainly made
// with those arguments when reached), else checked when it runs.
func (p *Policy) judgeCalls(u plan.ToolUse, canonical func(string, []plan.Arg) (map[string]any, error)) UseVerdict {
	uv := UseVerdict{Use: u}
	allowed := 0
	for _, c := range u.Calls {
		cv := p.judge(plan.ToolUse{Tool: u.Tool, Kind: "call", Context: u.Context, Pos: c.Pos, Args: c.Args}, canonical)
		uv.Rule = cv.Rule
		switch cv.Decision {
		case Allowed:
			allowed++
		case Denied:
			uv.Decision, uv.Reason = Denied, fmt.Sprintf("called through a variable at %d:%d: %s", c.Pos.Line, c.Pos.Col, cv.Reason)
			return uv
		}
	}
	if allowed == len(u.Calls) {
		uv.Decision, uv.Reason = Allowed, fmt.Sprintf("each of its %d calls through a variable is allowed", len(u.Calls))
		return uv
	}
	uv.Decision, uv.Reason = Deferred, "some calls through a variable have arguments only known at run time"
	return uv
}
