package verify

import (
	"fmt"
	"testing"
)

func TestHelpers(t *testing.T) {
	tests := []struct {
		call string
		got  any
		want any
	}{
		{`host("https://API.GitHub.com:8443/repos")`, host("https://API.GitHub.com:8443/repos"), "api.github.com"},
		{`host("https://api.github.com@evil.example/")`, host("https://api.github.com@evil.example/"), "evil.example"},
		{`host("https://api.github.com./")`, host("https://api.github.com./"), "api.github.com"},
		{`host("http://[::1]:80/")`, host("http://[::1]:80/"), "::1"},
		{`host("api.github.com/repos")`, host("api.github.com/repos"), ""},
		{`host("http://a b/")`, host("http://a b/"), ""},
		{`host("")`, host(""), ""},
		{`port("https://api.github.com/")`, port("https://api.github.com/"), 443},
		{`port("http://localhost:8080/x")`, port("http://localhost:8080/x"), 8080},
		{`port("http://localhost/")`, port("http://localhost/"), 80},
		{`port("wss://h/")`, port("wss://h/"), 443},
		{`port("ftp://h/")`, port("ftp://h/"), 0},
		{`port("http://h:99999/")`, port("http://h:99999/"), 0},
		{`port("%%")`, port("%%"), 0},
		{`scheme("HTTPS://api.github.com/")`, scheme("HTTPS://api.github.com/"), "https"},
		{`scheme("data/x")`, scheme("data/x"), ""},
		{`scheme("%%")`, scheme("%%"), ""},
		{`path_of("https://h/v1/../admin")`, pathOf("https://h/v1/../admin"), "/admin"},
		{`path_of("https://h/v1/%2e%2e/admin")`, pathOf("https://h/v1/%2e%2e/admin"), "/admin"},
		{`path_of("https://h")`, pathOf("https://h"), "/"},
		{`path_of("https://h/a//b/?q=1")`, pathOf("https://h/a//b/?q=1"), "/a/b"},
		{`path_of("mailto:x@y")`, pathOf("mailto:x@y"), ""},
		{`path_of("%%")`, pathOf("%%"), ""},
		{`under("data/sales.csv", "data")`, under("data/sales.csv", "data"), true},
		{`under("data", "data")`, under("data", "data"), true},
		{`under("data/", "data")`, under("data/", "data"), true},
		{`under("data//2024/a.csv", "data")`, under("data//2024/a.csv", "data"), true},
		{`under("data/2024/a.csv", "data/2024")`, under("data/2024/a.csv", "data/2024"), true},
		{`under("data2/sales.csv", "data")`, under("data2/sales.csv", "data"), false},
		{`under("data2", "data")`, under("data2", "data"), false},
		{`under("dat", "data")`, under("dat", "data"), false},
		{`under("data/./q1/../sales.csv", "data")`, under("data/./q1/../sales.csv", "data"), false},
		{`under("data/..", "data")`, under("data/..", "data"), false},
		{`under("../data/sales.csv", "data")`, under("../data/sales.csv", "data"), false},
		{`under("/data/sales.csv", "data")`, under("/data/sales.csv", "data"), false},
		{`under("/data/sales.csv", "/data")`, under("/data/sales.csv", "/data"), true},
		{`under("data/a\x00.csv", "data")`, under("data/a\x00.csv", "data"), false},
		{`under("", "data")`, under("", "data"), false},
		{`under("data", "")`, under("data", ""), false},
		{`under("anything/x", ".")`, under("anything/x", "."), true},
		{`under("/etc/passwd", ".")`, under("/etc/passwd", "."), false},
		{`under("/etc/passwd", "/")`, under("/etc/passwd", "/"), true},
		{`under("etc", "/")`, under("etc", "/"), false},
		{`under("data\\..\\secret", "data")`, under(`data\..\secret`, "data"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %#v, want %#v", tt.call, tt.got, tt.want)
		}
	}
}

func TestMatchTool(t *testing.T) {
	tests := []struct {
		pattern, tool string
		want          bool
	}{
		{"http", "http.Get", true},
		{"http", "https.Get", false},
		{"http", "http", true},
		{"http.Get", "http.Get", true},
		{"http.Get", "http.GetAll", false},
		{"http.*", "http.Post", true},
		{"http.*", "https.Post", false},
		{"fs.Read*", "fs.ReadCSV", true},
		{"fs.Read*", "fs.Glob", false},
		{"*", "fs.Glob", true},
	}
	for _, tt := range tests {
		got, err := matchTool(tt.pattern, tt.tool)
		if err != nil || got != tt.want {
			t.Errorf("matchTool(%q, %q) = %v, %v; want %v", tt.pattern, tt.tool, got, err, tt.want)
		}
	}
	if _, err := usesAny([]string{"fs.Glob"}, "fs.["); err == nil {
		t.Error("usesAny accepted a bad pattern")
	}
}

// TestHelpersInRules calls each helper through a compiled rule, as a
// policy would.
func TestHelpersInRules(t *testing.T) {
	tests := []struct {
		rule string
		url  string
		want bool
	}{
		{`host(args.url) == "api.github.com"`, "https://API.github.com/x", true},
		{`port(args.url) == 443`, "https://h/", true},
		{`port(args.url) in [80, 443]`, "http://h:8080/", false},
		{`scheme(args.url) == "https"`, "http://h/", false},
		{`path_of(args.url) startsWith "/repos/"`, "https://h/repos/../admin", false},
		{`path_of(args.url) startsWith "/repos/"`, "https://h/repos/x", true},
		{`under(args.url, "data")`, "data/x.csv", true},
		{`ext(args.url) == ".csv"`, "data/x.csv", true},
		{`base(args.url) == "x.csv"`, "data/y/x.csv", true},
		{`clean(args.url) == "data/x.csv"`, "data/./y/../x.csv", true},
		{`args.url matches "^https://"`, "https://h/", true},
		{`tool == "http.Get"`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			pol := mustLoad(t, fmt.Sprintf("tools:\n  http.Get: {allow: '%s'}\n", tt.rule))
			d := pol.NewChecker().Check("http.Get", map[string]any{"url": tt.url})
			if d.Allowed != tt.want {
				t.Errorf("%s on %q: allowed %v (%s), want %v", tt.rule, tt.url, d.Allowed, d.Reason, tt.want)
			}
		})
	}
}
