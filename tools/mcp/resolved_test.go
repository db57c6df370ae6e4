package mcp

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The approval digest binds what a server's settings resolve to: its
// command found on $PATH with links followed and ${VAR} expanded, its
// arguments and folder. The same settings under another environment are
// another server.
func TestResolved(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"server-a", "server-b"} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	t.Setenv("SERVER", "server-a")
	t.Setenv("ROOT", "/srv/a")
	cfg := map[string]any{"command": "${SERVER}", "args": []any{"--root", "${ROOT}", "${UNSET_IN_TEST}"}}
	p, err := New("files", cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	first := p.Resolved()
	want := []string{"command " + filepath.Join(bin, "server-a"), "cwd " + realDir(t, dir), `arg "--root"`, `arg "/srv/a"`, `arg "${UNSET_IN_TEST}"`}
	if !slices.Equal(first, want) {
		t.Fatalf("Resolved\n got %q\nwant %q", first, want)
	}
	t.Setenv("SERVER", "server-b")
	if second := p.Resolved(); slices.Equal(first, second) {
		t.Errorf("another command under the same settings resolves the same: %q", second)
	}
	t.Setenv("SERVER", "server-a")
	t.Setenv("ROOT", "/srv/b")
	if third := p.Resolved(); slices.Equal(first, third) {
		t.Errorf("another argument under the same settings resolves the same: %q", third)
	}
	u, err := New("web", map[string]any{"url": "https://${HOST}/mcp", "headers": map[string]any{"Authorization": "Bearer ${TOKEN}"}}, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOST", "mcp.example.com")
	t.Setenv("TOKEN", "secret")
	if got := u.Resolved(); !slices.Equal(got, []string{"url https://mcp.example.com/mcp"}) {
		t.Errorf("Resolved of a URL server = %q (headers carry credentials and are left out)", got)
	}
}

func realDir(t *testing.T, dir string) string {
	r, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
