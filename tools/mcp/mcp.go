// Package mcp serves the tools of an MCP server to programs as a Go
// package, airlock/mcp/<name>, with the official Go SDK
// (github.com/modelcontextprotocol/go-sdk).
//
// The parent process is the MCP client. A stdio server is started by the
// parent with only the environment the policy gives it; a streamable-HTTP
// server is reached by URL. Either way the connection is made lazily, the
// first time the declaration or a call needs it, and Close stops a started
// server within a bounded time.
//
// The package's Go source is generated from the server's tools/list: one
// function per tool, taking a struct generated from the tool's input schema
// and returning a struct generated from its output schema, or the generic
// Result when it has none. Struct fields carry json tags holding the
// server's property names, which the sandbox's stubs honour when they encode
// arguments and decode results; the policy sees the arguments as the
// property map the server receives, so a rule reads args.<property>.
package mcp

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/internal/proc"
	"github.com/airlockhq/airlock/tools/provider"
	"github.com/google/jsonschema-go/jsonschema"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// Defaults for settings the policy leaves out.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultConnectTimeout = 30 * time.Second
	DefaultMaxResponse    = 8 << 20
)

// Bounds on stopping a stdio server: after its stdin closes it has
// stopGrace to exit, then SIGTERM and killGrace more before SIGKILL. Many
// servers (server-everything among them) ignore a closed stdin.
const (
	stopGrace = 100 * time.Millisecond
	killGrace = time.Second
)

// maxErrorText caps the text of a tool error handed to the program.
const maxErrorText = 64 << 10

// Provider serves one MCP server as the tool package airlock/mcp/<name>.
// It is safe for concurrent use.
type Provider struct {
	name    string
	label   string // "providers.mcp.<name>", for error messages
	command string
	args    []string
	env     map[string]string
	cwd     string
	url     string
	headers map[string]string

	timeout        time.Duration
	connectTimeout time.Duration
	maxResponse    int64

	mu          sync.Mutex
	conn        *conn        // nil until connected, and after a broken connection
	decl        *declaration // kept across reconnections: programs were checked against it
	connectTime time.Duration
	closed      bool
}

// New returns a provider for the MCP server called name, configured by its
// settings. name must be a Go identifier; it is the package name programs
// import as "airlock/mcp/<name>" and the prefix of tool names
// ("<name>.<Func>"). A stdio server:
//
//	command: npx                      # looked up in the parent's PATH
//	args: [-y, "@modelcontextprotocol/server-memory"]
//	env: {MEMORY_FILE_PATH: "${HOME}/memory.jsonl"}
//	cwd: .                            # relative to baseDir; default baseDir
//
// or a streamable-HTTP server:
//
//	url: http://127.0.0.1:3001/mcp
//	headers: {Authorization: "Bearer ${TOKEN}"}
//
// and for either:
//
//	timeout: 30s           # one tool call
//	connect_timeout: 30s   # starting the server, initialize and tools/list
//	max_response: 8MiB     # largest message from the server, as received
//
// A stdio server gets exactly the variables under env, with ${VAR}
// expanded from the parent's environment when it starts (an unset
// variable is an error), plus PATH and HOME copied from the parent unless
// env sets them: npx and node need both to start. Header values expand
// ${VAR} the same way, and so do command and args. An unknown key is an error.
func New(name string, cfg map[string]any, baseDir string) (*Provider, error) {
	label := "providers.mcp." + name
	if !isIdent(name) {
		return nil, fmt.Errorf("%s: server name must be a Go identifier such as memory or gh_issues", label)
	}
	rest := maps.Clone(cfg)
	p := &Provider{name: name, label: label}
	var err error
	if p.command, err = config.TakeString(rest, label, "command"); err != nil {
		return nil, err
	}
	if p.args, err = config.TakeStrings(rest, label, "args"); err != nil {
		return nil, err
	}
	cwd, err := config.TakeString(rest, label, "cwd")
	if err != nil {
		return nil, err
	}
	if p.url, err = config.TakeString(rest, label, "url"); err != nil {
		return nil, err
	}
	s := config.New("mcp."+name, rest)
	p.env = s.StringMap("env")
	p.headers = s.StringMap("headers")
	p.timeout = s.Duration("timeout", DefaultTimeout)
	p.connectTimeout = s.Duration("connect_timeout", DefaultConnectTimeout)
	p.maxResponse = s.Size("max_response", DefaultMaxResponse)
	if err := s.Err(); err != nil {
		return nil, err
	}
	switch {
	case p.command == "" && p.url == "":
		return nil, fmt.Errorf("%s: set command (a stdio server) or url (a streamable-HTTP server)", label)
	case p.command != "" && p.url != "":
		return nil, fmt.Errorf("%s: set command or url, not both", label)
	case p.url != "" && (len(p.args) > 0 || len(p.env) > 0 || cwd != ""):
		return nil, fmt.Errorf("%s: args, env and cwd apply only to a command", label)
	case p.command != "" && len(p.headers) > 0:
		return nil, fmt.Errorf("%s: headers apply only to a url", label)
	}
	if p.url != "" && !strings.HasPrefix(p.url, "http://") && !strings.HasPrefix(p.url, "https://") {
		return nil, fmt.Errorf("%s.url: want an http or https URL, got %q", label, p.url)
	}
	if p.command != "" {
		p.cwd = baseDir
		if cwd != "" {
			p.cwd = cwd
			if !filepath.IsAbs(cwd) {
				p.cwd = filepath.Join(baseDir, cwd)
			}
		}
	}
	return p, nil
}

// Resolved lists the server's command as found on $PATH, its arguments
// and folder, or its URL, with ${VAR} expanded. The environment and
// headers are left out: they carry credentials.
func (p *Provider) Resolved() []string {
	if p.url != "" {
		return []string{"url " + config.ExpandOrKeep(p.url)}
	}
	out := []string{"command " + config.Command(config.ExpandOrKeep(p.command)), "cwd " + config.RealPath(p.cwd)}
	for _, a := range p.args {
		out = append(out, fmt.Sprintf("arg %q", config.ExpandOrKeep(a)))
	}
	return out
}

func isIdent(s string) bool {
	if s == "" || s == "_" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || i > 0 && '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// Name returns the server's name, the package's name.
func (p *Provider) Name() string { return p.name }

// Path returns the import path programs use, "airlock/mcp/<name>".
func (p *Provider) Path() string { return "airlock/mcp/" + p.name }

// Connect connects to the server, if no connection is open, and reads its
// tools. Package, Params, Prepare and Call connect on their own; Connect
// lets a caller report a server that cannot start before anything else.
func (p *Provider) Connect(ctx context.Context) error {
	_, err := p.connection(ctx)
	return err
}

// ConnectTime returns how long the last successful connection took:
// starting the server, initialize and tools/list.
func (p *Provider) ConnectTime() time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.connectTime
}

// Package returns the generated declaration, connecting first if needed.
// When the server cannot be reached, the package declares no functions and
// its doc comment says why; Connect returns the error itself.
func (p *Provider) Package() plan.ToolPackage {
	pkg := plan.ToolPackage{Path: p.Path(), Name: p.name}
	d, err := p.declaration()
	if err != nil {
		pkg.Source = fmt.Sprintf("// Package %s is unavailable: %s\npackage %s\n",
			p.name, strings.Join(strings.Fields(err.Error()), " "), p.name)
		return pkg
	}
	pkg.Source = d.Source
	return pkg
}

// Tool returns the MCP tool name behind the Go function fn ("CreateEntities"
// gives "create_entities").
func (p *Provider) Tool(fn string) (string, bool) {
	d, err := p.declaration()
	if err != nil || d.Funcs[fn] == nil {
		return "", false
	}
	return d.Funcs[fn].Tool, true
}

// Params returns the parameter names of fn: every generated function takes
// one struct, args.
func (p *Provider) Params(fn string) ([]string, bool) {
	d, err := p.declaration()
	if err != nil || d.Funcs[fn] == nil {
		return nil, false
	}
	return []string{"args"}, true
}

// Prepare decodes the one argument of a call to fn, a JSON object, checks
// it against the tool's input schema, and returns it as the map of
// properties the server will receive: the canonical arguments, which a
// policy reads as args.<property>. Whole numbers become int64, other numbers
// float64. Prepare does no I/O once the provider has connected.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	d, err := p.declaration()
	if err != nil {
		return nil, err
	}
	f := d.Funcs[fn]
	if f == nil {
		return nil, fmt.Errorf("%s has no function %s", p.name, fn)
	}
	if len(raw) != 1 {
		return nil, fmt.Errorf("%s takes 1 argument (args), got %d", fn, len(raw))
	}
	v, err := decodeJSON(raw[0])
	if err != nil {
		return nil, fmt.Errorf("argument args: %w", err)
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("argument args: want an object, got %s", jsonKind(v))
	}
	args := canonical(obj).(map[string]any)
	if f.schema != nil {
		if err := f.schema.Validate(args); err != nil {
			return nil, fmt.Errorf("argument args: %s", validationMessage(err))
		}
	}
	return args, nil
}

// canonical turns json.Number into int64 when whole, else float64.
func canonical(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = canonical(e)
		}
	case []any:
		for i, e := range x {
			x[i] = canonical(e)
		}
	}
	return v
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a bool"
	case json.Number:
		return "a number"
	case []any:
		return "an array"
	}
	return "an object"
}

// Call calls the tool behind fn with the arguments Prepare returned, within
// the configured timeout. A tool that reports an error (isError) gives an
// error with its text. The result is the structured content for a tool with
// an output schema, else a Result.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	c, err := p.connection(ctx)
	if err != nil {
		return nil, err
	}
	f := p.decl.Funcs[fn]
	if f == nil {
		return nil, fmt.Errorf("%s has no function %s", p.name, fn)
	}
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	res, err := c.session.CallTool(ctx, &sdk.CallToolParams{Name: f.Tool, Arguments: args})
	if err != nil {
		switch {
		case c.over.Load():
			p.drop(c)
			return nil, fmt.Errorf("the server's response exceeds max_response (%s); the connection was closed",
				config.FormatSize(p.maxResponse))
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			return nil, fmt.Errorf("no response from the server within %s", p.timeout)
		case c.exited():
			p.drop(c)
			return nil, fmt.Errorf("the server exited%s", stderrSuffix(c.stderr))
		case errors.Is(err, sdk.ErrConnectionClosed):
			p.drop(c) // the next call connects again
		}
		return nil, fmt.Errorf("calling %s: %w", f.Tool, err)
	}
	if res.IsError {
		text := contentText(res.Content)
		if len(text) > maxErrorText {
			text = text[:maxErrorText] + "..."
		}
		if text == "" {
			text = "the tool reported an error without text"
		}
		return nil, errors.New(text)
	}
	// A client puts a result's content in the model's context: its text,
	// or the structured content when there is no text.
	text := contentText(res.Content)
	if text == "" && res.StructuredContent != nil {
		if b, err := json.Marshal(res.StructuredContent); err == nil {
			text = string(b)
		}
	}
	if f.Typed {
		if res.StructuredContent != nil {
			return provider.Direct{Value: res.StructuredContent, Text: text}, nil
		}
		var v any
		if err := json.Unmarshal([]byte(contentText(res.Content)), &v); err == nil {
			return provider.Direct{Value: v, Text: text}, nil
		}
		return nil, errors.New("the tool declares an output schema but returned no structured content")
	}
	return provider.Direct{Value: result(res), Text: text}, nil
}

// result converts a CallToolResult into the generic Result.
func result(res *sdk.CallToolResult) Result {
	r := Result{Text: contentText(res.Content), Structured: res.StructuredContent, Content: []Content{}}
	for _, c := range res.Content {
		var x Content
		switch c := c.(type) {
		case *sdk.TextContent:
			x = Content{Type: "text", Text: c.Text}
		case *sdk.ImageContent:
			x = Content{Type: "image", MIMEType: c.MIMEType, Data: base64.StdEncoding.EncodeToString(c.Data)}
		case *sdk.AudioContent:
			x = Content{Type: "audio", MIMEType: c.MIMEType, Data: base64.StdEncoding.EncodeToString(c.Data)}
		case *sdk.ResourceLink:
			x = Content{Type: "resource_link", URI: c.URI, MIMEType: c.MIMEType, Text: c.Description}
		case *sdk.EmbeddedResource:
			x = Content{Type: "resource"}
			if rc := c.Resource; rc != nil {
				x.URI, x.MIMEType, x.Text = rc.URI, rc.MIMEType, rc.Text
				if len(rc.Blob) > 0 {
					x.Data = base64.StdEncoding.EncodeToString(rc.Blob)
				}
			}
		default:
			continue
		}
		r.Content = append(r.Content, x)
	}
	return r
}

// contentText joins the text blocks of content with newlines.
func contentText(content []sdk.Content) string {
	var parts []string
	for _, c := range content {
		if t, ok := c.(*sdk.TextContent); ok {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// Close stops the server, or closes the HTTP session, within a few seconds
// at most. The provider cannot be used afterwards.
func (p *Provider) Close() error {
	p.mu.Lock()
	c := p.conn
	p.conn, p.closed = nil, true
	p.mu.Unlock()
	if c != nil {
		c.close()
	}
	return nil
}

// drop closes a broken connection; the next call connects again.
func (p *Provider) drop(c *conn) {
	p.mu.Lock()
	if p.conn == c {
		p.conn = nil
	}
	p.mu.Unlock()
	c.close()
}

// declaration returns the generated declaration, connecting only when no
// connection has generated it yet: once generated, it stays, so Prepare
// does no I/O and programs keep the package they were checked against.
func (p *Provider) declaration() (*declaration, error) {
	p.mu.Lock()
	d := p.decl
	p.mu.Unlock()
	if d != nil {
		return d, nil
	}
	if _, err := p.connection(context.Background()); err != nil {
		return nil, err
	}
	return p.decl, nil
}

// connection returns the open connection, connecting first if needed.
func (p *Provider) connection(ctx context.Context) (*conn, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, fmt.Errorf("MCP server %s: provider is closed", p.name)
	}
	if p.conn != nil && !p.conn.exited() {
		return p.conn, nil
	}
	if p.conn != nil {
		p.conn.close()
		p.conn = nil
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, p.connectTimeout)
	defer cancel()
	c, err := p.dial(ctx)
	if err != nil {
		return nil, fmt.Errorf("MCP server %s: %w", p.name, err)
	}
	tools, err := listTools(ctx, c.session)
	if err == nil && p.decl == nil {
		var d declaration
		if d, err = generate(p.name, p.name, tools); err == nil {
			err = d.compileSchemas(tools)
			p.decl = &d
		}
	}
	if err != nil {
		c.close()
		switch {
		case c.over.Load():
			err = fmt.Errorf("tools/list exceeds max_response (%s)", config.FormatSize(p.maxResponse))
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			err = fmt.Errorf("no answer to tools/list within %s", p.connectTimeout)
		}
		return nil, fmt.Errorf("MCP server %s: %w%s", p.name, err, stderrSuffix(c.stderr))
	}
	p.conn = c
	p.connectTime = time.Since(start)
	return c, nil
}

// listTools reads every page of tools/list, as plain JSON maps.
func listTools(ctx context.Context, s *sdk.ClientSession) ([]toolInfo, error) {
	var out []toolInfo
	for t, err := range s.Tools(ctx, nil) {
		if err != nil {
			return nil, fmt.Errorf("listing tools: %w", err)
		}
		info := toolInfo{Name: t.Name, Title: t.Title, Description: t.Description}
		var err error
		if info.InputSchema, err = asMap(t.InputSchema); err != nil {
			return nil, fmt.Errorf("tool %s: input schema: %w", t.Name, err)
		}
		if info.OutputSchema, err = asMap(t.OutputSchema); err != nil {
			return nil, fmt.Errorf("tool %s: output schema: %w", t.Name, err)
		}
		out = append(out, info)
	}
	return out, nil
}

func asMap(v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("not a JSON object")
	}
	return m, nil
}

// validationMessage writes a validation error as where in the arguments
// and what: "at /entities: type: null has type "null", want "array"".
func validationMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "validating root: ")
	at := ""
	for {
		rest, ok := strings.CutPrefix(msg, "validating ")
		if !ok {
			break
		}
		loc, after, ok := strings.Cut(rest, ": ")
		if !ok {
			break
		}
		at, msg = loc, after
	}
	at = strings.ReplaceAll(strings.ReplaceAll(at, "/properties/", "/"), "/items", "/*")
	msg = strings.ReplaceAll(msg, "<invalid reflect.Value>", "null")
	if at == "" {
		return msg
	}
	return "at " + at + ": " + msg
}

// decodeJSON decodes one JSON value, keeping numbers as json.Number and
// refusing anything after it.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("more than one JSON value")
	}
	return v, nil
}

// compileSchemas compiles each tool's input schema. References to anything
// outside the schema itself are refused rather than fetched.
func (d *declaration) compileSchemas(tools []toolInfo) error {
	byTool := map[string]toolInfo{}
	for _, t := range tools {
		byTool[t.Name] = t
	}
	for _, f := range d.Funcs {
		t := byTool[f.Tool]
		if t.InputSchema == nil {
			continue
		}
		b, _ := json.Marshal(t.InputSchema)
		var s jsonschema.Schema
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("tool %s: input schema: %w", t.Name, err)
		}
		switch s.Schema {
		case "", "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-07/schema#",
			"https://json-schema.org/draft/2020-12/schema":
		default:
			// Another draft: its keywords are read as 2020-12's, which
			// the common ones (types, properties, required) share.
			s.Schema = ""
		}
		// References to anything outside the schema are refused: Resolve
		// has no loader, so it neither reads files nor fetches.
		rs, err := s.Resolve(&jsonschema.ResolveOptions{BaseURI: "airlock:///" + f.Name + ".json"})
		if err != nil {
			return fmt.Errorf("tool %s: input schema: %w", t.Name, err)
		}
		f.schema = rs
	}
	return nil
}

// conn is one open connection to the server.
type conn struct {
	session *sdk.ClientSession
	cmd     *exec.Cmd     // stdio only
	done    chan struct{} // closed when the process has exited; stdio only
	stderr  *proc.Tail
	over    *atomic.Bool // the response cap ended the connection
	once    sync.Once
}

func (c *conn) exited() bool {
	if c.done == nil {
		return false
	}
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// close ends the session and stops the process: stdin closed, then SIGTERM
// after stopGrace, then SIGKILL after killGrace, to the whole process group
// (npx starts node as a child).
func (c *conn) close() {
	c.once.Do(func() {
		closed := make(chan struct{})
		if c.session != nil {
			go func() { c.session.Close(); close(closed) }()
		} else {
			close(closed)
		}
		if c.cmd == nil {
			select {
			case <-closed:
			case <-time.After(killGrace):
			}
			return
		}
		for _, step := range []struct {
			wait time.Duration
			sig  func()
		}{
			{stopGrace, func() { proc.SignalGroup(c.cmd, false) }},
			{killGrace, func() { proc.SignalGroup(c.cmd, true) }},
			{killGrace, func() {}},
		} {
			select {
			case <-c.done:
				return
			case <-time.After(step.wait):
				step.sig()
			}
		}
	})
}

// dial starts or reaches the server and completes initialize.
func (p *Provider) dial(ctx context.Context) (*conn, error) {
	c := &conn{stderr: &proc.Tail{Max: 4 << 10}, over: &atomic.Bool{}}
	var transport sdk.Transport
	if p.url != "" {
		headers := map[string]string{}
		for k, v := range p.headers {
			x, err := config.Expand(v)
			if err != nil {
				return nil, fmt.Errorf("%s.headers.%s: %w", p.label, k, err)
			}
			headers[k] = x
		}
		base := http.DefaultTransport.(*http.Transport).Clone()
		base.Proxy = nil
		transport = &sdk.StreamableClientTransport{
			Endpoint: p.url,
			HTTPClient: &http.Client{Transport: &capTransport{
				base: base, max: p.maxResponse, headers: headers, over: c.over,
			}},
			MaxRetries:           -1,
			DisableStandaloneSSE: true,
			MaxEventSize:         int(p.maxResponse) + 1<<10,
		}
	} else {
		t, err := p.start(c)
		if err != nil {
			return nil, err
		}
		transport = t
	}
	client := sdk.NewClient(&sdk.Implementation{Name: "airlock", Version: "1"}, nil)
	session, err := client.Connect(ctx, transport, nil)
	if err != nil {
		c.close()
		switch {
		case c.over.Load():
			err = fmt.Errorf("the initialize response exceeds max_response (%s)", config.FormatSize(p.maxResponse))
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			err = fmt.Errorf("no answer to initialize within %s", p.connectTimeout)
		case c.exited():
			err = fmt.Errorf("the server exited during initialize")
		}
		return nil, fmt.Errorf("connecting: %w%s", err, stderrSuffix(c.stderr))
	}
	c.session = session
	return c, nil
}

// start launches a stdio server with its explicit environment.
func (p *Provider) start(c *conn) (sdk.Transport, error) {
	env := map[string]string{}
	for _, k := range []string{"PATH", "HOME"} {
		if v, ok := os.LookupEnv(k); ok {
			env[k] = v
		}
	}
	for k, v := range p.env {
		x, err := config.Expand(v)
		if err != nil {
			return nil, fmt.Errorf("%s.env.%s: %w", p.label, k, err)
		}
		env[k] = x
	}
	args := make([]string, len(p.args))
	for i, a := range p.args {
		x, err := config.Expand(a)
		if err != nil {
			return nil, fmt.Errorf("%s.args[%d]: %w", p.label, i, err)
		}
		args[i] = x
	}
	command, err := config.Expand(p.command)
	if err != nil {
		return nil, fmt.Errorf("%s.command: %w", p.label, err)
	}
	cmd := exec.Command(command, args...)
	cmd.Dir = p.cwd
	cmd.Env = []string{}
	for _, k := range slices.Sorted(maps.Keys(env)) {
		cmd.Env = append(cmd.Env, k+"="+env[k])
	}
	cmd.Stderr = c.stderr
	proc.SetGroup(cmd)
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("starting %s: %w", p.command, err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, fmt.Errorf("starting %s: %w", p.command, err)
	}
	cmd.Stdin, cmd.Stdout = inR, outW
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, fmt.Errorf("starting %s: %w", p.command, err)
	}
	c.cmd = cmd
	c.done = make(chan struct{})
	go func() { cmd.Wait(); close(c.done) }()
	return &sdk.IOTransport{
		Reader:        &lineCap{r: outR, max: p.maxResponse, over: c.over},
		Writer:        inW,
		MaxLineLength: -1, // lineCap bounds it, and says so
	}, nil
}

// stderrSuffix quotes the last lines a server wrote to stderr, if any.
func stderrSuffix(t *proc.Tail) string {
	s := t.Text()
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > 3 {
		lines = lines[len(lines)-3:]
	}
	return " (server stderr: " + strings.Join(lines, " | ") + ")"
}

// Funcs lists the generated functions: Go name to MCP tool name.
func (p *Provider) Funcs() (map[string]string, error) {
	d, err := p.declaration()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for name, f := range d.Funcs {
		out[name] = f.Tool
	}
	return out, nil
}
