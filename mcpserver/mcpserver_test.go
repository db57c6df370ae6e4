package mcpserver_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/fixtures"
	"github.com/airlockhq/airlock/mcpserver"
	"github.com/airlockhq/airlock/tools"
)

// connect serves airlock under the policy at path (relative to the
// repository) to a Go SDK client over in-memory transports.
func connect(t *testing.T, policy string, opts mcpserver.Options) *sdk.ClientSession {
	t.Helper()
	cs, _ := connectServer(t, policy, opts)
	return cs
}

// connectServer is connect, also returning the server.
func connectServer(t *testing.T, policy string, opts mcpserver.Options) (*sdk.ClientSession, *mcpserver.Server) {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..")
	path := ""
	if policy != "" {
		path = filepath.Join(repo, policy)
	}
	eng, err := airlock.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	srv := mcpserver.New(eng, opts)
	serverT, clientT := sdk.NewInMemoryTransports()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { srv.MCP().Run(ctx, serverT); close(done) }()
	client := sdk.NewClient(&sdk.Implementation{Name: "test", Version: "1"}, nil)
	cs, err := client.Connect(context.Background(), clientT, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cs.Close()
		cancel()
		<-done
		srv.Close()
		eng.Close()
	})
	return cs, srv
}

// callText calls a tool and returns its text, failing on a protocol error.
func callText(t *testing.T, cs *sdk.ClientSession, tool string, args map[string]any) (string, bool) {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: tool, Arguments: args})
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	var parts []string
	for _, c := range res.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			parts = append(parts, tc.Text)
		}
	}
	return strings.Join(parts, "\n"), res.IsError
}

func summary(t *testing.T, text string) map[string]any {
	t.Helper()
	var s map[string]any
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		t.Fatalf("summary is not one JSON document: %v\n%s", err, text)
	}
	return s
}

// What a model pays for the server's tools: the tools of tools/list, under
// every shipped policy, within 500 o200k tokens.
func TestToolsListTokens(t *testing.T) {
	if _, ok := os.LookupEnv("AIRLOCK_MCP_SERVERS"); !ok {
		// support.yaml finds its MCP server there; loading checks only
		// that the variable is set.
		t.Setenv("AIRLOCK_MCP_SERVERS", t.TempDir())
	}
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(callerFile()), "..", "policies", "*.yaml"))
	if len(files) < 5 {
		t.Fatalf("shipped policies: %q", files)
	}
	for _, file := range files {
		cs := connect(t, "policies/"+filepath.Base(file), mcpserver.Options{})
		list, err := cs.ListTools(context.Background(), nil)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(list.Tools)
		if n := exec.CountTokens(string(b)); n > 500 {
			t.Errorf("%s: tools/list's tools take %d tokens, over 500", filepath.Base(file), n)
		} else {
			t.Logf("%s: %d tokens", filepath.Base(file), n)
		}
	}
}

// Past the runs it may run at once and those it lets wait, the server
// answers busy at once, and nothing of the program runs; the others run.
func TestMCPBusy(t *testing.T) {
	cs, srv := connectServer(t, "policies/default.yaml", mcpserver.Options{Concurrent: 1, Queue: 1})
	health := func() (int, string) {
		rec := httptest.NewRecorder()
		srv.Health().ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
		return rec.Code, rec.Body.String()
	}
	if code, body := health(); code != 200 || !strings.Contains(body, `"status":"ok"`) {
		t.Fatalf("idle health: %d %s", code, body)
	}
	healthBusy := make(chan string, 1)
	slow := "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tn := 0\n\tfor i := 0; i < 30000000; i++ {\n\t\tn += i & 1\n\t}\n\tfmt.Println(n > 0)\n}\n"
	type answer struct {
		status string
		isErr  bool
	}
	answers := make(chan answer, 3)
	for i := range 3 {
		go func() {
			time.Sleep(time.Duration(i) * 150 * time.Millisecond) // in order: one runs, one waits, one is turned away
			text, isErr := callText(t, cs, "run_program", map[string]any{"program": slow})
			answers <- answer{summary(t, text)["status"].(string), isErr}
		}()
	}
	go func() {
		time.Sleep(450 * time.Millisecond) // one runs, one waits: full
		code, body := health()
		healthBusy <- fmt.Sprint(code, " ", body)
	}()
	got := map[string]int{}
	for range 3 {
		a := <-answers
		got[a.status]++
		if a.isErr != (a.status != "ok") {
			t.Errorf("status %s with isError %v", a.status, a.isErr)
		}
	}
	if got["busy"] != 1 || got["ok"] != 2 {
		t.Errorf("answers %v, want 2 ok and 1 busy", got)
	}
	if h := <-healthBusy; !strings.HasPrefix(h, "503 ") || !strings.Contains(h, `"status":"busy"`) {
		t.Errorf("health while full: %s", h)
	}
	if code, body := health(); code != 200 {
		t.Errorf("health after: %d %s", code, body)
	}
}

// Each run is logged: its id, status, duration and tool calls.
func TestMCPRunLogged(t *testing.T) {
	var buf syncBuffer
	cs := connect(t, "policies/default.yaml", mcpserver.Options{Log: slog.New(slog.NewJSONHandler(&buf, nil))})
	text, _ := callText(t, cs, "run_program", map[string]any{"program": "package main\n\nfunc main() { panic(\"x\") }\n"})
	s := summary(t, text)
	var rec map[string]any
	if err := json.Unmarshal([]byte(strings.TrimSpace(buf.String())), &rec); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if rec["msg"] != "run" || rec["run"] != s["run_id"] || rec["status"] != s["status"] || rec["wall_ms"] == nil {
		t.Errorf("log %v for summary %s", rec, text)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestMCPServer(t *testing.T) {
	cs := connect(t, "policies/spreadsheet.yaml", mcpserver.Options{Pool: 1})
	list, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tool := range list.Tools {
		names = append(names, tool.Name)
		if tool.Name == "run_program" {
			for _, want := range []string{`policy "spreadsheet"`, "Imports: encoding/csv, encoding/json, errors, fmt", "fs.ReadCSV", "Files: under roots data", "Limits: 10s, 256MiB", "package main"} {
				if !strings.Contains(tool.Description, want) {
					t.Errorf("run_program's description lacks %q:\n%s", want, tool.Description)
				}
			}
		}
	}
	if got := strings.Join(names, " "); got != "check_program describe_tool run_program search_tools" {
		t.Errorf("tools = %s", got)
	}

	// Two runs through the pool: each is a fresh child.
	for range 2 {
		text, isErr := callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n"})
		s := summary(t, text)
		if isErr || s["status"] != "ok" || s["output"] != "hi\n" {
			t.Errorf("run_program hello = %s", text)
		}
	}
	text, _ := callText(t, cs, "run_program", map[string]any{"program": `package main

import (
	"airlock"
	"airlock/fs"
)

func main() {
	rows, err := fs.ReadCSV("data/accounts.csv")
	if err != nil {
		panic(err)
	}
	airlock.Result(len(rows))
}
`})
	if s := summary(t, text); s["status"] != "ok" || s["result"] != 10000.0 {
		t.Errorf("run_program over the sheet = %s", text)
	}
	text, _ = callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport \"airlock/fs\"\n\nfunc main() { fs.ReadFile(\"/etc/passwd\") }\n"})
	if s := summary(t, text); s["status"] != "denied" {
		t.Errorf("a denied program = %s", text)
	}

	text, _ = callText(t, cs, "check_program", map[string]any{"program": "package main\n\nimport \"airlock/fs\"\n\nfunc main() { fs.ReadFile(\"data/x.csv\") }\n"})
	if !strings.Contains(text, `"approved": true`) || !strings.Contains(text, `"tool": "fs.ReadFile"`) {
		t.Errorf("check_program = %s", text)
	}
	text, _ = callText(t, cs, "search_tools", map[string]any{"query": "csv rows"})
	if !strings.HasPrefix(text, "// import \"airlock/fs\"\n") || !strings.Contains(text, "func ReadCSV") {
		t.Errorf("search_tools = %s", text)
	}
	// What the policy grants comes first and says so; what it does not is
	// marked.
	text, _ = callText(t, cs, "search_tools", map[string]any{"query": "file write read", "limit": 30})
	granted, refused := strings.Index(text, "// granted"), strings.Index(text, "// NOT GRANTED")
	if granted < 0 || refused < 0 || refused < granted || strings.Contains(text[refused:], "// granted") {
		t.Errorf("search_tools ranks and marks what the policy grants: %s", text)
	}
	// airlock and airlock/table are described and found like tools, and
	// never marked as not granted: every program may import them.
	text, _ = callText(t, cs, "describe_tool", map[string]any{"name": "table"})
	if !strings.HasPrefix(text, "// import \"airlock/table\"\n") || !strings.Contains(text, "func FromRecords(rows []map[string]string) Table") {
		t.Errorf("describe_tool table = %.300s", text)
	}
	text, _ = callText(t, cs, "describe_tool", map[string]any{"name": "table.Where"})
	if !strings.Contains(text, ") Where(") || strings.Contains(text, "NOT GRANTED") {
		t.Errorf("describe_tool table.Where = %s", text)
	}
	text, _ = callText(t, cs, "describe_tool", map[string]any{"name": "airlock.Result"})
	if !strings.Contains(text, "func Result(v any)") {
		t.Errorf("describe_tool airlock.Result = %s", text)
	}
	text, _ = callText(t, cs, "search_tools", map[string]any{"query": "group aggregate sum"})
	if !strings.Contains(text, "// import \"airlock/table\"") || strings.Contains(text, "NOT GRANTED") {
		t.Errorf("search_tools group = %s", text)
	}
	text, _ = callText(t, cs, "describe_tool", map[string]any{"name": "fs.ReadDir"})
	if !strings.Contains(text, "func ReadDir(path string) ([]Entry, error)") || !strings.Contains(text, "type Entry struct") {
		t.Errorf("describe_tool = %s", text)
	}
	if text, isErr := callText(t, cs, "describe_tool", map[string]any{"name": "nope.X"}); !isErr || !strings.Contains(text, `no tool or tool package "nope.X"`) {
		t.Errorf("describe_tool of an unknown tool = %s, %v", text, isErr)
	}
}

// TestMCPWorkspaceAndTrace keeps a file between two runs of one session
// and writes a trace per run.
func TestMCPWorkspaceAndTrace(t *testing.T) {
	root, traces := t.TempDir(), t.TempDir()
	policy := filepath.Join(t.TempDir(), "ws.yaml")
	os.WriteFile(policy, []byte("name: ws\nimports: [fmt]\ntools:\n  workspace.WriteFile: {allow: 'ext(args.name) == \".txt\"'}\n  workspace.ReadFile: {}\n"), 0o644)
	eng, err := airlock.Load(policy)
	if err != nil {
		t.Fatal(err)
	}
	eng.Close()
	rel, _ := filepath.Rel(filepath.Join(filepath.Dir(callerFile()), ".."), policy)
	cs := connect(t, rel, mcpserver.Options{Workspace: root, TraceDir: traces})
	text, isErr := callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport \"airlock/workspace\"\n\nfunc main() {\n\tif err := workspace.WriteFile(\"notes/step1.txt\", \"42\"); err != nil {\n\t\tpanic(err)\n\t}\n}\n"})
	first := summary(t, text)
	if first["status"] != "ok" || isErr {
		t.Fatalf("writing = %s (isError %v)", text, isErr)
	}
	text, _ = callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport (\n\t\"fmt\"\n\n\t\"airlock/workspace\"\n)\n\nfunc main() {\n\ts, err := workspace.ReadFile(\"notes/step1.txt\")\n\tfmt.Println(s, err)\n}\n"})
	if s := summary(t, text); s["output"] != "42 <nil>\n" {
		t.Errorf("reading in the next run = %s", text)
	}
	text, isErr = callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport \"airlock/workspace\"\n\nfunc main() { workspace.WriteFile(\"x.sh\", \"rm -rf /\") }\n"})
	if s := summary(t, text); s["status"] != "denied" || !isErr {
		t.Errorf("a write the policy refuses = %s (isError %v: want true for every status but ok)", text, isErr)
	} else if hint := s["error"].(map[string]any)["hint"].(string); !strings.Contains(hint, "describe_tool") {
		t.Errorf("a model behind MCP is pointed at a command: %q", hint)
	}
	// One trace per run, named by the run's id, in the order they ran.
	files, _ := filepath.Glob(filepath.Join(traces, "run-*.jsonl"))
	if len(files) != 3 || filepath.Base(files[0]) != "run-"+first["run_id"].(string)+".jsonl" {
		t.Fatalf("traces %q, want three, the first named by run_id %v", files, first["run_id"])
	}
	trace, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(trace)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"tool":"workspace.WriteFile","args":{"content":"42","name":"notes/step1.txt"},"verdict":"allowed"`) ||
		!strings.Contains(lines[1], `"status":"ok"`) {
		t.Errorf("trace = %s", trace)
	}
}

func callerFile() string {
	_, file, _, _ := runtime.Caller(0)
	return file
}

// TestMCPServerJoin runs the walk-through's program, an MCP server joined
// with SQLite, through airlock's own MCP server.
func TestMCPServerJoin(t *testing.T) {
	servers := fixtures.MCPServers(t)
	if servers == "" {
		t.Skip("no MCP servers from the npm registry: install them as .ci/run does and set AIRLOCK_MCP_SERVERS to that folder")
	}
	t.Setenv("AIRLOCK_MCP_SERVERS", servers)
	cs := connect(t, "policies/support.yaml", mcpserver.Options{Pool: 1})
	src, err := os.ReadFile(filepath.Join(filepath.Dir(callerFile()), "..", "testdata", "examples", "at_risk_customers.go"))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := callText(t, cs, "run_program", map[string]any{"program": string(src)})
	s := summary(t, text)
	stats, _ := s["stats"].(map[string]any)
	if s["status"] != "ok" || stats["tool_data_tokens"] != 340250.0 || stats["summary_tokens"].(float64) > 2000 {
		t.Errorf("the join through airlock mcp = %s", text)
	}
	text, _ = callText(t, cs, "describe_tool", map[string]any{"name": "files.ReadTextFile"})
	if !strings.Contains(text, `// import "airlock/mcp/files"`) || !strings.Contains(text, "type ReadTextFileArgs struct") {
		t.Errorf("describe_tool of an MCP tool = %s", text)
	}
}

// TestMCPServerHTTP serves airlock over streamable HTTP, as --http does,
// to a Go SDK client.
func TestMCPServerHTTP(t *testing.T) {
	eng, err := airlock.Load("")
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	srv := mcpserver.New(eng, mcpserver.Options{})
	defer srv.Close()
	hs := httptest.NewServer(sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return srv.MCP() }, nil))
	defer hs.Close()
	client := sdk.NewClient(&sdk.Implementation{Name: "test", Version: "1"}, nil)
	cs, err := client.Connect(context.Background(), &sdk.StreamableClientTransport{Endpoint: hs.URL}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	text, _ := callText(t, cs, "run_program", map[string]any{"program": "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(6 * 7) }\n"})
	if s := summary(t, text); s["status"] != "ok" || s["output"] != "42\n" {
		t.Errorf("run_program over HTTP = %s", text)
	}
}

// TestMCPServerConcurrent serves airlock over streamable HTTP to 32 client
// sessions at once, each running a program of its own through one engine:
// fs, sql, shell.Run, scripts and an MCP server in turn. Each answer must
// be what the program gives alone, counting only its own calls. CI runs it
// with -race too.
func TestMCPServerConcurrent(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	shop := filepath.Join(filepath.Dir(file), "..", "testdata", "shop.db")
	servers := fixtures.MCPServers(t)
	if servers == "" {
		t.Log("no MCP servers from the npm registry: the MCP runs are left out")
	}
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, r.URL.Path) }))
	defer web.Close()
	path, jobs, err := fixtures.Concurrent(t.TempDir(), shop, servers, web.URL, 32, raceBuild)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := airlock.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	srv := mcpserver.New(eng, mcpserver.Options{Pool: 2, Workspace: t.TempDir()})
	defer srv.Close()
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()

	// What each program gives alone, straight through the engine.
	type result struct {
		Status string
		Output string
		Error  *struct{ Kind, Message string }
		Calls  map[string]struct{ Count int }
		Stats  struct {
			ToolCalls int `json:"tool_calls"`
		}
	}
	alone := make([]result, len(jobs))
	for i, j := range jobs {
		ws, err := tools.OpenWorkspace(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		s := eng.Run(tools.WithWorkspace(context.Background(), ws), j.Name, []byte(j.Src), airlock.RunOptions{})
		if err := json.Unmarshal(s.Encode(4000), &alone[i]); err != nil || alone[i].Status != "ok" {
			t.Fatalf("job %d alone: %s", i, s.Encode(4000))
		}
	}
	together := make([]result, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			client := sdk.NewClient(&sdk.Implementation{Name: "test", Version: "1"}, nil)
			cs, err := client.Connect(context.Background(), &sdk.StreamableClientTransport{Endpoint: hs.URL}, nil)
			if err != nil {
				t.Error(err)
				return
			}
			defer cs.Close()
			res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: "run_program",
				Arguments: map[string]any{"program": j.Src, "max_tokens": 4000}})
			if err != nil || len(res.Content) == 0 {
				t.Errorf("job %d: %v", i, err)
				return
			}
			if err := json.Unmarshal([]byte(res.Content[0].(*sdk.TextContent).Text), &together[i]); err != nil {
				t.Errorf("job %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	for i := range jobs {
		a, b := alone[i], together[i]
		if b.Status != "ok" || b.Output != a.Output || b.Stats.ToolCalls != a.Stats.ToolCalls || !reflect.DeepEqual(a.Calls, b.Calls) {
			t.Errorf("job %d (%s) through airlock mcp: %+v (error %+v); alone: %+v", i, jobs[i].Name, b, b.Error, a)
		}
	}
}

// TestMain makes the test binary able to serve as airlock's sandboxed
// child.
func TestMain(m *testing.M) {
	airlock.Child()
	os.Exit(m.Run())
}
