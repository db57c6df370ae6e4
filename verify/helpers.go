package verify

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/expr-lang/expr"
)

// The helper functions rules can call, besides expr's builtins. They are
// pure: the same arguments give the same answer at plan time and at run
// time. policies/README.md documents each one with examples.

// host returns the lowercased host name of a URL without port or trailing
// dot, or "" when the URL does not parse or has no host.
func host(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
}

// defaultPorts are the ports of URL schemes that leave the port implicit.
var defaultPorts = map[string]int{"http": 80, "https": 443, "ws": 80, "wss": 443}

// port returns a URL's port: the explicit one, else the scheme's default
// (80 for http, 443 for https), else 0. It is 0 when the URL does not parse.
func port(raw string) int {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return 0
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n > 65535 {
			return 0
		}
		return n
	}
	return defaultPorts[u.Scheme]
}

// scheme returns a URL's lowercased scheme, or "" when it does not parse.
func scheme(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Scheme)
}

// pathOf returns a URL's path, percent-decoded and cleaned, so that
// "/v1/../admin" and "/v1/%2e%2e/admin" both read "/admin". A URL with a
// host and no path has path "/". It is "" when the URL does not parse or is
// opaque ("mailto:x").
func pathOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" {
		return ""
	}
	return path.Clean("/" + u.Path)
}

// under reports whether the slash-separated path p is root or inside it,
// lexically: "data/x.csv" and "data" are under "data", "data2/x.csv" is
// not. A path with a ".." element, an empty path and a path holding a NUL
// byte are under nothing, even when ".." would clean to a path inside root.
// Root "." holds every relative path.
func under(p, root string) bool {
	if p == "" || root == "" || strings.ContainsRune(p, 0) || strings.ContainsRune(root, 0) {
		return false
	}
	if hasDotDot(p) {
		return false
	}
	p, root = path.Clean(p), path.Clean(root)
	switch {
	case root == ".":
		return !path.IsAbs(p)
	case root == "/":
		return path.IsAbs(p)
	}
	return p == root || strings.HasPrefix(p, root+"/")
}

// hasDotDot reports whether a slash-separated path has a ".." element.
func hasDotDot(p string) bool {
	for p != "" {
		var elem string
		elem, p, _ = strings.Cut(p, "/")
		if elem == ".." {
			return true
		}
	}
	return false
}

// matchTool reports whether tool matches pattern: a glob ("http.*",
// "fs.Read*"), a provider name ("http") or a whole tool name.
func matchTool(pattern, tool string) (bool, error) {
	if strings.ContainsAny(pattern, `*?[\`) {
		return path.Match(pattern, tool)
	}
	return tool == pattern || strings.HasPrefix(tool, pattern) && strings.HasPrefix(tool[len(pattern):], "."), nil
}

// usesAny reports whether any of tools matches pattern.
func usesAny(tools []string, pattern string) (bool, error) {
	for _, t := range tools {
		ok, err := matchTool(pattern, t)
		if err != nil {
			return false, fmt.Errorf("uses_any: bad pattern %q: %w", pattern, err)
		}
		if ok {
			return true, nil
		}
	}
	return false, nil
}

// stringFunc adapts a func(string) T to expr's calling convention.
func stringFunc[T any](name string, f func(string) T) expr.Option {
	return expr.Function(name, func(params ...any) (any, error) {
		s, ok := params[0].(string)
		if !ok {
			return nil, fmt.Errorf("%s: argument is %s, not a string", name, typeName(params[0]))
		}
		return f(s), nil
	}, new(func(string) T))
}

// pathHelpers are the helpers available to every rule.
var pathHelpers = []expr.Option{
	stringFunc("host", host),
	stringFunc("port", port),
	stringFunc("scheme", scheme),
	stringFunc("path_of", pathOf),
	stringFunc("ext", path.Ext),
	stringFunc("base", path.Base),
	stringFunc("clean", path.Clean),
	expr.Function("under", func(params ...any) (any, error) {
		p, ok := params[0].(string)
		if !ok {
			return nil, fmt.Errorf("under: path is %s, not a string", typeName(params[0]))
		}
		root, ok := params[1].(string)
		if !ok {
			return nil, fmt.Errorf("under: root is %s, not a string", typeName(params[1]))
		}
		return under(p, root), nil
	}, new(func(string, string) bool)),
	expr.Function("flags", func(params ...any) (any, error) {
		return flags(params[0])
	}, new(func([]any) []string)),
}

// flags lists the options of a command line, argv without the command's
// name, as a command reads them, so that a rule judges options rather than
// spellings: bundled short options are apart ("-nf" gives "-n" and "-f"),
// a long option loses its "=value" ("--from-file=x" gives "--from-file"),
// and nothing after "--" is an option. A short option's attached value
// ("-L." or "-fprog") gives more letters than the command sees, so a rule
// denying a letter never misses one.
func flags(v any) ([]string, error) {
	var argv []string
	switch a := v.(type) {
	case []string:
		argv = a
	case []any:
		for _, x := range a {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("flags: an argument is %s, not a string", typeName(x))
			}
			argv = append(argv, s)
		}
	case nil:
	default:
		return nil, fmt.Errorf("flags: argv is %s, not a list", typeName(v))
	}
	out := []string{}
	for _, arg := range argv {
		switch {
		case arg == "--":
			return out, nil
		case strings.HasPrefix(arg, "--"):
			name, _, _ := strings.Cut(arg, "=")
			out = append(out, name)
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			for _, r := range arg[1:] {
				out = append(out, "-"+string(r))
			}
		}
	}
	return out, nil
}

// usesAnyFunc is the function uses_any(pattern) is rewritten to call with
// the list of tools used.
const usesAnyFunc = "uses_any_of"

// programHelpers are the helpers available to program rules only.
var programHelpers = append(slices.Clip(pathHelpers),
	expr.Function(usesAnyFunc, func(params ...any) (any, error) {
		tools, _ := params[0].([]string)
		pattern, ok := params[1].(string)
		if !ok {
			return nil, fmt.Errorf("uses_any: argument is %s, not a string", typeName(params[1]))
		}
		return usesAny(tools, pattern)
	}, new(func([]string, string) bool)),
)

func typeName(v any) string {
	if v == nil {
		return "nil"
	}
	return fmt.Sprintf("%T", v)
}

// maxRuleString caps a string a rule builds while it runs: what the
// policy judges is tool arguments, not text a rule makes up.
const maxRuleString = 1 << 20

// boundedStrings replace expr's replace with one that refuses, before
// allocating, a result over maxRuleString: its result can be the
// subject's length times the replacement's.
var boundedStrings = []expr.Option{
	expr.DisableBuiltin("replace"),
	expr.Function("replace", func(params ...any) (any, error) {
		s, ok1 := params[0].(string)
		old, ok2 := params[1].(string)
		repl, ok3 := params[2].(string)
		if !ok1 || !ok2 || !ok3 {
			return nil, fmt.Errorf("replace: want three strings")
		}
		n := strings.Count(s, old)
		if size := len(s) + n*(len(repl)-len(old)); size > maxRuleString {
			return nil, fmt.Errorf("replace: the result would be %d bytes, over a rule's limit of %d", size, maxRuleString)
		}
		return strings.ReplaceAll(s, old, repl), nil
	}, new(func(string, string, string) string)),
}
