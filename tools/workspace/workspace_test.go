package workspace

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/tools/provider"
)

func call(t *testing.T, ctx context.Context, fn string, args ...any) (any, error) {
	t.Helper()
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		raw[i], _ = json.Marshal(a)
	}
	var p Provider
	prepared, err := p.Prepare(fn, raw)
	if err != nil {
		return nil, err
	}
	return unwrap(p.Call(ctx, fn, prepared))
}

func TestWorkspace(t *testing.T) {
	w, err := Open(t.TempDir() + "/ws")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx := With(context.Background(), w)
	if _, err := call(t, ctx, "WriteFile", "results/a.json", `{"n":1}`); err != nil {
		t.Fatal(err)
	}
	if _, err := call(t, ctx, "WriteFile", "b.txt", "x"); err != nil {
		t.Fatal(err)
	}
	got, err := call(t, ctx, "ReadFile", "./results/../results/a.json")
	if err != nil || got != `{"n":1}` {
		t.Errorf("ReadFile = %v, %v", got, err)
	}
	if got, err := call(t, ctx, "List"); err != nil || !reflect.DeepEqual(got, []string{"b.txt", "results/a.json"}) {
		t.Errorf("List = %v, %v", got, err)
	}
	if _, err := call(t, ctx, "Remove", "b.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := call(t, ctx, "ReadFile", "b.txt"); err == nil || err.Error() != "b.txt does not exist" {
		t.Errorf("ReadFile of a removed file: %v", err)
	}
	if _, err := call(t, context.Background(), "List"); err == nil || !strings.Contains(err.Error(), "this run has no workspace") {
		t.Errorf("without a workspace: %v", err)
	}
}

func TestClean(t *testing.T) {
	for name, want := range map[string]string{
		"a.txt": "a.txt", "x/./y/../z.json": "x/z.json", "dir/": "dir",
		"": "empty name", "/etc/passwd": "absolute names are not allowed", "../x": "leaves the workspace",
		"a/../../x": "leaves the workspace", ".": "leaves the workspace", "a\x00b": "NUL",
	} {
		got, err := Clean(name)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, want) {
			t.Errorf("Clean(%q) = %q; want %q", name, got, want)
		}
	}
}

func TestPrepare(t *testing.T) {
	var p Provider
	if _, err := p.Prepare("WriteFile", []json.RawMessage{json.RawMessage(`"a"`)}); err == nil {
		t.Error("WriteFile with one argument was accepted")
	}
	if _, err := p.Prepare("ReadFile", []json.RawMessage{json.RawMessage(`3`)}); err == nil {
		t.Error("a number as a name was accepted")
	}
	if _, err := p.Prepare("Chmod", nil); err == nil {
		t.Error("an unknown function was accepted")
	}
}

// unwrap is what the program gets from a call: the value of a
// provider.Direct result.
func unwrap(v any, err error) (any, error) {
	v, _, _ = provider.Unwrap(v)
	return v, err
}
