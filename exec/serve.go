package exec

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/airlockhq/airlock/exec/child"
	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/tools/provider"
	"github.com/airlockhq/airlock/verify"
)

// MaxToolResult caps the encoded result of one tool call handed to the
// program; providers cap what they read on top (fs max_read, http
// max_response).
const MaxToolResult = child.MaxToolResult

// MaxArgBytes caps the encoded arguments of one tool call.
const MaxArgBytes = child.MaxArgBytes

// maxRequest caps one frame from the child: arguments are capped by
// MaxArgBytes, a result handed back with airlock.Result by the policy.
const maxRequest = 2 * MaxArgBytes

// serve answers the child's requests until the pipe closes. Every call is
// checked against the policy on the canonical arguments the provider will
// use; a refused call ends the run.
func (r *runner) serve(ctx context.Context, g stopper, in io.Reader, out io.Writer) {
	max := max(maxRequest, int(r.lim.ResultBytes)+1024)
	for {
		req, err := rpc.ReadRequest(in, max)
		if err != nil {
			if errors.Is(err, rpc.ErrTooLarge) {
				// The child refuses oversized values itself; a frame this
				// large means the child is not behaving.
				r.stop(g, StatusError, "", &ErrorInfo{Kind: "protocol", Message: "the sandbox sent an oversized request: " + err.Error()})
			} else if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, os.ErrClosed) {
				r.stop(g, StatusError, "", &ErrorInfo{Kind: "protocol", Message: "the sandbox sent a malformed request: " + err.Error()})
			}
			return
		}
		switch req.Op {
		case rpc.OpDone, rpc.OpError:
			// The first final report stands: the child sends no other,
			// and one that follows is not the program's end.
			r.mu.Lock()
			if !r.final {
				r.final, r.reported = true, req.Usage
				if req.Op == rpc.OpDone {
					r.done = true
				} else {
					r.progErr = req.Error
				}
			}
			r.mu.Unlock()
		case rpc.OpResult:
			if r.plan.Language == "sh" {
				// A script has no airlock.Result: this frame is forged.
				r.stop(g, StatusError, "", &ErrorInfo{Kind: "protocol", Message: "the sandbox sent a result a script cannot send"})
				return
			}
			if req.Oversized > 0 || int64(len(req.Value)) > r.lim.ResultBytes {
				r.stop(g, StatusLimit, "result", nil)
				return
			}
			r.mu.Lock()
			r.result = req.Value
			r.mu.Unlock()
		case rpc.OpData:
			if r.plan.Language != "sh" {
				r.stop(g, StatusError, "", &ErrorInfo{Kind: "protocol", Message: "the sandbox sent command output a Go program cannot send"})
				return
			}
			r.commandData(req)
		case rpc.OpCall:
			resp := r.call(ctx, g, req)
			resp.ID = req.ID
			if err := rpc.WriteFrame(out, resp); err != nil || resp.Fatal {
				return
			}
		}
	}
}

// call performs one tool call for the child, and traces it.
// maxTracedArg caps each raw argument a trace keeps of a refused call.
const maxTracedArg = 1024

// rawArgs are a call's arguments as the program sent them (JSON), each cut
// to maxTracedArg bytes: what a refused call that could not be put in
// canonical form tried.
func rawArgs(args []json.RawMessage) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if len(a) > maxTracedArg {
			out[i] = fmt.Sprintf("%s… (%d bytes)", validPrefix(string(a), maxTracedArg), len(a))
		} else {
			out[i] = string(a)
		}
	}
	return out
}

func (r *runner) call(ctx context.Context, g stopper, req *rpc.Request) rpc.Response {
	start := time.Now()
	tr := TraceCall{Tool: req.Tool, Verdict: "allowed"}
	for _, a := range req.Args {
		tr.BytesIn += int64(len(a))
	}
	defer func() {
		tr.Millis = ms(time.Since(start))
		r.trace(tr)
	}()
	st := r.stats(req.Tool)
	st.Count++
	st.BytesIn += tr.BytesIn
	r.mu.Lock()
	r.ncalls++
	over := r.ncalls > r.lim.ToolCalls
	r.mu.Unlock()
	if over {
		tr.Verdict, tr.Reason = "limit", "tool_calls"
		r.stop(g, StatusLimit, "tool_calls", nil)
		return rpc.Response{Fatal: true}
	}
	if req.Oversized > 0 {
		tr.Verdict, tr.Reason, tr.RawArgs = "denied", "oversized arguments", rawArgs(req.Args)
		return r.block(g, req.Tool, "argument", fmt.Sprintf("arguments are %d bytes, over the limit of %d", req.Oversized, MaxArgBytes))
	}
	name, fn, _ := strings.Cut(req.Tool, ".")
	p, ok := r.reg.Provider(name)
	if !ok {
		tr.Verdict, tr.Reason, tr.RawArgs = "denied", "unknown tool", rawArgs(req.Args)
		return r.block(g, req.Tool, "tool", "unknown tool "+req.Tool)
	}
	args, err := p.Prepare(fn, req.Args)
	if err != nil {
		// Arguments that cannot be put in canonical form cannot be judged
		// by the policy, so the call is refused like a denied one.
		tr.Verdict, tr.Reason, tr.RawArgs = "denied", err.Error(), rawArgs(req.Args)
		return r.block(g, req.Tool, "argument", err.Error())
	}
	tr.Args = args
	d := r.checker.Check(req.Tool, args)
	tr.Rule = d.Rule
	if !d.Allowed {
		tr.Verdict, tr.Reason = "denied", d.Reason
		hint := ""
		if d.Rule != "" {
			hint = fmt.Sprintf("%s is allowed when %s", req.Tool, d.Rule)
		}
		return r.blockWith(g, req.Tool, "tool", d.Reason, hint)
	}
	if rule, arg, broken := r.taint.check(req.Tool, args); broken {
		reason := fmt.Sprintf("argument %s carries data read from a %s tool; the policy denies flows from %s to %s", arg, rule.From, rule.From, rule.To)
		if rule.Reason != "" {
			reason = rule.Reason + " (argument " + arg + " carries data read from a " + rule.From + " tool)"
		}
		if arg == "" {
			// Fail closed: more labelled text came back than airlock can
			// remember, so no argument can be shown free of it.
			reason = fmt.Sprintf("the run was handed more text from %s tools than airlock can follow; it refuses calls to %s tools from here on", rule.From, rule.To)
		}
		tr.Verdict, tr.Reason = "denied", reason
		return r.blockWith(g, req.Tool, verify.RuleFlow, reason, "keep what "+rule.From+" tools return out of what "+rule.To+" tools receive")
	}
	// The call runs apart so the run's end can abandon it: a provider may
	// block where no context reaches (opening a FIFO, say).
	type outcome struct {
		value any
		err   error
	}
	done := make(chan outcome, 1)
	go func() {
		v, err := p.Call(ctx, fn, args)
		done <- outcome{v, err}
	}()
	var value any
	select {
	case o := <-done:
		value, err = o.value, o.err
	case <-ctx.Done():
		st.Millis += ms(time.Since(start))
		tr.Error = "abandoned: the run ended"
		return rpc.Response{Fatal: true}
	}
	st.Millis += ms(time.Since(start))
	if err != nil {
		st.Errors++
		tr.Error = err.Error()
		// A tool's error is its result too (what it found, a server's
		// message): it carries the tool's labels into the program.
		if b, merr := json.Marshal(err.Error()); merr == nil {
			r.taint.result(req.Tool, b)
		}
		return rpc.Response{Error: fmt.Sprintf("%s: %v", req.Tool, err)}
	}
	r.workspaceLabels(ctx, req.Tool, args)
	value, direct, hasDirect := provider.Unwrap(value)
	if value == nil {
		return rpc.Response{} // an approval (a shell command), or no result: no tool data
	}
	body, err := json.Marshal(value)
	if err != nil {
		st.Errors++
		return rpc.Response{Error: fmt.Sprintf("%s: encoding result: %v", req.Tool, err)}
	}
	if len(body) > MaxToolResult {
		st.Errors++
		return rpc.Response{Error: fmt.Sprintf("%s: result is %d bytes, over the limit of %d: ask for less (a narrower path, a filter, a page)", req.Tool, len(body), MaxToolResult)}
	}
	st.BytesOut += int64(len(body))
	tr.BytesOut = int64(len(body))
	r.taint.result(req.Tool, body, r.fileLabels(ctx, req.Tool, args)...)
	r.mu.Lock()
	r.dataBytes += int64(len(body))
	r.mu.Unlock()
	// Counting tokens of large results is the parent's heaviest work: it
	// overlaps with the program's own.
	// Tool data is counted as a direct call would have put it in the
	// model's context: the text the provider names, else the result's
	// JSON.
	text := string(body)
	if hasDirect {
		text = direct
	}
	r.countData(text)
	return rpc.Response{Value: body}
}

// block records a refused call and ends the run. rule is "tool" for a call
// the policy denied, "argument" for arguments that cannot be put in the
// canonical form the policy judges.
func (r *runner) block(g stopper, tool, rule, reason string) rpc.Response {
	return r.blockWith(g, tool, rule, reason, "")
}

// blockWith is block with a hint naming the rule that refused the call.
func (r *runner) blockWith(g stopper, tool, rule, reason, hint string) rpc.Response {
	st := r.stats(tool)
	st.Denied++
	if hint == "" {
		hint = "the call was refused at run time on its real arguments; use arguments the policy allows"
	}
	r.mu.Lock()
	if r.violation == nil {
		r.violation = &Violation{Rule: rule, Tool: tool, Message: reason, Hint: hint}
	}
	r.mu.Unlock()
	r.stop(g, StatusBlocked, "", &ErrorInfo{Kind: "blocked", Message: tool + ": " + reason,
		Hint: "the policy refused this call; change the arguments or use another tool the policy allows"})
	return rpc.Response{Fatal: true}
}

func (r *runner) stats(tool string) *CallStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	st, ok := r.calls[tool]
	if !ok {
		st = &CallStats{}
		r.calls[tool] = st
	}
	return st
}

// workspaceLabels keeps the labels of a run's data with the workspace
// files it writes: a file written by a run that was handed labelled data
// carries the labels, for this run and the next ones, as files do. A
// rewrite by a run with none clears them, and so does a removal.
func (r *runner) workspaceLabels(ctx context.Context, tool string, args map[string]any) {
	if r.taint == nil || (tool != "workspace.WriteFile" && tool != "workspace.Remove") {
		return
	}
	w, ok := tools.WorkspaceFrom(ctx)
	if !ok {
		return
	}
	name, _ := args["name"].(string)
	var labels []string
	if tool == "workspace.WriteFile" {
		labels = r.taint.receivedLabels()
	}
	w.SetLabels(name, labels)
}

// fileLabels returns the labels a workspace file read by tool was written
// with.
func (r *runner) fileLabels(ctx context.Context, tool string, args map[string]any) []string {
	if r.taint == nil || tool != "workspace.ReadFile" {
		return nil
	}
	w, ok := tools.WorkspaceFrom(ctx)
	if !ok {
		return nil
	}
	name, _ := args["name"].(string)
	return w.Labels(name)
}

// countData counts the tokens of tool data, apart: counting large results
// is the parent's heaviest work, and it overlaps with the program's own.
func (r *runner) countData(text string) {
	r.counting.Add(1)
	go func() {
		defer r.counting.Done()
		n := CountTokens(text)
		r.mu.Lock()
		r.dataTokens += n
		r.mu.Unlock()
	}()
}

// commandData counts what a script's command printed as tool data; bytes
// past the shell's cap count at the rate of those counted, or four bytes a
// token before any.
func (r *runner) commandData(req *rpc.Request) {
	if req.Oversized > 0 {
		r.mu.Lock()
		r.dataBytes += req.Oversized
		r.commandOver += req.Oversized
		r.mu.Unlock()
		return
	}
	var text string
	if json.Unmarshal(req.Value, &text) != nil {
		return
	}
	r.mu.Lock()
	r.dataBytes += int64(len(text))
	r.mu.Unlock()
	r.counting.Add(1)
	go func() {
		defer r.counting.Done()
		n := CountTokens(text)
		r.mu.Lock()
		r.dataTokens += n
		r.commandTokens += n
		r.commandBytes += int64(len(text))
		r.mu.Unlock()
	}()
}
