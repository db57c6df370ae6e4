package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestApprovedRun approves a digest, runs it, then changes the program and
// the policy in turn: each change is refused.
func TestApprovedRun(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AIRLOCK_CACHE", filepath.Join(dir, "cache"))
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	policy := write("policy.yaml", "name: approve\nimports: [fmt]\n")
	prog := write("prog.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"approved\") }\n")
	airlock := func(args ...string) (int, string) {
		var out, errOut bytes.Buffer
		code := execute(context.Background(), args, strings.NewReader(""), &out, &errOut)
		return code, out.String() + errOut.String()
	}
	code, out := airlock("plan", "--manifest", "--policy", policy, prog)
	if code != 0 {
		t.Fatalf("plan --manifest: %d %s", code, out)
	}
	var m struct{ Digest string }
	if err := json.Unmarshal([]byte(out), &m); err != nil || !strings.HasPrefix(m.Digest, "sha256:") {
		t.Fatalf("manifest %s: %v", out, err)
	}
	code, out = airlock("run", "--policy", policy, "--approved", m.Digest, prog)
	if code != 0 || !strings.Contains(out, `"output":"approved\n"`) {
		t.Fatalf("approved run: %d %s", code, out)
	}
	cached, err := os.ReadFile(filepath.Join(dir, "cache", "verdicts", strings.TrimPrefix(m.Digest, "sha256:")+".json"))
	if err != nil || !strings.Contains(string(cached), `"approved":true`) {
		t.Errorf("the verdict was not cached: %s %v", cached, err)
	}

	write("prog.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"changed\") }\n")
	code, out = airlock("run", "--policy", policy, "--approved", m.Digest, prog)
	if code != 1 || !strings.Contains(out, `"kind":"approval"`) || strings.Contains(out, "changed") {
		t.Errorf("a changed program ran: %d %s", code, out)
	}
	write("prog.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"approved\") }\n")
	write("policy.yaml", "name: approve\nimports: [fmt, strings]\n")
	code, out = airlock("run", "--policy", policy, "--approved", m.Digest, prog)
	if code != 1 || !strings.Contains(out, `"kind":"approval"`) {
		t.Errorf("a changed policy ran: %d %s", code, out)
	}
}
