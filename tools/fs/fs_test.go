package fs

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/airlockhq/airlock/tools/provider"
)

// tree lays out a root "data" and, beside it, files the root must not
// reach. It returns the directory holding both.
//
//	base/
//	  secret.txt             outside the root
//	  outside/secret.txt
//	  data/                  the root
//	    notes.txt, sales.csv, bom.csv, dup.csv, ragged.csv, empty.csv
//	    sub/deep.txt
//	    inside -> notes.txt         link within the root
//	    subdir -> sub               link to a directory within the root
//	    escape -> ../secret.txt     link out of the root
//	    absolute -> base/secret.txt absolute link
//	    outdir -> ../outside        link to a directory out of the root
func tree(t *testing.T) string {
	t.Helper()
	base := t.TempDir()
	for name, content := range treeFiles {
		p := filepath.Join(base, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"data/inside":   "notes.txt",
		"data/subdir":   "sub",
		"data/escape":   "../secret.txt",
		"data/absolute": filepath.Join(base, "secret.txt"),
		"data/outdir":   "../outside",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(base, name)); err != nil {
			t.Fatal(err)
		}
	}
	return base
}

var treeFiles = map[string]string{
	"secret.txt":         "TOP SECRET",
	"outside/secret.txt": "TOP SECRET",
	"data/notes.txt":     "hello\n",
	"data/sales.csv":     "region,amount\nnorth,10\nsouth,\"2,5\"\n",
	"data/bom.csv":       "\uFEFFid,name\n1,a\n",
	"data/dup.csv":       "a,b,a\n1,2,3\n",
	"data/ragged.csv":    "a,b\n1,2\n3\n",
	"data/empty.csv":     "",
	"data/sub/deep.txt":  "deep",
}

func newProvider(t *testing.T, cfg map[string]any, baseDir string) *Provider {
	t.Helper()
	p, err := New(cfg, baseDir)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// call runs fn the way the parent does: JSON arguments, Prepare, Call.
func call(p *Provider, fn string, args ...any) (any, error) {
	raw := make([]json.RawMessage, len(args))
	for i, a := range args {
		raw[i], _ = json.Marshal(a)
	}
	prepared, err := p.Prepare(fn, raw)
	if err != nil {
		return nil, err
	}
	return unwrap(p.Call(context.Background(), fn, prepared))
}

func wantErr(t *testing.T, err error, substr string) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), substr) {
		t.Fatalf("error = %v; want one containing %q", err, substr)
	}
}

func TestReadFile(t *testing.T) {
	base := tree(t)
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}}, base)

	ok := []struct{ path, want string }{
		{"data/notes.txt", "hello\n"},
		{"data/sub/deep.txt", "deep"},
		{"data/./sub/../notes.txt", "hello\n"},
		{"data/inside", "hello\n"},
		{"data/subdir/deep.txt", "deep"},
	}
	for _, tt := range ok {
		got, err := call(p, "ReadFile", tt.path)
		if err != nil || got != tt.want {
			t.Errorf("ReadFile(%q) = %q, %v; want %q", tt.path, got, err, tt.want)
		}
	}

	bad := []struct{ path, err string }{
		{"data/missing.txt", "data/missing.txt: no such file"},
		{"data/sub", "data/sub is a directory"},
		{"data", "data is a directory"},
		{"logs/x.txt", `no root named "logs"; roots: data`},
		{"secret.txt", `no root named "secret.txt"`},
		{"data/../secret.txt", `no root named "secret.txt"`},
		{"data/../../secret.txt", "climbs out"},
		{"/etc/passwd", "absolute"},
		{"data/escape", "data/escape: path escapes from parent"},
		{"data/absolute", "data/absolute: path escapes from parent"},
		{"data/outdir/secret.txt", "path escapes from parent"},
		{"data/notes.txt\x00", "NUL"},
		{`data\notes.txt`, "backslash"},
		{".", "starts with the name of a root"},
	}
	for _, tt := range bad {
		got, err := call(p, "ReadFile", tt.path)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ReadFile(%q) = %q, %v; want error containing %q", tt.path, got, err, tt.err)
		}
		if s, _ := got.(string); strings.Contains(s, "SECRET") {
			t.Errorf("ReadFile(%q) leaked %q", tt.path, s)
		}
	}
}

func TestReadFileFIFO(t *testing.T) {
	base := tree(t)
	if err := syscall.Mkfifo(filepath.Join(base, "data", "pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}}, base)
	done := make(chan error, 1)
	go func() {
		_, err := call(p, "ReadFile", "data/pipe")
		done <- err
	}()
	select {
	case err := <-done:
		wantErr(t, err, "data/pipe is not a regular file")
	case <-time.After(5 * time.Second):
		t.Fatal("ReadFile on a FIFO blocked")
	}
	// Listing it, or globbing through it as a folder, neither waits.
	for _, c := range []struct{ fn, arg, want string }{
		{"ReadDir", "data/pipe", "not a directory"},
		{"Glob", "data/pipe/*", ""},
		{"Glob", "data/p*", ""},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := call(p, c.fn, c.arg)
			done <- err
		}()
		select {
		case err := <-done:
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("%s(%s) = %v, want %q", c.fn, c.arg, err, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s(%s) on a FIFO blocked", c.fn, c.arg)
		}
	}
}

func TestReadLimit(t *testing.T) {
	base := tree(t)
	for name, size := range map[string]int{"ten.txt": 10, "eleven.txt": 11, "kib.txt": 1024, "kib1.txt": 1025} {
		if err := os.WriteFile(filepath.Join(base, "data", name), []byte(strings.Repeat("x", size)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}, "max_read": uint64(10)}, base)
	if got, err := call(p, "ReadFile", "data/ten.txt"); err != nil || got != strings.Repeat("x", 10) {
		t.Errorf("ReadFile at the limit = %q, %v", got, err)
	}
	_, err := call(p, "ReadFile", "data/eleven.txt")
	wantErr(t, err, "data/eleven.txt is 11 bytes, larger than the read limit of 10 bytes")
	_, err = call(p, "ReadCSV", "data/eleven.txt")
	wantErr(t, err, "larger than the read limit")

	p = newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}, "max_read": "1KiB"}, base)
	if _, err := call(p, "ReadFile", "data/kib.txt"); err != nil {
		t.Errorf("ReadFile of 1 KiB under a 1KiB limit: %v", err)
	}
	_, err = call(p, "ReadFile", "data/kib1.txt")
	wantErr(t, err, "data/kib1.txt is 1025 bytes, larger than the read limit of 1 KiB")
}

func TestReadDir(t *testing.T) {
	base := tree(t)
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data", "more": "outside"}}, base)

	got, err := call(p, "ReadDir", "data/sub/..")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Name: "absolute", Size: int64(len(filepath.Join(base, "secret.txt")))},
		{Name: "bom.csv", Size: size("data/bom.csv")},
		{Name: "dup.csv", Size: size("data/dup.csv")},
		{Name: "empty.csv"},
		{Name: "escape", Size: int64(len("../secret.txt"))},
		{Name: "inside", Size: size("data/notes.txt")}, // the link's target
		{Name: "notes.txt", Size: size("data/notes.txt")},
		{Name: "outdir", Size: int64(len("../outside"))},
		{Name: "ragged.csv", Size: size("data/ragged.csv")},
		{Name: "sales.csv", Size: size("data/sales.csv")},
		{Name: "sub", Dir: true},
		{Name: "subdir", Dir: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadDir(data) =\n%+v\nwant\n%+v", got, want)
	}

	got, err = call(p, "ReadDir", ".")
	if want := []Entry{{Name: "data", Dir: true}, {Name: "more", Dir: true}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadDir(.) = %+v, %v; want %+v", got, err, want)
	}

	_, err = call(p, "ReadDir", "data/outdir")
	wantErr(t, err, "path escapes from parent")
	_, err = call(p, "ReadDir", "data/notes.txt")
	wantErr(t, err, "data/notes.txt: not a directory")
}

func size(name string) int64 { return int64(len(treeFiles[name])) }

func TestGlob(t *testing.T) {
	base := tree(t)
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}}, base)
	tests := []struct {
		pattern string
		want    []string
	}{
		{"data/*.csv", []string{"data/bom.csv", "data/dup.csv", "data/empty.csv", "data/ragged.csv", "data/sales.csv"}},
		{"data/s*/*", []string{"data/sub/deep.txt", "data/subdir/deep.txt"}},
		{"data/[n]otes.???", []string{"data/notes.txt"}},
		{"data", []string{"data"}},
		{"data/nothing*", []string{}},
		{"data/outdir/*", []string{}}, // the link leads out of the root: nothing is listed
	}
	for _, tt := range tests {
		got, err := call(p, "Glob", tt.pattern)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Glob(%q) = %#v, %v; want %#v", tt.pattern, got, err, tt.want)
		}
	}
	_, err := call(p, "Glob", "*/secret.txt")
	wantErr(t, err, "must start with the name of a root")
	_, err = call(p, "Glob", "other/*")
	wantErr(t, err, `no root named "other"`)
}

func TestReadCSV(t *testing.T) {
	base := tree(t)
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}}, base)

	got, err := call(p, "ReadCSV", "data/sales.csv")
	want := []map[string]string{{"region": "north", "amount": "10"}, {"region": "south", "amount": "2,5"}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSV(sales) = %v, %v; want %v", got, err, want)
	}
	got, err = call(p, "ReadCSV", "data/bom.csv")
	if want := []map[string]string{{"id": "1", "name": "a"}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSV(bom) = %v, %v; want %v", got, err, want)
	}
	got, err = call(p, "ReadCSV", "data/empty.csv")
	if want := []map[string]string{}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSV(empty) = %#v, %v; want an empty slice", got, err)
	}
	_, err = call(p, "ReadCSV", "data/dup.csv")
	wantErr(t, err, `data/dup.csv: header names column "a" twice (columns 1 and 3)`)
	_, err = call(p, "ReadCSV", "data/ragged.csv")
	wantErr(t, err, "data/ragged.csv: record on line 3: wrong number of fields")

	got, err = call(p, "ReadCSVRows", "data/ragged.csv")
	if want := [][]string{{"a", "b"}, {"1", "2"}, {"3"}}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSVRows(ragged) = %v, %v; want %v", got, err, want)
	}
	got, err = call(p, "ReadCSVRows", "data/empty.csv")
	if want := [][]string{}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadCSVRows(empty) = %#v, %v; want an empty slice", got, err)
	}
	_, err = call(p, "ReadCSVRows", "data/escape")
	wantErr(t, err, "path escapes from parent")
}

func TestPrepare(t *testing.T) {
	p := newProvider(t, nil, t.TempDir())
	tests := []struct {
		fn   string
		raw  []string
		want map[string]any
		err  string
	}{
		{fn: "ReadFile", raw: []string{`"data/./a//b.txt"`}, want: map[string]any{"path": "data/a/b.txt"}},
		{fn: "Glob", raw: []string{`"data/x/../*.csv"`}, want: map[string]any{"pattern": "data/*.csv"}},
		{fn: "ReadFile", raw: []string{}, err: "ReadFile takes 1 argument(s) (path), got 0"},
		{fn: "ReadFile", raw: []string{`"a"`, `"b"`}, err: "got 2"},
		{fn: "ReadFile", raw: []string{`null`}, err: "argument path: want a string, got null"},
		{fn: "ReadFile", raw: []string{`42`}, err: "argument path: want a string, got the number 42"},
		{fn: "ReadFile", raw: []string{`"data/\u0000"`}, err: "NUL"},
		{fn: "Remove", raw: []string{`"data/x"`}, err: "fs has no function Remove"},
	}
	for _, tt := range tests {
		raw := make([]json.RawMessage, len(tt.raw))
		for i, r := range tt.raw {
			raw[i] = json.RawMessage(r)
		}
		got, err := p.Prepare(tt.fn, raw)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Prepare(%s, %s) = %v, %v; want error containing %q", tt.fn, tt.raw, got, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Prepare(%s, %s) = %v, %v; want %v", tt.fn, tt.raw, got, err, tt.want)
		}
	}
}

// Call must only ever act on canonical arguments, whatever its caller does.
func TestCallRefusesNonCanonical(t *testing.T) {
	base := tree(t)
	p := newProvider(t, map[string]any{"roots": map[string]any{"data": "data"}}, base)
	for _, path := range []string{"data/../secret.txt", "data//notes.txt", "/etc/passwd", ""} {
		_, err := p.Call(context.Background(), "ReadFile", map[string]any{"path": path})
		wantErr(t, err, "not in canonical form")
	}
	_, err := p.Call(context.Background(), "ReadFile", map[string]any{})
	wantErr(t, err, "not in canonical form")
}

func TestNew(t *testing.T) {
	base := tree(t)
	bad := []struct {
		cfg map[string]any
		err string
	}{
		{map[string]any{"root": map[string]any{}}, `providers.fs: unknown key "root" (known: max_read, roots)`},
		{map[string]any{"roots": "data"}, "providers.fs.roots: want a mapping"},
		{map[string]any{"roots": map[string]any{"data": 1}}, "providers.fs.roots: want a mapping"},
		{map[string]any{"roots": map[string]any{"a/b": "data"}}, `root name "a/b"`},
		{map[string]any{"roots": map[string]any{"..": "data"}}, `root name ".."`},
		{map[string]any{"roots": map[string]any{"data": "nowhere"}}, "providers.fs.roots.data: "},
		{map[string]any{"roots": map[string]any{"data": "data/notes.txt"}}, "providers.fs.roots.data: "},
		{map[string]any{"max_read": "lots"}, "providers.fs.max_read: want a size such as 64MiB"},
		{map[string]any{"max_read": -1}, "providers.fs.max_read: want a size"},
	}
	for _, tt := range bad {
		if _, err := New(tt.cfg, base); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("New(%v) error = %v; want one containing %q", tt.cfg, err, tt.err)
		}
	}

	// Relative roots resolve against baseDir, absolute ones stand alone.
	p := newProvider(t, map[string]any{"roots": map[string]any{"rel": "data/sub", "abs": filepath.Join(base, "data")}}, base)
	if got, err := call(p, "ReadFile", "rel/deep.txt"); err != nil || got != "deep" {
		t.Errorf("ReadFile(rel/deep.txt) = %q, %v", got, err)
	}
	if got, err := call(p, "ReadFile", "abs/notes.txt"); err != nil || got != "hello\n" {
		t.Errorf("ReadFile(abs/notes.txt) = %q, %v", got, err)
	}
	if src := p.Package().Source; !strings.Contains(src, "// Roots granted by this policy: abs, rel.\npackage fs\n") {
		t.Errorf("Package() does not name the roots:\n%s", src)
	}

	none := newProvider(t, nil, base)
	_, err := call(none, "ReadFile", "data/notes.txt")
	wantErr(t, err, "the policy grants no roots")
}

// unwrap is what the program gets from a call: the value of a
// provider.Direct result.
func unwrap(v any, err error) (any, error) {
	v, _, _ = provider.Unwrap(v)
	return v, err
}
