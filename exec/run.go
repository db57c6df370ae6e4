// Package exec runs an approved program in a sandboxed child process and
// builds the summary the model reads. The parent side (Run) starts the child
// (package exec/child: airlock-sandbox, or the running binary re-executed),
// serves its tool calls after checking each against the policy, enforces the
// limits, and is the only writer of the summary.
package exec

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	osexec "os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

// Options adjust a run. Zero values take the policy's limits.
type Options struct {
	Timeout   time.Duration
	Memory    int64
	MaxTokens int
	// RequireIsolation refuses to run unless every sandbox layer is active.
	RequireIsolation bool
	// Self is the binary to re-execute as the child; default: this one.
	Self string
	// Pool, when set, provides pre-started children for Go programs.
	Pool *Pool
	// Trace, when set, receives the audit trace: a JSON line per tool call
	// (tool, canonical arguments, verdict, duration, bytes in and out), then
	// one with the run's final status.
	Trace io.Writer
	// RunID names the run in its summary and trace; NewRunID when empty.
	RunID string
	// MCP says the run came through airlock mcp: hints name the MCP tools a
	// model can call, not commands.
	MCP bool
	// Early has Run return as soon as a Go program's final report and all
	// its output are in, while the kernel may still be ending the process;
	// Summary.Wait returns once it has ended and its cgroup is gone. The
	// summary's CPU time and peak memory are then the child's own count
	// at its report.
	Early bool
}

// reapGrace is how long a child that has made its final report may take
// to end before it is killed.
const reapGrace = 2 * time.Second

// NewRunID returns a unique run id that sorts in the order runs started:
// the UTC time to the microsecond, then 48 random bits.
func NewRunID() string {
	var b [6]byte
	rand.Read(b[:])
	return time.Now().UTC().Format("20060102T150405.000000Z") + "-" + hex.EncodeToString(b[:])
}

// policyHint is where a model learns what the policy allows.
func policyHint(mcp bool) string {
	if mcp {
		return "describe_tool and search_tools show what the policy allows"
	}
	return "`airlock policy show` lists what the policy allows"
}

// Run executes the program of an approved verdict and returns its summary.
// A verdict that is not approved yields a "denied" summary without running
// anything.
func Run(ctx context.Context, v *verify.Verdict, reg *tools.Registry, opts Options) *Summary {
	pol := v.Policy()
	lim := pol.Limits
	if opts.Timeout > 0 {
		lim.Timeout = opts.Timeout
	}
	if opts.Memory > 0 {
		lim.Memory = opts.Memory
	}
	if opts.RunID == "" {
		opts.RunID = NewRunID()
	}
	s := &Summary{Status: StatusOK, Policy: pol.Name, Sandbox: Sandbox{Active: []string{}}, RunID: opts.RunID}
	if !v.Approved() {
		s.Status = StatusDenied
		s.Violations = violations(v)
		s.Error = &ErrorInfo{Kind: "denied", Message: "the policy refused the program before it ran",
			Hint: "fix the listed violations; " + policyHint(opts.MCP)}
		(&tracer{w: opts.Trace}).write(TraceEnd{Time: now(), Run: opts.RunID, Status: s.Status, Error: s.Error.Message})
		return s
	}
	r := &runner{
		plan: v.Plan(), source: v.Source(), pol: pol, checker: v.NewChecker(), reg: reg, lim: lim, opts: opts,
		summary: s, calls: map[string]*CallStats{}, tracer: &tracer{w: opts.Trace}, taint: newTaint(pol),
	}
	// What belongs to this run travels with its context, never on the
	// registry that concurrent runs share.
	ctx = tools.WithShellRunner(ctx, r.shellRun)
	ctx = tools.WithRedirectCheck(ctx, func(tool string, args map[string]any) error {
		if d := r.checker.Check(tool, args); !d.Allowed {
			return fmt.Errorf("redirect refused by the policy: %s", d.Reason)
		}
		return nil
	})
	r.run(ctx)
	end := TraceEnd{Time: now(), Run: opts.RunID, Status: s.Status, Limit: s.Limit, Calls: s.Stats.ToolCalls, Tokens: s.Stats.ToolDataTokens}
	if s.Error != nil {
		end.Error = s.Error.Message
	}
	r.tracer.write(end)
	return s
}

func violations(v *verify.Verdict) []Violation {
	var out []Violation
	for _, x := range v.Violations {
		out = append(out, Violation{Line: x.Pos.Line, Col: x.Pos.Col, Rule: x.Rule, Message: x.Message, Hint: x.Hint})
	}
	return out
}

type runner struct {
	plan    *plan.Plan
	source  []byte
	pol     *verify.Policy
	checker *verify.Checker
	reg     *tools.Registry
	lim     verify.Limits
	opts    Options
	summary *Summary
	// cancel ends the tool calls in flight when the parent stops the run:
	// a provider blocked in the kernel must not hold the run past its limits.
	cancel context.CancelFunc
	// guard is the program's child, which a refused call stops; set once
	// it has started.
	guard  stopper
	tracer *tracer
	taint  *taint // run-time flow checks; nil when the policy asks for none
	// shellCPU is the CPU time of the scripts a Go program ran.
	shellCPU time.Duration

	mu         sync.Mutex
	calls      map[string]*CallStats
	ncalls     int
	status     string // first terminal status decided by the parent
	limit      string
	errInfo    *ErrorInfo
	violation  *Violation
	progErr    *rpc.ProgramError
	done       bool
	final      bool       // the child made its final report (done or error)
	reported   *rpc.Usage // what the child said it used, in that report
	byCgroup   bool       // a cgroup caps the child's memory
	result     json.RawMessage
	dataBytes  int64 // bytes of results handed to the program
	dataTokens int   // their tokens, counted as they arrive
	// commandBytes and commandTokens are the part of those that scripts'
	// commands printed, counted.
	commandBytes  int64
	commandTokens int
	commandOver   int64          // bytes printed past the shells' cap, not counted
	counting      sync.WaitGroup // token counts still running
}

// stop records why the parent ends the run (the first reason wins) and kills
// the child.
func (r *runner) stop(g stopper, status, limit string, info *ErrorInfo) {
	r.mu.Lock()
	if r.status == "" {
		r.status, r.limit, r.errInfo = status, limit, info
	}
	r.mu.Unlock()
	r.cancel()
	g.Kill()
}

func (r *runner) run(ctx context.Context) {
	start := time.Now()
	ctx, r.cancel = context.WithCancel(ctx)
	defer r.cancel()
	s := r.summary
	stubs := map[string]string{}
	var packages []string
	slim := goLimits(r.lim)
	var script *child.ShellJob
	if r.plan.Language == "sh" {
		a, err := r.shellAccess()
		if err != nil {
			r.fail(StatusError, &ErrorInfo{Kind: "tool", Message: err.Error(),
				Hint: "set providers.shell.dir in the policy to the folder scripts work in"})
			return
		}
		script = &child.ShellJob{Script: string(r.source), Dir: a.Dir, Env: a.Env, Path: a.Path, Self: selfBinary()}
		slim = shellLimits(a, r.lim)
	}
	for _, imp := range r.plan.Imports {
		if !imp.Tool {
			packages = append(packages, imp.Path)
			continue
		}
		p, ok := r.reg.ByPath(imp.Path)
		if !ok {
			r.fail(StatusError, &ErrorInfo{Kind: "internal", Message: "no provider for " + imp.Path})
			return
		}
		src, err := stubSource(p.Package())
		if err != nil {
			r.fail(StatusError, &ErrorInfo{Kind: "internal", Message: err.Error()})
			return
		}
		stubs[imp.Path] = src
	}
	slices.Sort(packages)

	c := r.opts.Pool.get(slim, packages)
	var layers []sandbox.Layer
	if c != nil {
		defer r.opts.Pool.refill()
		layers = c.layers
	} else {
		var err error
		c, layers, err = r.opts.Pool.startChild(r.opts.Self, slim, r.opts.RequireIsolation)
		if err != nil && !errors.Is(err, errIsolation) {
			r.fail(StatusError, &ErrorInfo{Kind: "internal", Message: err.Error()})
			return
		}
	}
	for _, l := range layers {
		if l.Active {
			s.Sandbox.Active = append(s.Sandbox.Active, l.Name)
		} else {
			s.Sandbox.Missing = append(s.Sandbox.Missing, l.Name+": "+l.Detail)
		}
	}
	if r.opts.RequireIsolation && len(s.Sandbox.Missing) > 0 {
		if c != nil {
			c.discard()
		}
		r.fail(StatusError, &ErrorInfo{Kind: "isolation", Message: "sandbox layers missing: " + strings.Join(s.Sandbox.Missing, "; "),
			Hint: "run on a machine where every layer is available (Linux, root or user namespaces, a binary built with CGO_ENABLED=0), or drop --require-isolation"})
		return
	}
	defer c.reqR.Close()
	defer c.respW.Close()
	guard, stdin, stdout, stderr := c.h, c.stdin, c.stdout, c.stderr
	reqR, respW := c.reqR, c.respW
	r.mu.Lock()
	r.guard, r.byCgroup = guard, guard.memoryByCgroup()
	r.mu.Unlock()

	var overflow func()
	if r.lim.StopOnOutput {
		overflow = func() { r.stop(guard, StatusLimit, "output", nil) }
	}
	out := newCapture(r.lim.OutputBytes, overflow)
	errOut := newCapture(64<<10, nil)
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); io.Copy(out, stdout) }()
	go func() { defer wg.Done(); io.Copy(errOut, stderr) }()
	go func() { defer wg.Done(); r.serve(ctx, guard, reqR, respW) }()

	go func() {
		// A script runs as soon as its setup arrives; a Go program's
		// setup only confines the child and makes its interpreter. Either
		// way what the child runs of the program waits for its cgroup.
		if script != nil {
			guard.placed()
		}
		if !c.setUp {
			rpc.WriteFrame(stdin, child.Setup{Packages: packages, Limits: slim, MemoryByCgroup: guard.memoryByCgroup(), Shell: script})
		}
		if script == nil {
			guard.placed()
			rpc.WriteFrame(stdin, child.Job{Source: string(r.source), Stubs: stubs, ResultBytes: r.lim.ResultBytes})
		}
		stdin.Close()
	}()

	timer := time.AfterFunc(r.lim.Timeout, func() {
		r.mu.Lock()
		final := r.final
		r.mu.Unlock()
		if final {
			// The program ended in time; what is left is the process's
			// teardown, which the timeout does not judge.
			time.AfterFunc(reapGrace, guard.Kill)
			return
		}
		r.stop(guard, StatusTimeout, "", &ErrorInfo{Kind: "timeout",
			Message: fmt.Sprintf("the program ran longer than %s", r.lim.Timeout),
			Hint:    "do less work per run, avoid unbounded loops and waits, or raise the policy's timeout"})
	})
	stopCtx := context.AfterFunc(ctx, func() {
		r.stop(guard, StatusError, "", &ErrorInfo{Kind: "canceled", Message: "the run was canceled"})
	})
	wg.Wait()
	var usage sandbox.Usage
	var waitErr error
	if r.answerEarly(timer, stopCtx) {
		if u := r.reported; u != nil {
			usage = sandbox.Usage{CPU: time.Duration(u.CPUMicros) * time.Microsecond, PeakMemory: u.PeakBytes}
		}
		reaped := make(chan struct{})
		s.reaped = reaped
		go func() {
			kill := time.AfterFunc(reapGrace, guard.Kill)
			guard.wait() // nothing of the child outlives it
			kill.Stop()
			close(reaped)
		}()
	} else {
		usage, waitErr = guard.wait() // nothing of the child outlives it
		timer.Stop()
		stopCtx()
	}

	s.Stats.WallMillis = ms(time.Since(start))
	s.Stats.CPUMillis = ms(usage.CPU + r.shellCPU)
	s.Stats.PeakMemoryBytes = usage.PeakMemory
	s.Stats.OutputBytes = out.total
	kept := out.output()
	s.Output, s.gap = kept.String(), kept
	s.OutputNotUTF8 = invalidUTF8(s.Output)
	r.finish(waitErr, usage, errOut.String())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// answerEarly reports whether, with Options.Early, the run can be answered
// before its child has ended: a Go program's child made its final report,
// its output is all read, and neither the timeout, a cancel nor the
// parent's own checks have stopped it. It then stops the timeout and the cancel, whose
// work is done.
func (r *runner) answerEarly(timer *time.Timer, stopCtx func() bool) bool {
	r.mu.Lock()
	final := r.final
	r.mu.Unlock()
	// A script's commands may have been killed at the memory limit,
	// which only the cgroup's count shows once the child has ended.
	if !r.opts.Early || r.plan.Language != "go" || !final {
		return false
	}
	// Without a cgroup, a child whose memory passed the limit between two
	// looks of the parent's watch is judged by its report, once it has
	// ended (overMemory).
	if over, known := r.watchedPeak(); over || !known {
		return false
	}
	if !timer.Stop() || !stopCtx() {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status == ""
}

// watchedPeak judges a Go program's child that no cgroup held by the peak
// of its own memory in its final report: over reports it over the limit,
// known that there is a peak to judge. The parent's watch looks every few
// milliseconds (sandbox.Guard); a program that ends between two looks is
// judged by what the kernel recorded. A child with a cgroup, or without a
// limit, is never over and always known.
func (r *runner) watchedPeak() (over, known bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byCgroup || r.lim.Memory <= 0 || r.plan.Language != "go" {
		return false, true
	}
	if r.reported == nil || r.reported.AnonPeakBytes == 0 {
		return false, false
	}
	return r.reported.AnonPeakBytes > r.lim.Memory, true
}

func (r *runner) fail(status string, info *ErrorInfo) {
	r.summary.Status = status
	r.summary.Error = info
}

// finish decides the status. The parent's own reasons come first; then what
// the child reported over the RPC pipe; the child's exit status last. Text
// the program printed is never read as a status.
func (r *runner) finish(waitErr error, usage sandbox.Usage, stderr string) {
	s := r.summary
	s.Result = r.result
	if len(r.calls) > 0 {
		for _, st := range r.calls {
			st.Millis = math.Round(st.Millis*1000) / 1000
		}
		s.Calls = r.calls
	}
	s.Stats.ToolCalls = r.ncalls
	s.Stats.ToolDataBytes = r.dataBytes
	r.counting.Wait()
	if r.commandOver > 0 {
		rate := 0.25
		if r.commandBytes > 0 {
			rate = float64(r.commandTokens) / float64(r.commandBytes)
		}
		r.dataTokens += int(float64(r.commandOver) * rate)
	}
	s.Stats.ToolDataTokens = r.dataTokens
	if r.violation != nil {
		s.Violations = append(s.Violations, *r.violation)
	}

	r.mu.Lock()
	status, limit, errInfo := r.status, r.limit, r.errInfo
	r.mu.Unlock()
	signaled := waitSignaled(waitErr)
	watchedOver, _ := r.watchedPeak()
	switch {
	case status != "":
		s.Status, s.Limit, s.Error = status, limit, errInfo
		if s.Status == StatusLimit && s.Error == nil {
			s.Error = limitError(limit, r.lim)
		}
	case r.plan.Language == "sh" && r.lim.CPU > 0 && usage.CPU > r.lim.CPU:
		// RLIMIT_CPU is per process: a script's commands together are
		// judged by the cgroup's total when the run ends.
		s.Status, s.Limit, s.Error = StatusLimit, "cpu", limitError("cpu", r.lim)
	case usage.MemoryLimitHit || sandbox.RuntimeOutOfMemory(stderr) || watchedOver:
		s.Status, s.Limit, s.Error = StatusLimit, "memory", limitError("memory", r.lim)
	case usage.CPULimitHit || signaled && r.lim.CPU > 0 && usage.CPU >= r.lim.CPU:
		s.Status, s.Limit, s.Error = StatusLimit, "cpu", limitError("cpu", r.lim)
	case r.progErr != nil:
		s.Status = StatusError
		s.Error = &ErrorInfo{Kind: r.progErr.Kind, Message: r.progErr.Message, Line: r.progErr.Line, Col: r.progErr.Col,
			Hint: hintFor(r.progErr)}
		if r.progErr.Kind == "exit" {
			s.Error.ExitCode = r.progErr.Code
		}
	case r.done && (waitErr == nil || r.plan.Language == "go"):
		// A Go program's main returned (or it exited with 0): how the
		// process then ends is its teardown, not the program's.
		s.Status = StatusOK
	case r.plan.Language == "go" && !signaled && exitCode(waitErr) > 0 && firstRuntimeLine(stderr) == "":
		// The program ended the process itself, without a report: a
		// log.Logger's Fatal method, or flag's exit on a bad command line.
		code := exitCode(waitErr)
		s.Status = StatusError
		s.Error = &ErrorInfo{Kind: "exit", Message: fmt.Sprintf("exit status %d", code), ExitCode: code,
			Hint: hintFor(&rpc.ProgramError{Kind: "exit"})}
	default:
		s.Status = StatusError
		s.Error = crashError(waitErr, stderr)
	}
}

// exitCode is the status a child process exited with, 0 when it did not
// exit normally.
func exitCode(waitErr error) int {
	var ee *osexec.ExitError
	if errors.As(waitErr, &ee) && ee.Exited() {
		return ee.ExitCode()
	}
	var we *waitError
	if errors.As(waitErr, &we) && we.exited {
		return we.code
	}
	return 0
}

// waitSignaled reports whether a child was ended by a signal.
func waitSignaled(waitErr error) bool {
	var ee *osexec.ExitError
	if errors.As(waitErr, &ee) {
		ws, ok := ee.Sys().(syscall.WaitStatus)
		return ok && ws.Signaled()
	}
	var we *waitError
	return errors.As(waitErr, &we) && we.signaled
}

// stopper ends a child: a handle, or the shell's.
type stopper interface{ Kill() }

// waitError is how a child a spawner started ended, as the spawner saw it:
// the text is that of the spawner's wait error.
type waitError struct {
	exited   bool
	code     int
	signaled bool
	text     string
}

func (e *waitError) Error() string { return e.text }

func limitError(which string, lim verify.Limits) *ErrorInfo {
	e := &ErrorInfo{Kind: "limit"}
	switch which {
	case "memory":
		e.Message = fmt.Sprintf("the program used more than %s of memory", verify.FormatSize(lim.Memory))
		e.Hint = "process data in a streaming way or in smaller batches; keep aggregates, not every row"
	case "cpu":
		e.Message = fmt.Sprintf("the program used more than %s of CPU time", lim.CPU)
		e.Hint = "do less work per run; heavy loops over rows belong in fewer, simpler passes"
	case "output":
		e.Message = fmt.Sprintf("the program printed more than %s", verify.FormatSize(lim.OutputBytes))
		e.Hint = "print a summary (counts, top-N, samples) instead of every row"
	case "tool_calls":
		e.Message = fmt.Sprintf("the program made more than %d tool calls", lim.ToolCalls)
		e.Hint = "fetch in bulk (one call returning many items) instead of one call per item"
	case "result":
		e.Message = fmt.Sprintf("airlock.Result was given more than %s", verify.FormatSize(lim.ResultBytes))
		e.Hint = "return an aggregate or the top-N items, not the whole data set"
	default:
		e.Message = which + " limit reached"
	}
	return e
}

// crashError describes a child that died without reporting: a runtime fatal
// error (a panic in a goroutine, concurrent map writes, stack overflow) or a
// signal. The last lines of stderr are the runtime's own report.
func crashError(waitErr error, stderr string) *ErrorInfo {
	e := &ErrorInfo{Kind: "crash", Message: "the program crashed"}
	if waitErr != nil {
		e.Message += ": " + waitErr.Error()
	}
	if line := firstRuntimeLine(stderr); line != "" {
		e.Message += ": " + line
	}
	e.Hint = "a panic in a goroutine or a runtime fatal error ends the whole program: recover inside goroutines, guard maps shared between goroutines with a sync.Mutex"
	return e
}

func firstRuntimeLine(stderr string) string {
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "panic: ") || strings.HasPrefix(l, "fatal error: ") || strings.HasPrefix(l, "runtime: ") {
			return child.LimitString(l, 300)
		}
	}
	return ""
}

func hintFor(e *rpc.ProgramError) string {
	switch e.Kind {
	case "compile":
		return "fix the error at the given line; the program runs in a Go interpreter with the packages the policy allows"
	case "panic":
		return "the program panicked: check nil values, indexes and type assertions near the failing code"
	case "exit":
		return "the program ended with a non-zero exit status (os.Exit, log.Fatal, a failed command in a script): its output says why"
	}
	return ""
}

// capture keeps up to max bytes of a stream: a head of max/2 bytes and a
// rolling tail of the last max/2, counting what falls between them. Past
// max it calls over once (nil: run on). Its cost is constant per byte
// whatever the program prints.
type capture struct {
	mu    sync.Mutex
	max   int64
	head  []byte
	tail  []byte // a ring once full: next is where the oldest byte is
	next  int
	full  bool
	total int64
	lines int64 // newlines seen
	over  func()
	fired bool
}

func newCapture(max int64, over func()) *capture { return &capture{max: max, over: over} }

func (c *capture) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := len(p)
	c.total += int64(n)
	c.lines += int64(bytes.Count(p, []byte{'\n'}))
	headMax := int(c.max - c.max/2)
	if room := headMax - len(c.head); room > 0 {
		k := min(room, len(p))
		c.head = append(c.head, p[:k]...)
		p = p[k:]
	}
	tailMax := int(c.max / 2)
	if len(p) > 0 && tailMax > 0 {
		if len(p) >= tailMax {
			// Only the last tailMax bytes of p can survive.
			c.tail = append(c.tail[:0], p[len(p)-tailMax:]...)
			c.next, c.full = 0, true
		} else {
			for len(p) > 0 {
				if !c.full {
					k := min(tailMax-len(c.tail), len(p))
					c.tail = append(c.tail, p[:k]...)
					p = p[k:]
					if len(c.tail) == tailMax {
						c.full, c.next = true, 0
					}
					continue
				}
				k := copy(c.tail[c.next:], p)
				p = p[k:]
				c.next = (c.next + k) % tailMax
			}
		}
	}
	if c.total > c.max && !c.fired && c.over != nil {
		c.fired = true
		go c.over()
	}
	return n, nil
}

// Output is what a capture kept: all of the stream, or its head and tail
// with the bytes and lines between them dropped.
type Output struct {
	Head, Tail   string
	DroppedBytes int64
	DroppedLines int64
}

// String is the whole stream, or its head and tail joined.
func (o Output) String() string { return o.Head + o.Tail }

// output returns what was kept. A cut head ends, and a cut tail starts, at
// a line boundary when there is one.
func (c *capture) output() Output {
	c.mu.Lock()
	defer c.mu.Unlock()
	tail := c.tail
	if c.full && c.next > 0 {
		tail = append(append([]byte{}, c.tail[c.next:]...), c.tail[:c.next]...)
	}
	kept := int64(len(c.head) + len(tail))
	if kept == c.total {
		return Output{Head: string(c.head) + string(tail)}
	}
	head := c.head
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 {
		head = head[:i+1]
	}
	if i := bytes.IndexByte(tail, '\n'); i >= 0 && i < len(tail)-1 {
		tail = tail[i+1:]
	}
	dropped := c.total - int64(len(head)+len(tail))
	lines := c.lines - int64(bytes.Count(head, []byte{'\n'})+bytes.Count(tail, []byte{'\n'}))
	return Output{Head: string(head), Tail: string(tail), DroppedBytes: dropped, DroppedLines: lines}
}

func (c *capture) String() string { return c.output().String() }
