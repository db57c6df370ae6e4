package shell

import (
	"context"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

func raw(vals ...any) []json.RawMessage {
	out := make([]json.RawMessage, len(vals))
	for i, v := range vals {
		out[i], _ = json.Marshal(v)
	}
	return out
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	p, err := New(map[string]any{"dir": ".", "write": true, "env": map[string]any{"A": "${AIRLOCK_SHELL_TEST}"},
		"path": []any{"/usr/bin/"}, "timeout": "5s", "max_output": "64KiB"}, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("AIRLOCK_SHELL_TEST", "x y")
	a, err := p.Access()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "x y", "PATH": "/usr/bin", "HOME": dir}
	if !reflect.DeepEqual(a.Env, want) || a.Dir != dir || !a.Write || a.MaxOutput != 64<<10 || len(a.ReadDirs) != 0 {
		t.Errorf("Access() = %+v", a)
	}
	if DefaultPath[0] != "/usr/local/bin" {
		t.Errorf("New changed DefaultPath: %v", DefaultPath)
	}

	ro, _ := New(map[string]any{"dir": "."}, dir)
	if a, _ := ro.Access(); !reflect.DeepEqual(a.ReadDirs, []string{dir}) || a.Env["LANG"] != "C.UTF-8" {
		t.Errorf("read-only Access() = %+v", a)
	}

	os.Unsetenv("AIRLOCK_SHELL_UNSET")
	unset, _ := New(map[string]any{"env": map[string]any{"A": "$AIRLOCK_SHELL_UNSET"}}, dir)
	if _, err := unset.Access(); err == nil || !strings.Contains(err.Error(), "AIRLOCK_SHELL_UNSET is not set") {
		t.Errorf("unset variable: %v", err)
	}

	for _, tt := range []struct {
		cfg  map[string]any
		want string
	}{
		{map[string]any{"dri": "."}, `unknown key "dri"`},
		{map[string]any{"path": []any{"bin"}}, `providers.shell.path[0]: want an absolute folder, got "bin"`},
		{map[string]any{"write": "yes"}, "write"},
		{map[string]any{"dir": 3}, "dir"},
	} {
		if _, err := New(tt.cfg, dir); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%v) = %v; want an error containing %q", tt.cfg, err, tt.want)
		}
	}
}

func TestPrepare(t *testing.T) {
	p, _ := New(map[string]any{"dir": "."}, t.TempDir())
	got, err := p.Prepare("Run", raw("grep -c x a.log | sort; wc -l < b.log"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []any{"grep", "sort", "wc"}; !reflect.DeepEqual(got["commands"], want) {
		t.Errorf("commands = %v; want %v", got["commands"], want)
	}
	for _, tt := range []struct {
		fn   string
		args []any
		want string
	}{
		{"Run", []any{"c=rm; $c x"}, "argument script: line 1: the command name $c is only known at run time"},
		{"Run", []any{"if then"}, "argument script: "},
		{"Run", []any{3}, "argument script: want a string"},
		{"Run", []any{"a", "b"}, "Run takes 1 arguments, got 2"},
		{"Run", []any{"echo \x00"}, "NUL"},
		{"Open", []any{"a", "delete"}, "argument mode: want one of read, write, append, readwrite"},
		{"Exec", []any{"a"}, "shell has no function Exec"},
	} {
		if _, err := p.Prepare(tt.fn, raw(tt.args...)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Prepare(%s, %v) = %v; want an error containing %q", tt.fn, tt.args, err, tt.want)
		}
	}
	got, err = p.Prepare("Open", raw("out/../x.txt", "write"))
	if err != nil || got["path"] != "x.txt" || got["mode"] != "write" {
		t.Errorf("Prepare(Open) = %v, %v", got, err)
	}
}

func TestCommands(t *testing.T) {
	var c Commands
	for _, name := range []string{"rm", "apt-get", "python3.11", "["} {
		if params, ok := c.Params(name); !ok || !reflect.DeepEqual(params, []string{"argv"}) {
			t.Errorf("Params(%q) = %v, %v", name, params, ok)
		}
	}
	for _, name := range []string{"", ".", "..", "bin/rm", "a b"} {
		if _, ok := c.Params(name); ok {
			t.Errorf("Params(%q) accepted a name that cannot be a command", name)
		}
	}
	got, err := c.Prepare("rm", raw([]string{"-f", "a"}))
	if err != nil || !reflect.DeepEqual(got["argv"], []any{"-f", "a"}) {
		t.Errorf("Prepare = %v, %v", got, err)
	}
	if got, err := c.Prepare("ls", []json.RawMessage{json.RawMessage("null")}); err != nil || !reflect.DeepEqual(got["argv"], []any{}) {
		t.Errorf("Prepare(null) = %v, %v", got, err)
	}
	if _, err := c.Prepare("rm", raw([]any{1})); err == nil {
		t.Error("Prepare accepted a number in argv")
	}
	if v, err := c.Call(context.Background(), "rm", nil); v != nil || err != nil {
		t.Errorf("Call = %v, %v; want an approval doing nothing", v, err)
	}
}
