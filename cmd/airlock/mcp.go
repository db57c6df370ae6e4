package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

func newMCPCmd() *cobra.Command {
	var (
		policy    string
		addr      string
		pool      int
		workspace string
		traceDir  string
	)
	cmd := &cobra.Command{
		Use:   "mcp [--policy P] [--http ADDR] [--pool N] [--workspace ROOT] [--trace-dir DIR]",
		Short: "Serve airlock to agents as an MCP server: run programs instead of calling tools",
		Long: `mcp serves airlock over the Model Context Protocol, on stdio or, with --http,
as a streamable-HTTP server. An agent gets four tools instead of every tool
the policy grants: run_program (run a Go program or shell script in the
sandbox and get the summary), check_program (the plan and verdicts without
running), search_tools and describe_tool (progressive discovery of the Go
signatures of the tools a program can call).

A pool of pre-started sandboxed children (--pool, default 2) takes process
start and set-up off each run; every child serves one program and is
discarded. With --workspace, each MCP session gets a folder under ROOT that
its programs may read and write through the workspace tool, as far as the
policy grants workspace.*. With --trace-dir, each run writes an audit trace
there (a JSON line per tool call, then the final status).

` + exitCodesHelp,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			srv := newAgentServer(eng, agentOptions{pool: pool, workspace: workspace, traceDir: traceDir})
			defer srv.close()
			ctx := cmd.Context()
			if addr == "" {
				err := srv.mcp.Run(ctx, &sdk.StdioTransport{})
				if err != nil && !errors.Is(err, context.Canceled) && !isEOF(err) {
					return err
				}
				return nil
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError("--http: %v", err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "airlock: serving MCP on http://%s/mcp\n", ln.Addr())
			handler := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return srv.mcp }, nil)
			mux := http.NewServeMux()
			mux.Handle("/mcp", handler)
			hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				hs.Shutdown(shutdown)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&policy, "policy", "", "policy file (default: the built-in policy: no tools, pure standard library)")
	f.StringVar(&addr, "http", "", "serve streamable HTTP on ADDR (such as 127.0.0.1:8080) instead of stdio")
	f.IntVar(&pool, "pool", 2, "pre-started sandboxed children kept ready (0: start one per run)")
	f.StringVar(&workspace, "workspace", "", "give each session a workspace folder under ROOT")
	f.StringVar(&traceDir, "trace-dir", "", "write each run's audit trace to DIR/run-<n>.jsonl")
	return cmd
}

func isEOF(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "EOF") || errors.Is(err, sdk.ErrConnectionClosed))
}

type agentOptions struct {
	pool      int
	workspace string
	traceDir  string
}

// agentServer is airlock as an MCP server under one policy.
type agentServer struct {
	eng  *airlock.Engine
	opts agentOptions
	mcp  *sdk.Server
	pool *exec.Pool
	runs atomic.Int64

	mu         sync.Mutex
	workspaces map[string]*tools.Workspace // by session
}

// Inputs of the server's tools.
type (
	programInput struct {
		Program   string `json:"program" jsonschema:"the whole program: a Go file (package main, func main) or a shell script"`
		MaxTokens int    `json:"max_tokens,omitempty" jsonschema:"token budget of the summary (default from the policy)"`
	}
	checkInput struct {
		Program string `json:"program" jsonschema:"the whole program: a Go file (package main, func main) or a shell script"`
	}
	searchInput struct {
		Query string `json:"query" jsonschema:"words to look for in tool names and docs"`
		Limit int    `json:"limit,omitempty" jsonschema:"at most this many tools (default 8)"`
	}
	describeInput struct {
		Name string `json:"name" jsonschema:"a tool (fs.ReadCSV) or a tool package (fs, airlock/mcp/files)"`
	}
)

func newAgentServer(eng *airlock.Engine, opts agentOptions) *agentServer {
	a := &agentServer{eng: eng, opts: opts, workspaces: map[string]*tools.Workspace{}}
	if opts.pool > 0 {
		a.pool = exec.NewPool(opts.pool, eng.Policy().Limits, "")
	}
	a.mcp = sdk.NewServer(&sdk.Implementation{Name: "airlock", Version: versionString()}, &sdk.ServerOptions{
		Instructions: a.instructions(),
	})
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "run_program", Description: a.runDescription()}, a.runProgram)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "check_program", Description: "Check a program against the policy without running it: " +
		"the plan (imports, every tool use with the arguments known before it runs) and a verdict for each use. " +
		"Returns the same JSON as `airlock verify --format json`."}, a.checkProgram)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "search_tools", Description: "Find the tools a program can call by words in their names and docs, " +
		"best first. Each comes with its import path, Go signature, doc and the types it uses."}, a.searchTools)
	sdk.AddTool(a.mcp, &sdk.Tool{Name: "describe_tool", Description: "Show one tool (fs.ReadCSV) or a whole tool package (fs) " +
		"as Go: import path, signature, doc comment and the types it uses."}, a.describeTool)
	return a
}

func (a *agentServer) close() {
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
func (a *agentServer) instructions() string {
	return "airlock runs programs you write instead of tool calls one by one. Write a small Go program (or shell script) that " +
		"calls the tools, filters and aggregates where the data lives, and prints only a compact summary: only the " +
		"run's JSON summary comes back to you. Use search_tools/describe_tool to find tool signatures, check_program " +
		"to see what the policy allows, run_program to run."
}

// runDescription teaches the program conventions, the policy's allowlist
// and the interpreter's limits in a few hundred tokens.
func (a *agentServer) runDescription() string {
	pol := a.eng.Policy()
	lim := pol.Limits
	granted := pol.Tools()
	var b strings.Builder
	fmt.Fprintf(&b, "Run a program in airlock's sandbox under policy %q and return its JSON summary "+
		"(status, output, result, error with a hint, violations, stats).\n\n", pol.Name)
	b.WriteString("Go programs: one file, package main, func main. Import tool packages as \"airlock/<provider>\" " +
		"(MCP servers as \"airlock/mcp/<server>\") and call them as Go functions that return (value, error); " +
		"call airlock.Result(v) (import \"airlock\") to return structured data. Print counts, top-N and samples, " +
		"never whole data sets: output beyond the token budget is cut. Shell scripts (bash syntax) run too; " +
		"each command is the tool sh.<command>.\n\n")
	fmt.Fprintf(&b, "Allowed imports: %s, airlock, and the packages of granted tools.\n", strings.Join(pol.Imports(), ", "))
	if len(granted) == 0 {
		b.WriteString("Granted tools: none.\n")
	} else {
		fmt.Fprintf(&b, "Granted tools (describe_tool shows each): %s.\n", abbreviate(granted, 40))
	}
	fmt.Fprintf(&b, "Limits: %s wall clock, %s memory, %d tool calls, %d-token summary.\n",
		lim.Timeout, verify.FormatSize(lim.Memory), lim.ToolCalls, lim.OutputTokens)
	b.WriteString("The interpreter has no os, os/exec, net, unsafe, reflect or cgo; generics, goroutines, " +
		"encoding/json, slices and maps work. Every tool call is checked against the policy on its real " +
		"arguments: a refused call ends the run as \"blocked\" with the rule and a hint; arguments written " +
		"as constants are checked before the program runs.")
	return b.String()
}

func abbreviate(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + fmt.Sprintf(" and %d more", len(list)-n)
}

func textResult(s string) *sdk.CallToolResult {
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: s}}}
}

func (a *agentServer) runProgram(ctx context.Context, req *sdk.CallToolRequest, in programInput) (*sdk.CallToolResult, any, error) {
	n := a.runs.Add(1)
	opts := exec.Options{MaxTokens: in.MaxTokens, Pool: a.pool}
	if in.MaxTokens != 0 && in.MaxTokens < exec.MinTokens {
		return nil, nil, fmt.Errorf("max_tokens must be at least %d", exec.MinTokens)
	}
	budget := a.eng.Policy().Limits.OutputTokens
	if in.MaxTokens > 0 {
		budget = in.MaxTokens
	}
	if a.opts.traceDir != "" {
		f, err := os.OpenFile(filepath.Join(a.opts.traceDir, fmt.Sprintf("run-%d.jsonl", n)), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
		if err != nil {
			return nil, nil, fmt.Errorf("opening the trace: %v", err)
		}
		defer f.Close()
		opts.Trace = f
	}
	if a.opts.workspace != "" {
		w, err := a.workspace(req)
		if err != nil {
			return nil, nil, err
		}
		ctx = tools.WithWorkspace(ctx, w)
	}
	s := a.eng.Run(ctx, programName(in.Program), []byte(in.Program), airlock.RunOptions{Options: opts})
	return textResult(string(s.Encode(budget))), nil, nil
}

// workspace returns the session's workspace, opening it on first use.
func (a *agentServer) workspace(req *sdk.CallToolRequest) (*tools.Workspace, error) {
	id := "default"
	if req != nil && req.Session != nil && req.Session.ID() != "" {
		id = req.Session.ID()
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if w, ok := a.workspaces[id]; ok {
		return w, nil
	}
	w, err := tools.OpenWorkspace(filepath.Join(a.opts.workspace, safeName(id)))
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

func (a *agentServer) checkProgram(ctx context.Context, req *sdk.CallToolRequest, in checkInput) (*sdk.CallToolResult, any, error) {
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

func (a *agentServer) searchTools(ctx context.Context, req *sdk.CallToolRequest, in searchInput) (*sdk.CallToolResult, any, error) {
	limit := in.Limit
	if limit <= 0 {
		limit = 8
	}
	found := search(a.eng.Registry().Tools(), strings.Fields(in.Query))
	if len(found) > limit {
		found = found[:limit]
	}
	if len(found) == 0 {
		return textResult("no tool matches; describe_tool with a package name (fs, sql, ...) lists a whole package"), nil, nil
	}
	var buf bytes.Buffer
	writeDocs(&buf, found)
	return textResult(buf.String()), nil, nil
}

func (a *agentServer) describeTool(ctx context.Context, req *sdk.CallToolRequest, in describeInput) (*sdk.CallToolResult, any, error) {
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
	writeDocs(&buf, matching(pkgs, name))
	if buf.Len() == 0 {
		return nil, nil, fmt.Errorf("no tool or tool package %q; search_tools finds tools by words", in.Name)
	}
	return textResult(buf.String()), nil, nil
}

// matching lists the tools of pkgs called name, or in the package name.
func matching(pkgs []plan.ToolPackage, name string) []tools.ToolSig {
	var found []tools.ToolSig
	for _, pkg := range pkgs {
		sigs, _ := tools.Signatures(pkg)
		for _, sig := range sigs {
			if sig.Name == name || strings.HasPrefix(sig.Name, name+".") {
				found = append(found, sig)
			}
		}
	}
	return found
}
