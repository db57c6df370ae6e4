package verify

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// MaxPolicySize bounds the policy files Load accepts; a policy file is not
// read past it.
const MaxPolicySize = 1 << 20

// maxDepth bounds the nesting of provider configuration.
const maxDepth = 32

// topKeys are the keys of a policy file, in the order README.md documents
// them.
var topKeys = []string{"name", "description", "imports", "tools", "program", "labels", "flows", "providers", "limits"}

var (
	toolKeys    = []string{"allow", "reason"}
	programKeys = []string{"deny", "reason"}
	limitKeys   = []string{"timeout", "cpu", "memory", "tool_calls", "output_tokens", "output_bytes", "output_overflow", "result_bytes"}
)

// loader decodes a policy file from its YAML syntax tree, so that every
// problem can point at its line and column.
type loader struct {
	file  string
	src   []byte
	ps    *problems
	lines *lineIndex
	rc    *ruleCompiler
	known map[string]ToolSig
	// knownFor, when set, gives the known tools once the providers section
	// is decoded: which tools exist depends on it (commands, MCP servers).
	knownFor func(providers map[string]any) ([]ToolSig, error)
	pol      *Policy
}

func newLoader(file string, src []byte, known []ToolSig) *loader {
	l := &loader{
		file:  file,
		src:   src,
		ps:    newProblems(file, src),
		lines: newLineIndex(src),
		known: make(map[string]ToolSig, len(known)),
	}
	for _, sig := range known {
		l.known[sig.Name] = sig
	}
	l.rc = &ruleCompiler{ps: l.ps, lines: l.lines, known: l.known, names: sortedKeys(l.known)}
	return l
}

// load decodes the policy, reporting problems to l.ps. The result is only
// meaningful when no problem was reported.
func (l *loader) load() *Policy {
	l.pol = &Policy{
		File:      l.file,
		Limits:    DefaultLimits(),
		Providers: map[string]any{},
		imports:   map[string]bool{},
		tools:     map[string]*grant{},
		known:     l.known,
		labels:    map[string][]string{},
	}
	if len(l.src) > MaxPolicySize {
		l.ps.add(0, 0, "", "policy is larger than %s", FormatSize(MaxPolicySize))
		return l.pol
	}
	root := l.parse()
	if root == nil {
		return l.pol
	}
	if l.knownFor != nil {
		l.learnTools(root)
	}
	for _, kv := range root.Values {
		key, ok := l.key(kv)
		if !ok {
			continue
		}
		switch key {
		case "name":
			l.name(kv.Value)
		case "description":
			if s, ok := l.str(kv.Value, "description"); ok {
				l.pol.Description = s
			}
		case "imports":
			l.imports(kv.Value)
		case "tools":
			l.tools(kv.Value)
		case "program":
			l.program(kv.Value)
		case "labels":
			l.labels(kv.Value)
		case "flows":
			l.flowRules(kv.Value)
		case "providers":
			l.providers(kv.Value)
		case "limits":
			l.limits(kv.Value)
		default:
			l.unknownKey(kv, key, "", topKeys)
		}
	}
	if l.pol.Name == "" {
		l.pol.Name = strings.TrimSuffix(filepath.Base(l.file), filepath.Ext(l.file))
		if !validName(l.pol.Name) {
			l.pol.Name = "policy"
		}
	}
	return l.pol
}

// learnTools decodes the providers section as it is and asks knownFor
// which tools exist under it, before anything that names tools is read.
func (l *loader) learnTools(root *ast.MappingNode) {
	providers := map[string]any{}
	line, col := 0, 0
	for _, kv := range root.Values {
		if key, ok := l.key(kv); ok && key == "providers" {
			line, col = l.pos(kv.Key)
			// Problems of the section are reported once, when it is read.
			quiet := *l
			quiet.ps = newProblems(l.file, l.src)
			if v, ok := quiet.value(kv.Value, 0); ok {
				if m, ok := v.(map[string]any); ok {
					providers = m
				}
			}
		}
	}
	sigs, err := l.knownFor(providers)
	if err != nil {
		l.ps.add(line, col, "", "%v", err)
	}
	l.known = make(map[string]ToolSig, len(sigs))
	for _, sig := range sigs {
		l.known[sig.Name] = sig
	}
	l.rc = &ruleCompiler{ps: l.ps, lines: l.lines, known: l.known, names: sortedKeys(l.known)}
}

// parse parses the YAML and returns its top-level mapping, or nil after
// reporting why there is none.
func (l *loader) parse() (root *ast.MappingNode) {
	if line, col, ok := nestingWithin(l.src, maxNesting); !ok {
		l.ps.add(line, col, "flatten it: a policy needs a few levels (tools, a tool, its rule)",
			"the policy nests more than %d levels deep", maxNesting)
		return nil
	}
	f, err := parseYAML(l.src)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
			pos := ye.GetToken().Position
			l.ps.add(pos.Line, pos.Column, "", "%s", ye.GetMessage())
		} else {
			l.ps.add(0, 0, "", "%v", err)
		}
		return nil
	}
	var docs []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d.Body)
		}
	}
	if len(docs) == 0 {
		l.ps.add(0, 0, "start with name:, imports: and tools:", "policy is empty")
		return nil
	}
	if len(docs) > 1 {
		line, col := l.pos(docs[1])
		l.ps.add(line, col, "", "a policy file holds one YAML document")
	}
	m, ok := docs[0].(*ast.MappingNode)
	if !ok {
		line, col := l.pos(docs[0])
		l.ps.add(line, col, "", "a policy is a mapping of keys such as name, imports and tools, not %s", describe(docs[0]))
		return nil
	}
	return m
}

// maxNesting bounds how deeply a policy's YAML nests, checked before it is
// parsed: the parser's memory grows with nesting (80 KB of brackets nested
// 40,000 deep took gigabytes).
const maxNesting = 64

// nestingWithin reports whether the YAML src nests at most limit levels,
// or where it goes deeper. It counts, outside quoted strings and comments,
// open flow collections ([ and {), the entries of compact nested sequences
// ("- - -") and the indentation of each line (a block level takes a column
// at least); block scalars' text counts as indentation too, which a real
// policy never comes near.
func nestingWithin(src []byte, limit int) (line, col int, ok bool) {
	flow := 0
	line, col = 1, 0
	lineStart := true
	indent, dashes := 0, 0
	var quote byte
	comment := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		col++
		if c == '\n' {
			line, col, lineStart, indent, dashes, comment = line+1, 0, true, 0, 0, false
			if quote == '\'' || quote == '"' {
				continue // a quoted string may span lines
			}
			continue
		}
		if comment {
			continue
		}
		switch {
		case quote == '"':
			if c == '\\' {
				i++
				col++
			} else if c == '"' {
				quote = 0
			}
			continue
		case quote == '\'':
			if c == '\'' {
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					col++
				} else {
					quote = 0
				}
			}
			continue
		}
		if lineStart {
			switch c {
			case ' ':
				indent++
				if indent > 4*limit {
					return line, col, false
				}
				continue
			case '-':
				if i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\n') {
					dashes++
					if dashes > limit {
						return line, col, false
					}
					continue
				}
			}
			lineStart = false
		}
		switch c {
		case '#':
			if i == 0 || src[i-1] == ' ' || src[i-1] == '\t' {
				comment = true
			}
		case '"', '\'':
			if i == 0 || strings.IndexByte(" \t[{,:-", src[i-1]) >= 0 {
				quote = c
			}
		case '[', '{':
			flow++
			if flow > limit {
				return line, col, false
			}
		case ']', '}':
			if flow > 0 {
				flow--
			}
		}
	}
	return 0, 0, true
}

// parseYAML parses src, turning a panic in the parser into an error.
func parseYAML(src []byte) (f *ast.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("invalid YAML: %v", p)
		}
	}()
	return parser.ParseBytes(src, 0)
}

func (l *loader) name(n ast.Node) {
	s, ok := l.str(n, "name")
	if !ok {
		return
	}
	if !validName(s) {
		line, col := l.pos(n)
		l.ps.add(line, col, "", "name %q must be 1 to 64 letters, digits, '-', '_' or '.'", s)
		return
	}
	l.pol.Name = s
}

func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

func (l *loader) imports(n ast.Node) {
	items, ok := l.list(n, "imports")
	if !ok {
		return
	}
	available := sandboxPackages()
	for _, item := range items {
		path, ok := l.str(item, "an import")
		if !ok {
			continue
		}
		line, col := l.pos(item)
		switch {
		case l.pol.imports[path]:
			l.ps.add(line, col, "", "%q is listed twice", path)
		case alwaysAllowed(path):
			// Always allowed; listing it is harmless.
		case strings.HasPrefix(path, toolPackagePrefix):
			l.ps.add(line, col, "list the tools the program may call under tools:, e.g. "+strings.TrimPrefix(path, toolPackagePrefix)+".ReadFile: {}",
				"tool package %s is allowed by granting its tools, not by imports", path)
		case !available[path]:
			l.ps.add(line, col, importHint(path, available), "package %q is not available in the sandbox", path)
		default:
			l.pol.imports[path] = true
		}
	}
}

func (l *loader) tools(n ast.Node) {
	m, ok := l.mapping(n, "tools")
	if !ok || m == nil {
		return
	}
	for _, kv := range m.Values {
		name, ok := l.key(kv)
		if !ok {
			continue
		}
		sig, ok := lookupSig(l.known, name)
		if !ok {
			line, col := l.pos(kv.Key)
			hint := didYouMean(name, l.rc.names)
			if len(l.known) == 0 {
				hint = "no tools are available here"
			}
			l.ps.add(line, col, hint, "unknown tool %q", name)
			continue
		}
		g := &grant{sig: sig, name: sig.Name}
		entry, ok := l.mapping(kv.Value, name)
		if !ok {
			continue
		}
		if entry != nil {
			fields := l.fields(entry, "tools."+name, toolKeys)
			var reason string
			if f, ok := fields["reason"]; ok {
				reason, _ = l.str(f, "reason")
			}
			if f, ok := fields["allow"]; ok {
				s, ok := l.ruleScalar(f, "allow")
				if !ok {
					continue
				}
				if g.rule = l.rc.compileTool(sig, s, reason); g.rule == nil {
					continue
				}
			}
		}
		l.pol.tools[name] = g
	}
}

func (l *loader) program(n ast.Node) {
	items, ok := l.list(n, "program")
	if !ok {
		return
	}
	for _, item := range items {
		m, ok := l.mapping(item, "a program rule")
		if !ok {
			continue
		}
		line, col := l.pos(item)
		if m == nil {
			l.ps.add(line, col, "write - deny: 'uses(\"fs.ReadFile\") and uses(\"http.Post\")'", "empty program rule")
			continue
		}
		fields := l.fields(m, "program rule", programKeys)
		deny, ok := fields["deny"]
		if !ok {
			l.ps.add(line, col, "write deny: followed by an expression that is true when the program must not run", "program rule has no deny")
			continue
		}
		var reason string
		if f, ok := fields["reason"]; ok {
			reason, _ = l.str(f, "reason")
		}
		s, ok := l.ruleScalar(deny, "deny")
		if !ok {
			continue
		}
		if r := l.rc.compileProgram(s, reason); r != nil {
			l.pol.program = append(l.pol.program, r)
		}
	}
}

func (l *loader) providers(n ast.Node) {
	m, ok := l.mapping(n, "providers")
	if !ok || m == nil {
		return
	}
	known := providerNames(l.known)
	for _, kv := range m.Values {
		name, ok := l.key(kv)
		if !ok {
			continue
		}
		if !slices.Contains(known, name) {
			line, col := l.pos(kv.Key)
			l.ps.add(line, col, didYouMean(name, known), "unknown provider %q", name)
			continue
		}
		if v, ok := l.value(kv.Value, 0); ok {
			l.pol.Providers[name] = v
		}
	}
	l.environment(m)
}

// expanded are the provider settings in which ${VAR} is expanded from the
// environment where airlock runs, by path below providers: "*" is any key,
// "[]" any item of a list.
var expanded = [][]string{
	{"http", "headers", "*"},
	{"http", "host_headers", "*", "*"},
	{"sql", "dsn"},
	{"shell", "env", "*"},
	{"cli", "*", "env", "*"},
	{"mcp", "*", "command"},
	{"mcp", "*", "args", "[]"},
	{"mcp", "*", "env", "*"},
	{"mcp", "*", "headers", "*"},
}

// environment reports every variable a provider setting expands that is
// not set here: a policy that needs one does not load, rather than fail at
// the first call that uses it.
func (l *loader) environment(providers *ast.MappingNode) {
	var walk func(n ast.Node, pattern []string, path string)
	walk = func(n ast.Node, pattern []string, path string) {
		if len(pattern) == 0 {
			s, ok := n.(*ast.StringNode)
			if !ok {
				return // not a string: the provider reports it
			}
			seen := map[string]bool{}
			os.Expand(s.Value, func(name string) string {
				if _, set := os.LookupEnv(name); !set && !seen[name] {
					seen[name] = true
					line, col := l.pos(n)
					l.ps.add(line, col, "set "+name+" in the environment airlock runs in, or leave it out of the policy",
						"providers.%s: environment variable %s is not set", path, name)
				}
				return ""
			})
			return
		}
		switch n := n.(type) {
		case *ast.MappingNode:
			for _, kv := range n.Values {
				k, ok := kv.Key.(*ast.StringNode)
				if ok && (pattern[0] == "*" || pattern[0] == k.Value) {
					walk(kv.Value, pattern[1:], strings.TrimPrefix(path+"."+k.Value, "."))
				}
			}
		case *ast.SequenceNode:
			if pattern[0] == "[]" {
				for i, item := range n.Values {
					walk(item, pattern[1:], fmt.Sprintf("%s[%d]", path, i))
				}
			}
		}
	}
	for _, p := range expanded {
		walk(providers, p, "")
	}
}

func (l *loader) limits(n ast.Node) {
	m, ok := l.mapping(n, "limits")
	if !ok || m == nil {
		return
	}
	lim := &l.pol.Limits
	for key, v := range l.fields(m, "limits", limitKeys) {
		switch key {
		case "timeout":
			l.duration(v, key, &lim.Timeout)
		case "cpu":
			l.duration(v, key, &lim.CPU)
		case "memory":
			l.size(v, key, &lim.Memory, 1)
		case "output_bytes":
			l.size(v, key, &lim.OutputBytes, 0)
		case "output_overflow":
			if s, ok := l.str(v, key); ok {
				switch s {
				case "keep", "stop":
					lim.StopOnOutput = s == "stop"
				default:
					line, col := l.pos(v)
					l.ps.add(line, col, "write keep (run on, keeping the head and the last lines) or stop (end the run)", "output_overflow must be keep or stop, not %q", s)
				}
			}
		case "result_bytes":
			l.size(v, key, &lim.ResultBytes, 0)
		case "tool_calls":
			l.count(v, key, &lim.ToolCalls)
		case "output_tokens":
			l.count(v, key, &lim.OutputTokens)
			if lim.OutputTokens < MinOutputTokens || lim.OutputTokens > MaxOutputTokens {
				line, col := l.pos(v)
				l.ps.add(line, col, "", "output_tokens must be between %d and %d", MinOutputTokens, MaxOutputTokens)
			}
		}
	}
}

func (l *loader) duration(n ast.Node, key string, dst *time.Duration) {
	line, col := l.pos(n)
	s, ok := n.(*ast.StringNode)
	if !ok {
		l.ps.add(line, col, "write a number and a unit, e.g. 10s, 1m30s or 500ms", "%s must be a duration, not %s", key, describe(n))
		return
	}
	d, err := ParseDuration(s.Value)
	if err != nil {
		l.ps.add(line, col, "", "%s: %v", key, err)
		return
	}
	*dst = d
}

func (l *loader) size(n ast.Node, key string, dst *int64, least int64) {
	line, col := l.pos(n)
	s, ok := n.(*ast.StringNode)
	if !ok {
		l.ps.add(line, col, "write an integer and a unit, e.g. 256MiB, 1MB or 64KiB", "%s must be a size, not %s", key, describe(n))
		return
	}
	v, err := ParseSize(s.Value)
	if err != nil {
		l.ps.add(line, col, "", "%s: %v", key, err)
		return
	}
	if v < least {
		l.ps.add(line, col, "", "%s must be at least %dB", key, least)
		return
	}
	*dst = v
}

func (l *loader) count(n ast.Node, key string, dst *int) {
	line, col := l.pos(n)
	i, ok := n.(*ast.IntegerNode)
	if !ok {
		l.ps.add(line, col, "", "%s must be a whole number, not %s", key, describe(n))
		return
	}
	switch v := i.Value.(type) {
	case int64:
		if v >= 0 && v <= math.MaxInt32 {
			*dst = int(v)
			return
		}
	case uint64:
		if v <= math.MaxInt32 {
			*dst = int(v)
			return
		}
	}
	l.ps.add(line, col, "", "%s must be between 0 and %d", key, math.MaxInt32)
}

// key returns the key of a mapping entry, which must be a plain string.
func (l *loader) key(kv *ast.MappingValueNode) (string, bool) {
	if kv == nil || kv.Key == nil {
		return "", false
	}
	if s, ok := kv.Key.(*ast.StringNode); ok {
		return s.Value, true
	}
	line, col := l.pos(kv.Key)
	l.ps.add(line, col, "", "keys must be strings, not %s", describe(kv.Key))
	return "", false
}

// fields returns the values of a mapping by key, reporting keys outside
// allowed.
func (l *loader) fields(m *ast.MappingNode, where string, allowed []string) map[string]ast.Node {
	out := make(map[string]ast.Node, len(m.Values))
	for _, kv := range m.Values {
		key, ok := l.key(kv)
		if !ok {
			continue
		}
		if !slices.Contains(allowed, key) {
			l.unknownKey(kv, key, where, allowed)
			continue
		}
		out[key] = kv.Value
	}
	return out
}

func (l *loader) unknownKey(kv *ast.MappingValueNode, key, where string, allowed []string) {
	line, col := l.pos(kv.Key)
	in := ""
	if where != "" {
		in = " in " + where
	}
	hint := "valid keys: " + strings.Join(allowed, ", ")
	if n, ok := nearest(key, allowed); ok {
		hint = fmt.Sprintf("did you mean %s? %s", n, hint)
	}
	l.ps.add(line, col, hint, "unknown key %q%s", key, in)
}

// str returns the value of a string scalar.
func (l *loader) str(n ast.Node, what string) (string, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		if n.Value != nil {
			return n.Value.Value, true
		}
	}
	line, col := l.pos(n)
	l.ps.add(line, col, "", "%s must be a string, not %s", what, describe(n))
	return "", false
}

// mapping returns a mapping node; an empty value gives a nil mapping.
func (l *loader) mapping(n ast.Node, what string) (*ast.MappingNode, bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n, true
	case *ast.NullNode:
		return nil, true
	}
	line, col := l.pos(n)
	l.ps.add(line, col, "", "%s must be a mapping, not %s", what, describe(n))
	return nil, false
}

// list returns the items of a sequence; an empty value gives no items.
func (l *loader) list(n ast.Node, what string) ([]ast.Node, bool) {
	switch n := n.(type) {
	case *ast.SequenceNode:
		return n.Values, true
	case *ast.NullNode:
		return nil, true
	}
	line, col := l.pos(n)
	l.ps.add(line, col, "", "%s must be a list, not %s", what, describe(n))
	return nil, false
}

// ruleScalar returns the scalar holding a rule: a string in any style, or
// true or false.
func (l *loader) ruleScalar(n ast.Node, what string) (scalar, bool) {
	line, col := l.pos(n)
	switch n := n.(type) {
	case *ast.StringNode:
		style := stylePlain
		if n.Token != nil {
			switch n.Token.Type {
			case token.SingleQuoteType:
				style = styleSingle
			case token.DoubleQuoteType:
				style = styleDouble
			}
		}
		return scalar{value: n.Value, style: style, line: line, col: col}, true
	case *ast.LiteralNode:
		if n.Value != nil {
			return scalar{value: n.Value.Value, style: styleBlock, line: line, col: col}, true
		}
	case *ast.BoolNode:
		return scalar{value: strconv.FormatBool(n.Value), style: stylePlain, line: line, col: col}, true
	}
	l.ps.add(line, col, "quote the expression: "+what+": 'under(args.path, \"data\")'", "%s must be an expression, not %s", what, describe(n))
	return scalar{}, false
}

// value converts provider configuration to plain Go values.
func (l *loader) value(n ast.Node, depth int) (any, bool) {
	line, col := l.pos(n)
	if depth > maxDepth {
		l.ps.add(line, col, "", "configuration is nested more than %d levels deep", maxDepth)
		return nil, false
	}
	switch n := n.(type) {
	case *ast.NullNode:
		return nil, true
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		if n.Value != nil {
			return n.Value.Value, true
		}
		return "", true
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.FloatNode:
		return n.Value, true
	case *ast.BoolNode:
		return n.Value, true
	case *ast.InfinityNode:
		return n.Value, true
	case *ast.NanNode:
		return math.NaN(), true
	case *ast.SequenceNode:
		out := make([]any, 0, len(n.Values))
		ok := true
		for _, item := range n.Values {
			v, vok := l.value(item, depth+1)
			ok = ok && vok
			out = append(out, v)
		}
		return out, ok
	case *ast.MappingNode:
		out := make(map[string]any, len(n.Values))
		ok := true
		for _, kv := range n.Values {
			key, kok := l.key(kv)
			if !kok {
				ok = false
				continue
			}
			v, vok := l.value(kv.Value, depth+1)
			ok = ok && vok
			out[key] = v
		}
		return out, ok
	}
	l.ps.add(line, col, "", "%s is not supported in a policy", describe(n))
	return nil, false
}

// describe names the kind of a node for messages.
func describe(n ast.Node) string {
	switch n.(type) {
	case nil:
		return "nothing"
	case *ast.MappingNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.NullNode:
		return "empty"
	case *ast.AnchorNode:
		return "an anchor (&)"
	case *ast.AliasNode:
		return "an alias (*)"
	case *ast.TagNode:
		return "a tag (!)"
	case *ast.MergeKeyNode:
		return "a merge key (<<)"
	case *ast.MappingKeyNode:
		return "a complex key (?)"
	}
	return "an unsupported YAML construct"
}

// pos returns the 1-based line and column where a node starts, within its
// line: an empty value at the end of a line ("tools:") is placed on the
// line's last character.
func (l *loader) pos(n ast.Node) (line, col int) {
	line, col = nodePos(n)
	if line >= 1 && line <= len(l.ps.lines) {
		width := utf8.RuneCountInString(strings.TrimRight(l.ps.lines[line-1], "\r"))
		col = max(min(col, width), 1)
	}
	return line, col
}

// nodePos returns the 1-based line and column where a node starts.
func nodePos(n ast.Node) (line, col int) {
	var tok *token.Token
	switch n := n.(type) {
	case nil:
		return 0, 0
	case *ast.MappingNode:
		if len(n.Values) > 0 && n.Values[0] != nil && !n.IsFlowStyle {
			return nodePos(n.Values[0])
		}
		tok = n.Start
	case *ast.MappingValueNode:
		if n.Key != nil {
			return nodePos(n.Key)
		}
	case *ast.SequenceNode:
		tok = n.Start
	case *ast.LiteralNode:
		tok = n.Start
	}
	if tok == nil {
		tok = n.GetToken()
	}
	if tok == nil || tok.Position == nil {
		return 0, 0
	}
	return tok.Position.Line, max(tok.Position.Column, 1)
}
