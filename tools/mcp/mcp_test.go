package mcp

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/internal/proc"
	"github.com/airlockhq/airlock/tools/provider"
)

var update = flag.Bool("u", false, "rewrite golden files")

// serversDir returns the npm prefix the MCP servers are installed under,
// skipping the test when none is configured. CI installs them with
//
//	npm install --prefix "$AIRLOCK_MCP_SERVERS" @modelcontextprotocol/server-everything@2026.8.31 \
//	    @modelcontextprotocol/server-filesystem@2026.8.31 @modelcontextprotocol/server-memory@2026.8.31
func serversDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("AIRLOCK_MCP_SERVERS")
	if dir == "" {
		t.Skip("AIRLOCK_MCP_SERVERS is not set: install the servers with `npm install --prefix DIR " +
			"@modelcontextprotocol/server-everything @modelcontextprotocol/server-filesystem " +
			"@modelcontextprotocol/server-memory` and set it to DIR")
	}
	for _, bin := range []string{"mcp-server-everything", "mcp-server-filesystem", "mcp-server-memory"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", ".bin", bin)); err != nil {
			t.Fatalf("AIRLOCK_MCP_SERVERS=%s lacks %s: %v", dir, bin, err)
		}
	}
	return dir
}

func serverBin(dir, name string) string {
	return filepath.Join(dir, "node_modules", ".bin", name)
}

// open returns a provider, closed when the test ends.
func open(t testing.TB, name string, cfg map[string]any) *Provider {
	t.Helper()
	p, err := New(name, cfg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func memory(t testing.TB) *Provider {
	dir := serversDir(t)
	return open(t, "memory", map[string]any{
		"command": serverBin(dir, "mcp-server-memory"),
		"env":     map[string]any{"MEMORY_FILE_PATH": filepath.Join(t.TempDir(), "memory.jsonl")},
	})
}

func everything(t testing.TB, extra map[string]any) *Provider {
	dir := serversDir(t)
	cfg := map[string]any{"command": serverBin(dir, "mcp-server-everything"), "args": []any{"stdio"}}
	for k, v := range extra {
		cfg[k] = v
	}
	return open(t, "everything", cfg)
}

func filesystem(t testing.TB, root string) *Provider {
	dir := serversDir(t)
	return open(t, "files", map[string]any{"command": serverBin(dir, "mcp-server-filesystem"), "args": []any{root}})
}

// call prepares and performs one call, as the parent does for a program.
func call(t testing.TB, p *Provider, fn, args string) (any, error) {
	t.Helper()
	canon, err := p.Prepare(fn, []json.RawMessage{json.RawMessage(args)})
	if err != nil {
		t.Fatalf("Prepare(%s, %s): %v", fn, args, err)
	}
	return unwrap(p.Call(context.Background(), fn, canon))
}

// typeCheck parses and type-checks a generated declaration.
func typeCheck(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "decl.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, src)
	}
	// Declarations without bodies are legal Go only for assembly-backed
	// functions; the planner checks them the same way, ignoring that error.
	conf := types.Config{Importer: importer.Default(), Error: func(err error) {
		if !strings.Contains(err.Error(), "missing function body") {
			t.Errorf("type check: %v", err)
		}
	}}
	pkg, _ := conf.Check(f.Name.Name, fset, []*ast.File{f}, nil)
	return pkg
}

func TestDeclarations(t *testing.T) {
	dir := serversDir(t)
	root := t.TempDir()
	servers := map[string]*Provider{
		"memory":     memory(t),
		"everything": everything(t, nil),
		"files":      filesystem(t, root),
	}
	wantTools := map[string][]string{ // a few tools each server is known to have
		"memory":     {"CreateEntities:create_entities", "ReadGraph:read_graph", "AddObservations:add_observations"},
		"everything": {"Echo:echo", "GetSum:get-sum", "GetEnv:get-env"},
		"files":      {"ReadTextFile:read_text_file", "ListDirectory:list_directory"},
	}
	_ = dir
	for name, p := range servers {
		t.Run(name, func(t *testing.T) {
			if err := p.Connect(context.Background()); err != nil {
				t.Fatal(err)
			}
			pkg := p.Package()
			if pkg.Path != "airlock/mcp/"+name || pkg.Name != name {
				t.Errorf("package %s %s; want airlock/mcp/%s %s", pkg.Path, pkg.Name, name, name)
			}
			tp := typeCheck(t, pkg.Source)
			funcs, err := decl.Parse(pkg.Source)
			if err != nil {
				t.Fatal(err)
			}
			if len(funcs) == 0 {
				t.Fatalf("no functions declared:\n%s", pkg.Source)
			}
			for _, f := range funcs {
				if len(f.Params) != 1 || f.Params[0] != "args" {
					t.Errorf("%s params %v; want [args]", f.Name, f.Params)
				}
				if _, ok := p.Tool(f.Name); !ok {
					t.Errorf("%s maps to no tool", f.Name)
				}
				sig := tp.Scope().Lookup(f.Name).Type().(*types.Signature)
				if sig.Results().Len() != 2 || sig.Results().At(1).Type().String() != "error" {
					t.Errorf("%s: results %s; want (T, error)", f.Name, sig.Results())
				}
			}
			for _, pair := range wantTools[name] {
				fn, tool, _ := strings.Cut(pair, ":")
				if got, ok := p.Tool(fn); !ok || got != tool {
					t.Errorf("Tool(%s) = %q, %v; want %q", fn, got, ok, tool)
				}
			}
			if name == "memory" {
				golden(t, "testdata/memory.golden", pkg.Source)
			}
		})
	}
}

// golden compares got with a file, rewriting it under -u.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -u rewrites it); got:\n%s", path, got)
	}
}

func TestMemoryRoundTrip(t *testing.T) {
	p := memory(t)
	args := `{"entities":[{"name":"airlock","entityType":"project","observations":["runs Go programs","checks policies"]}]}`
	canon, err := p.Prepare("CreateEntities", []json.RawMessage{json.RawMessage(args)})
	if err != nil {
		t.Fatal(err)
	}
	// The policy sees the server's property names.
	ents, ok := canon["entities"].([]any)
	if !ok || len(ents) != 1 || ents[0].(map[string]any)["entityType"] != "project" {
		t.Fatalf("canonical args %v", canon)
	}
	if _, err := p.Call(context.Background(), "CreateEntities", canon); err != nil {
		t.Fatal(err)
	}
	got, err := call(t, p, "ReadGraph", `{}`)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(got)
	for _, want := range []string{`"name":"airlock"`, `"entityType":"project"`, `"checks policies"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("read_graph result lacks %s: %s", want, b)
		}
	}
}

func TestPrepareValidates(t *testing.T) {
	p := memory(t)
	for _, tt := range []struct{ args, want string }{
		{`{"entities":[{"name":"x","entityType":"y"}]}`, "observations"},
		{`{"entities":"nope"}`, "/entities"},
		{`{}`, "entities"},
		{`[1]`, "want an object, got an array"},
		{`null`, "want an object, got null"},
	} {
		_, err := p.Prepare("CreateEntities", []json.RawMessage{json.RawMessage(tt.args)})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Prepare(%s) = %v; want an error mentioning %q", tt.args, err, tt.want)
		}
	}
	if _, err := p.Prepare("NoSuchTool", []json.RawMessage{json.RawMessage(`{}`)}); err == nil {
		t.Error("Prepare of an unknown function succeeded")
	}
	if _, err := p.Prepare("ReadGraph", nil); err == nil {
		t.Error("Prepare without arguments succeeded")
	}
}

func TestFilesystem(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "notes.txt"), []byte("hello from the allowed dir\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	p := filesystem(t, root)

	got, err := call(t, p, "ReadTextFile", fmt.Sprintf(`{"path":%q}`, filepath.Join(root, "notes.txt")))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(got)
	if !strings.Contains(string(b), "hello from the allowed dir") {
		t.Errorf("read_text_file returned %s", b)
	}

	// A tool error (isError) comes back as a Go error with the server's text.
	_, err = call(t, p, "ReadTextFile", fmt.Sprintf(`{"path":%q}`, outside))
	if err == nil || !strings.Contains(err.Error(), "denied") {
		t.Errorf("reading outside the allowed dir: %v; want an access denied error", err)
	}
}

func TestEverything(t *testing.T) {
	t.Setenv("AIRLOCK_TEST_SECRET", "parent-only")
	t.Setenv("AIRLOCK_TEST_GIVEN", "handed-over")
	p := everything(t, map[string]any{"env": map[string]any{"GIVEN": "${AIRLOCK_TEST_GIVEN}"}})

	got, err := call(t, p, "Echo", `{"message":"hi there"}`)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := got.(Result); !ok || !strings.Contains(r.Text, "hi there") {
		t.Errorf("echo = %#v", got)
	}

	got, err = call(t, p, "GetSum", `{"a":2,"b":40}`)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := got.(Result); !ok || !strings.Contains(r.Text, "42") {
		t.Errorf("get-sum = %#v", got)
	}

	// The server sees only the environment the policy gives it.
	got, err = call(t, p, "GetEnv", `{}`)
	if err != nil {
		t.Fatal(err)
	}
	env := got.(Result).Text
	if !strings.Contains(env, "handed-over") || strings.Contains(env, "parent-only") {
		t.Errorf("server environment: %s", env)
	}

	// A structured result comes through as the declared type's JSON.
	got, err = call(t, p, "GetStructuredContent", `{"location":"New York"}`)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(got); !strings.Contains(string(b), "temperature") {
		t.Errorf("get-structured-content = %s", b)
	}
}

func TestTimeout(t *testing.T) {
	p := everything(t, map[string]any{"timeout": "500ms"})
	start := time.Now()
	_, err := call(t, p, "TriggerLongRunningOperation", `{"duration":30,"steps":3}`)
	if err == nil || !strings.Contains(err.Error(), "within 500ms") {
		t.Fatalf("long call: %v; want a timeout", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout took %s", d)
	}
	// The connection survives: the next call works.
	if _, err := call(t, p, "Echo", `{"message":"still here"}`); err != nil {
		t.Errorf("call after a timeout: %v", err)
	}
}

func hostile(t *testing.T, mode string, extra map[string]any) *Provider {
	serversDir(t) // node comes with the servers
	cfg := map[string]any{"command": "node", "args": []any{abs(t, "testdata/hostile.js"), mode}}
	for k, v := range extra {
		cfg[k] = v
	}
	return open(t, "hostile", cfg)
}

func abs(t *testing.T, path string) string {
	a, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestHostileServer(t *testing.T) {
	t.Run("silent", func(t *testing.T) {
		p := hostile(t, "silent", map[string]any{"connect_timeout": "1s"})
		start := time.Now()
		err := p.Connect(context.Background())
		if err == nil || !strings.Contains(err.Error(), "no answer to initialize within 1s") {
			t.Errorf("Connect: %v", err)
		}
		if !strings.Contains(p.Package().Source, "is unavailable") {
			t.Errorf("declaration of an unavailable server:\n%s", p.Package().Source)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("giving up took %s", d)
		}
	})
	t.Run("hang", func(t *testing.T) {
		p := hostile(t, "", map[string]any{"timeout": "300ms"})
		_, err := call(t, p, "Hang", `{}`)
		if err == nil || !strings.Contains(err.Error(), "no response from the server within 300ms") {
			t.Errorf("hang: %v", err)
		}
		start := time.Now()
		p.Close()
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("Close took %s", d)
		}
	})
	t.Run("flood", func(t *testing.T) {
		p := hostile(t, "", map[string]any{"max_response": "1MiB"})
		if err := p.Connect(context.Background()); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := call(t, p, "Flood", `{}`)
		runtime.ReadMemStats(&after)
		if err == nil || !strings.Contains(err.Error(), "exceeds max_response (1 MiB)") {
			t.Errorf("flood: %v", err)
		}
		// 100 MiB arrived; only about the cap may have been buffered.
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
			t.Errorf("reading the flood allocated %d MiB", grew>>20)
		}
		// The provider reconnects for the next call.
		if _, err := call(t, p, "Flood", `{}`); err == nil {
			t.Error("second flood succeeded")
		}
	})
}

func TestCloseStopsServer(t *testing.T) {
	p := everything(t, nil)
	if err := p.Connect(context.Background()); err != nil {
		t.Fatal(err)
	}
	c := p.conn
	start := time.Now()
	p.Close()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %s", d)
	}
	select {
	case <-c.done:
	default:
		t.Error("server still running after Close")
	}
	if _, err := p.Prepare("Echo", []json.RawMessage{json.RawMessage(`{"message":"x"}`)}); err != nil {
		t.Errorf("Prepare after Close uses the kept declaration: %v", err)
	}
	if _, err := p.Call(context.Background(), "Echo", map[string]any{"message": "x"}); err == nil {
		t.Error("Call after Close succeeded")
	}
}

func TestStreamableHTTP(t *testing.T) {
	dir := serversDir(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(serverBin(dir, "mcp-server-everything"), "streamableHttp")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), fmt.Sprintf("PORT=%d", port)}
	proc.SetGroup(cmd)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { proc.SignalGroup(cmd, true); cmd.Wait() })
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server-everything did not listen on %s", addr)
		}
		time.Sleep(50 * time.Millisecond)
	}

	p := open(t, "remote", map[string]any{"url": "http://" + addr + "/mcp", "headers": map[string]any{"X-Test": "1"}})
	got, err := call(t, p, "Echo", `{"message":"over http"}`)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := got.(Result); !ok || !strings.Contains(r.Text, "over http") {
		t.Errorf("echo = %#v", got)
	}
	typeCheck(t, p.Package().Source)
}

func TestNewErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  map[string]any
		want string
	}{
		{"memory", map[string]any{"command": "npx", "bogus": 1}, `providers.mcp.memory: unknown key "bogus"`},
		{"memory", map[string]any{}, "set command (a stdio server) or url"},
		{"memory", map[string]any{"command": "npx", "url": "http://x"}, "not both"},
		{"memory", map[string]any{"url": "http://x", "args": []any{"a"}}, "apply only to a command"},
		{"memory", map[string]any{"command": "npx", "headers": map[string]any{"A": "b"}}, "apply only to a url"},
		{"memory", map[string]any{"url": "ftp://x"}, "want an http or https URL"},
		{"memory", map[string]any{"command": "npx", "args": []any{1}}, "args[0]: want a string"},
		{"memory", map[string]any{"command": "npx", "timeout": "soon"}, "providers.mcp.memory.timeout"},
		{"my-server", map[string]any{"command": "npx"}, "must be a Go identifier"},
		{"9lives", map[string]any{"command": "npx"}, "must be a Go identifier"},
	} {
		_, err := New(tt.name, tt.cfg, "/")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%s, %v) = %v; want an error containing %q", tt.name, tt.cfg, err, tt.want)
		}
	}
}

func TestMissingEnvironment(t *testing.T) {
	p, err := New("x", map[string]any{"command": "true", "env": map[string]any{"K": "${AIRLOCK_SURELY_UNSET}"}}, "/")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.Connect(context.Background()); err == nil || !strings.Contains(err.Error(), "AIRLOCK_SURELY_UNSET is not set") {
		t.Errorf("Connect: %v", err)
	}
}

func TestLazyStart(t *testing.T) {
	// New starts nothing: a command that does not exist fails only when
	// the server is first needed.
	p, err := New("x", map[string]any{"command": "/nonexistent/mcp-server"}, "/")
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer p.Close()
	if err := p.Connect(context.Background()); err == nil || !strings.Contains(err.Error(), "starting /nonexistent/mcp-server") {
		t.Errorf("Connect: %v", err)
	}
	if _, ok := p.Params("Anything"); ok {
		t.Error("Params of an unreachable server reported a function")
	}
}

// unwrap is what the program gets from a call: the value of a
// provider.Direct result.
func unwrap(v any, err error) (any, error) {
	v, _, _ = provider.Unwrap(v)
	return v, err
}
