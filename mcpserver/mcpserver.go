// Package mcpserver serves airlock to agents over the Model Context
// Protocol: four tools (run_program, check_program, search_tools,
// describe_tool) instead of every tool a policy grants. It serves on stdio
// or as a streamable-HTTP handler; runs go through one airlock.Engine,
// each with what belongs to it (its budget, trace, the session's
// workspace) in its own call.
package mcpserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

func isEOF(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "EOF") || errors.Is(err, sdk.ErrConnectionClosed))
}

// Options configure a Server.
type Options struct {
	// Pool is how many pre-started sandboxed children to keep ready
	// (0: start one per run).
	Pool int
	// Workspace, when set, gives each session a folder under it that its
	// programs may use through the workspace tool, as far as the policy
	// grants workspace.*.
	Workspace string
	// TraceDir, when set, receives each run's audit trace.
	TraceDir string
	// Version is what the server says it is to clients.
	Version string
	// Log receives a record per run (its id, status, duration) and of
	// slow tool server starts; nil: none.
	Log *slog.Logger
	// Concurrent is how many programs run at once (0: twice the CPUs);
	// Queue how many more may wait for a turn (0: 256). A run past both
	// is answered at once: busy, retry later.
	Concurrent, Queue int
}

// slowStart is how long a tool server may take to start before the log
// says so.
const slowStart = time.Second

// Server is airlock as an MCP server under one engine's policy. It is
// safe for concurrent sessions and calls.
type Server struct {
	eng  *airlock.Engine
	opts Options
	mcp  *sdk.Server
	pool *exec.Pool

	slots   chan struct{}  // a token per run that may run now
	waiting atomic.Int64   // runs waiting for a slot
	ending  sync.WaitGroup // runs answered whose child has not ended yet

	mu         sync.Mutex
	workspaces map[string]*tools.Workspace // by session
}

// Inputs of the server's tools.
type (
	programInput struct {
		Program   string `json:"program" jsonschema:"a Go file or a shell script"`
		MaxTokens int    `json:"max_tokens,omitempty" jsonschema:"summary token budget"`
	}
	checkInput struct {
		Program string `json:"program" jsonschema:"a Go file or a shell script"`
	}
	searchInput struct {
		Query string `json:"query" jsonschema:"words"`
		Limit int    `json:"limit,omitempty" jsonschema:"at most this many (8)"`
	}
	describeInput struct {
		Name string `json:"name" jsonschema:"fs.ReadCSV, fs or mcp/NAME"`
	}
)

// New returns a server running programs through eng. Close it when done;
// eng stays the caller's.
func New(eng *airlock.Engine, opts Options) *Server {
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.Concurrent <= 0 {
		opts.Concurrent = 2 * runtime.NumCPU()
	}
	if opts.Queue <= 0 {
		opts.Queue = 256
	}
	a := &Server{eng: eng, opts: opts, workspaces: map[string]*tools.Workspace{}, slots: make(chan struct{}, opts.Concurrent)}
	if opts.Pool > 0 {
		a.pool = exec.NewPool(opts.Pool, eng.Policy(), "")
	}
	a.mcp = sdk.NewServer(&sdk.Implementation{Name: "airlock", Version: opts.Version}, &sdk.ServerOptions{
		Instructions: a.instructions(),
	})
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "run_program", Description: a.runDescription()}, a.runProgram)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "check_program", Description: "Check a program against the policy without running it: " +
		"its tool uses, a verdict for each, and what would be refused."}, a.checkProgram)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "search_tools", Description: "Find tools by words in their names and docs, " +
		"granted ones first, as Go with their docs."}, a.searchTools)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "describe_tool", Description: "Show a tool (fs.ReadCSV) or a package (fs, airlock, table) " +
		"as Go with its docs, and whether the policy grants it."}, a.describeTool)
	return a
}

// MCP returns the server as the MCP SDK's, to serve on any transport.
func (a *Server) MCP() *sdk.Server { return a.mcp }

// ServeStdio serves one client on standard input and output until it
// leaves or ctx ends.
func (a *Server) ServeStdio(ctx context.Context) error {
	err := a.mcp.Run(ctx, &sdk.StdioTransport{})
	if err != nil && !errors.Is(err, context.Canceled) && !isEOF(err) {
		return err
	}
	return nil
}

// Health serves a readiness check: 200 and {"status":"ok",...} while a
// run would be taken, 503 and "busy" while every run slot is taken and the
// queue is full, so that a load balancer sends new sessions elsewhere.
func (a *Server) Health() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		running, waiting := len(a.slots), a.waiting.Load()
		status, code := "ok", http.StatusOK
		if running >= a.opts.Concurrent && waiting >= int64(a.opts.Queue) {
			status, code = "busy", http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		fmt.Fprintf(w, "{\"status\":%q,\"running\":%d,\"waiting\":%d,\"version\":%q}\n", status, running, waiting, a.opts.Version)
	})
}

// Handler serves streamable HTTP, each client a session of its own.
func (a *Server) Handler() http.Handler {
	return sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return a.mcp }, nil)
}

// Close waits for the children of answered runs to end, stops the pool of
// children and closes the sessions' workspaces.
func (a *Server) Close() {
	a.ending.Wait()
	if a.pool != nil {
		a.pool.Close()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, w := range a.workspaces {
		w.Close()
	}
}

// instructions tell a model what the server is for.
func (a *Server) instructions() string {
	return "airlock runs programs you write instead of tool calls one by one. Write a small Go program (or shell script) that " +
		"calls the tools, filters and aggregates where the data lives, and prints only a compact summary: only the " +
		"run's JSON summary comes back to you. Use search_tools/describe_tool to find tool signatures, check_program " +
		"to see what the policy allows, run_program to run."
}

// runDescription teaches the program conventions, the policy's allowlist
// and the sandbox's limits within a budget: the whole tools/list stays
// under 500 tokens (a test holds it).
func (a *Server) runDescription() string {
	pol := a.eng.Policy()
	lim := pol.Limits
	var b strings.Builder
	fmt.Fprintf(&b, "Run a Go program (package main) or bash script in a sandbox, policy %q; "+
		"returns JSON: status, output, result, error, stats.\n", pol.Name)
	b.WriteString("Tools are Go functions returning (value, error): import \"airlock/fs\", call fs.ReadCSV(...); " +
		"MCP servers: \"airlock/mcp/NAME\". airlock.Result(v) returns data. Print aggregates: " +
		"output past the budget is cut.\n")
	if granted := pol.Tools(); len(granted) == 0 {
		b.WriteString("Granted tools: none.\n")
	} else {
		fmt.Fprintf(&b, "Granted: %s.\n", abbreviate(granted, 10))
	}
	if p, ok := a.eng.Registry().Provider("fs"); ok {
		if r, ok := p.(interface{ Roots() []string }); ok && len(r.Roots()) > 0 {
			fmt.Fprintf(&b, "Files: under roots %s, e.g. %q.\n", strings.Join(r.Roots(), ", "), r.Roots()[0]+"/x.csv")
		}
	}
	fmt.Fprintf(&b, "Imports: %s.\n", abbreviate(pol.Imports(), 10))
	fmt.Fprintf(&b, "Limits: %s, %s, %d tool calls, %d-token summary. No os files, exec or net. "+
		"A refused call ends the run \"blocked\".", lim.Timeout, verify.FormatSize(lim.Memory), lim.ToolCalls, lim.OutputTokens)
	return b.String()
}

func abbreviate(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + fmt.Sprintf(" and %d more", len(list)-n)
}

// usable reports whether a program may call name: a tool the policy
// grants, or a function of airlock or airlock/table.
func (a *Server) usable(name string) bool {
	if strings.HasPrefix(name, "table.") || strings.HasPrefix(name, "airlock.") {
		return true
	}
	_, _, ok := a.eng.Policy().ToolRule(name)
	return ok
}

// mark says whether the policy grants a tool, and under which rule.
func (a *Server) mark(name string) string {
	if strings.HasPrefix(name, "table.") || strings.HasPrefix(name, "airlock.") {
		return ""
	}
	switch allow, _, ok := a.eng.Policy().ToolRule(name); {
	case !ok:
		return "NOT GRANTED by the policy: a program that calls it is refused"
	case allow != "":
		return "granted when " + allow
	}
	return "granted"
}

func cmpBool(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

func textResult(s string) *sdk.CallToolResult {
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: s}}}
}

func (a *Server) runProgram(ctx context.Context, req *sdk.CallToolRequest, in programInput) (*sdk.CallToolResult, any, error) {
	// At most Concurrent programs run at once; Queue more wait their
	// turn; past that the answer is at once, not a slow collapse.
	select {
	case a.slots <- struct{}{}:
	default:
		if a.waiting.Add(1) > int64(a.opts.Queue) {
			a.waiting.Add(-1)
			a.opts.Log.Warn("busy", "running", a.opts.Concurrent, "waiting", a.opts.Queue)
			s := &exec.Summary{Status: exec.StatusBusy, Policy: a.eng.Policy().Name, Sandbox: exec.Sandbox{Active: []string{}}, RunID: exec.NewRunID(),
				Error: &exec.ErrorInfo{Kind: "busy", Message: fmt.Sprintf("airlock is running %d programs and %d more are waiting", a.opts.Concurrent, a.opts.Queue),
					Hint: "retry in a few seconds; nothing of this program ran"}}
			res := textResult(string(s.Encode(a.eng.Policy().Limits.OutputTokens)))
			res.IsError = true
			return res, nil, nil
		}
		select {
		case a.slots <- struct{}{}:
			a.waiting.Add(-1)
		case <-ctx.Done():
			a.waiting.Add(-1)
			return nil, nil, ctx.Err()
		}
	}
	// The slot is held until the run's child has ended, though the
	// answer goes out as soon as the program's report and output are in.
	var s *exec.Summary
	defer func() {
		if s == nil {
			<-a.slots
			return
		}
		a.ending.Add(1)
		go func() {
			defer a.ending.Done()
			s.Wait()
			<-a.slots
		}()
	}()
	opts := exec.Options{MaxTokens: in.MaxTokens, Pool: a.pool, RunID: exec.NewRunID(), MCP: true, Early: true}
	if in.MaxTokens != 0 && (in.MaxTokens < exec.MinTokens || in.MaxTokens > exec.MaxTokens) {
		return nil, nil, fmt.Errorf("max_tokens must be between %d and %d", exec.MinTokens, exec.MaxTokens)
	}
	budget := a.eng.Policy().Limits.OutputTokens
	if in.MaxTokens > 0 {
		budget = in.MaxTokens
	}
	if a.opts.TraceDir != "" {
		// Named by the run's id: unique and time-ordered, so a restarted
		// server never overwrites an earlier trace.
		f, err := os.OpenFile(filepath.Join(a.opts.TraceDir, "run-"+opts.RunID+".jsonl"), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("opening the trace: %v", err)
		}
		defer f.Close()
		opts.Trace = f
	}
	if a.opts.Workspace != "" {
		w, err := a.workspace(req)
		if err != nil {
			return nil, nil, err
		}
		ctx = tools.WithWorkspace(ctx, w)
	}
	s = a.eng.Run(ctx, programName(in.Program), []byte(in.Program), airlock.RunOptions{Options: opts})
	session := ""
	if req != nil && req.Session != nil {
		session = req.Session.ID()
	}
	attrs := []any{"run", s.RunID, "status", s.Status, "wall_ms", s.Stats.WallMillis, "tool_calls", s.Stats.ToolCalls}
	if session != "" {
		attrs = append(attrs, "session", session)
	}
	if s.Limit != "" {
		attrs = append(attrs, "limit", s.Limit)
	}
	a.opts.Log.Info("run", attrs...)
	if s.Stats.ToolsStartMillis > float64(slowStart.Milliseconds()) {
		a.opts.Log.Warn("slow tool server start", "run", s.RunID, "tools_start_ms", s.Stats.ToolsStartMillis)
	}
	res := textResult(string(s.Encode(budget)))
	// A run that did not end ok is an error to the model: denied, blocked,
	// error, timeout, limit. The summary says which, and what to change.
	res.IsError = s.Status != exec.StatusOK
	return res, nil, nil
}

// workspace returns the session's workspace, opening it on first use.
func (a *Server) workspace(req *sdk.CallToolRequest) (*tools.Workspace, error) {
	id := "default"
	if req != nil && req.Session != nil && req.Session.ID() != "" {
		id = req.Session.ID()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if w, ok := a.workspaces[id]; ok {
		return w, nil
	}
	w, err := tools.OpenWorkspace(filepath.Join(a.opts.Workspace, safeName(id)))
	if err != nil {
		return nil, fmt.Errorf("opening the session's workspace: %v", err)
	}
	a.workspaces[id] = w
	return w, nil
}

// safeName keeps the characters of a session id that are safe in a file name.
func safeName(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "session"
	}
	return b.String()
}

// programName names a program for errors and detection: a script or Go.
func programName(src string) string {
	if airlock.IsScript("", []byte(src)) {
		return "program.sh"
	}
	return "program.go"
}

func (a *Server) checkProgram(ctx context.Context, req *sdk.CallToolRequest, in checkInput) (*sdk.CallToolResult, any, error) {
	name := programName(in.Program)
	var results []verify.FileResult
	if p, err := a.eng.Plan(name, []byte(in.Program)); err != nil {
		results = append(results, verify.FileResult{File: name, Err: err})
	} else {
		results = append(results, verify.FileResult{File: name, Verdict: a.eng.Check(p, false)})
	}
	var buf bytes.Buffer
	if err := verify.WriteJSON(&buf, results); err != nil {
		return nil, nil, err
	}
	return textResult(buf.String()), nil, nil
}

func (a *Server) searchTools(ctx context.Context, req *sdk.CallToolRequest, in searchInput) (*sdk.CallToolResult, any, error) {
	limit := in.Limit
	if limit <= 0 {
		limit = 8
	}
	found := tools.Search(append(a.eng.Registry().Tools(), librarySigs()...), strings.Fields(in.Query))
	// What the policy grants first: a program can call it.
	slices.SortStableFunc(found, func(x, y tools.ToolSig) int {
		return cmpBool(a.usable(y.Name), a.usable(x.Name))
	})
	if len(found) > limit {
		found = found[:limit]
	}
	if len(found) == 0 {
		return textResult("no tool matches; describe_tool with a package name (fs, sql, ...) lists a whole package"), nil, nil
	}
	var buf bytes.Buffer
	tools.WriteMarkedDocs(&buf, found, a.mark)
	return textResult(buf.String()), nil, nil
}

func (a *Server) describeTool(ctx context.Context, req *sdk.CallToolRequest, in describeInput) (*sdk.CallToolResult, any, error) {
	if found := libraryMatching(strings.TrimPrefix(in.Name, "airlock/")); len(found) > 0 {
		if name := strings.TrimPrefix(in.Name, "airlock/"); name == "table" || name == "airlock" {
			pkgs, _, _ := a.eng.Describe(ctx, name)
			return textResult(fmt.Sprintf("// import %q\n%s", pkgs[0].Path, pkgs[0].Source)), nil, nil
		}
		var buf bytes.Buffer
		tools.WriteDocs(&buf, found)
		return textResult(buf.String()), nil, nil
	}
	pkgs, name, err := a.eng.Describe(ctx, in.Name)
	if err != nil {
		return nil, nil, err
	}
	for _, pkg := range pkgs {
		if pkg.Name == name {
			return textResult(fmt.Sprintf("// import %q\n%s", pkg.Path, pkg.Source)), nil, nil
		}
	}
	var buf bytes.Buffer
	tools.WriteMarkedDocs(&buf, tools.Matching(pkgs, name), a.mark)
	if buf.Len() == 0 {
		return nil, nil, fmt.Errorf("no tool or tool package %q; search_tools finds tools by words", in.Name)
	}
	return textResult(buf.String()), nil, nil
}
