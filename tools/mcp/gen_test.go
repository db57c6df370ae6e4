package mcp

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan/decl"
)

func loadTools(t testing.TB) []toolInfo {
	b, err := os.ReadFile("testdata/tools.json")
	if err != nil {
		t.Fatal(err)
	}
	var tools []toolInfo
	if err := json.Unmarshal(b, &tools); err != nil {
		t.Fatal(err)
	}
	return tools
}

func TestGenerate(t *testing.T) {
	d, err := generate("tracker", "tracker", loadTools(t))
	if err != nil {
		t.Fatal(err)
	}
	typeCheck(t, d.Source)
	golden(t, "testdata/tracker.golden", d.Source)

	funcs, err := decl.Parse(d.Source)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range funcs {
		names = append(names, f.Name)
	}
	// Sorted by tool name; colliding and digit-led names made distinct.
	if got, want := strings.Join(names, " "), "Tool2fa AB AB2 GetTinyImage SearchIssues"; got != want {
		t.Errorf("functions %s; want %s", got, want)
	}
	for fn, tool := range map[string]string{"AB": "a-b", "AB2": "a_b", "Tool2fa": "2fa", "SearchIssues": "search_issues"} {
		if f := d.Funcs[fn]; f == nil || f.Tool != tool {
			t.Errorf("%s does not map back to %s", fn, tool)
		}
	}
	if !d.Funcs["SearchIssues"].Typed || d.Funcs["GetTinyImage"].Typed {
		t.Error("only a tool with an output schema gets a typed result")
	}
}

func TestGoName(t *testing.T) {
	for in, want := range map[string]string{
		"create_entities": "CreateEntities", "get-tiny-image": "GetTinyImage", "readFile": "ReadFile",
		"user_id": "UserID", "avatar_url": "AvatarURL", "identity": "Identity", "html_url": "HTMLURL",
		"9lives": "X9lives", "---": "X", "ünïcode": "NCode",
	} {
		if got := goName(in, "X"); got != want {
			t.Errorf("goName(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzGenerate feeds arbitrary schemas to the generator: whatever a server
// sends, the declaration must parse or generation must fail cleanly.
func FuzzGenerate(f *testing.F) {
	b, _ := os.ReadFile("testdata/tools.json")
	f.Add(b)
	f.Add([]byte(`[{"name":"x","inputSchema":{"properties":{"a":{"$ref":"#"}}}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tools []toolInfo
		if json.Unmarshal(data, &tools) != nil {
			return
		}
		d, err := generate("fuzz", "fuzz", tools)
		if err != nil {
			t.Fatalf("generate: %v", err)
		}
		if _, err := decl.Parse(d.Source); err != nil {
			t.Fatalf("declaration does not parse: %v\n%s", err, d.Source)
		}
	})
}
