package airlock

import (
	"context"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/exec"
)

// TestVerdictCache: a program run again reuses its verdict; any change to
// what the verdict depends on (the text, strictness) is judged anew, and
// a refused program stays refused.
func TestVerdictCache(t *testing.T) {
	dir := t.TempDir()
	eng, err := LoadPolicy("p.yaml", []byte("name: p\nimports: [fmt, time, net/http]\nproviders:\n  fs:\n    roots:\n      data: "+dir+"\ntools:\n  fs.ReadFile: {allow: \x27args.path != \"data/secret\"\x27}\n"), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	run := func(src string, strict bool) *exec.Summary {
		t.Helper()
		return eng.Run(context.Background(), "p.go", []byte(src), RunOptions{Strict: strict})
	}
	hello := "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n"
	if s := run(hello, false); s.Status != exec.StatusOK || s.Output != "hi\n" {
		t.Fatalf("first run: %s %q", s.Status, s.Output)
	}
	if len(eng.verdicts.order) != 1 {
		t.Fatalf("%d verdicts kept, want 1", len(eng.verdicts.order))
	}
	k := eng.verdicts.order[0]
	first := eng.verdicts.get(k)
	if s := run(hello, false); s.Status != exec.StatusOK || s.Output != "hi\n" {
		t.Fatalf("second run: %s %q", s.Status, s.Output)
	}
	if eng.verdicts.get(k) != first || len(eng.verdicts.order) != 1 {
		t.Fatalf("the second run did not reuse the verdict: %d kept", len(eng.verdicts.order))
	}

	// Known only at run time: approved, but refused under --strict.
	dyn := "package main\n\nimport (\n\t\"airlock/fs\"\n\t\"fmt\"\n\t\"time\"\n)\n\nfunc main() {\n\tb, err := fs.ReadFile(\"data/\" + fmt.Sprint(time.Now().Unix()%2))\n\tfmt.Println(len(b), err != nil)\n}\n"
	if s := run(dyn, false); s.Status == exec.StatusDenied {
		t.Fatalf("lenient run refused: %+v", s.Violations)
	}
	for range 2 {
		if s := run(dyn, true); s.Status != exec.StatusDenied {
			t.Fatalf("strict run: %s, want denied", s.Status)
		}
	}
	// A refused program stays refused when sent again.
	bad := "package main\n\nimport \"airlock/fs\"\n\nfunc main() { fs.WriteFile(\"data/x\", []byte(\"x\")) }\n"
	for range 2 {
		if s := run(bad, false); s.Status != exec.StatusDenied {
			t.Fatalf("refused program: %s, want denied", s.Status)
		}
	}
	if n := len(eng.verdicts.order); n != 4 {
		t.Fatalf("%d verdicts kept, want 4 (hello, dynamic, dynamic strict, refused)", n)
	}
}

// TestVerdictKey: every input of a verdict changes its key, and the
// length prefixes keep neighbouring fields from running together.
func TestVerdictKey(t *testing.T) {
	base := verdictKey("a.go", []byte("x"), false, nil)
	for name, k := range map[string][32]byte{
		"name":   verdictKey("b.go", []byte("x"), false, nil),
		"source": verdictKey("a.go", []byte("y"), false, nil),
		"strict": verdictKey("a.go", []byte("x"), true, nil),
		"shift":  verdictKey("a.gox", []byte(""), false, nil),
	} {
		if k == base {
			t.Errorf("changing the %s kept the key", name)
		}
	}
	c := &verdicts{}
	for i := range verdictCacheSize + 10 {
		c.put(verdictKey(strings.Repeat("a", i), nil, false, nil), nil)
	}
	if len(c.byKey) != verdictCacheSize || len(c.order) != verdictCacheSize {
		t.Fatalf("cache holds %d/%d, want %d", len(c.byKey), len(c.order), verdictCacheSize)
	}
}
