package plan

import (
	"bytes"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompatCorpusThroughBuild plans the end-to-end corpus with Build, as
// the command does: no findings, every line kept, and the idioms rewritten.
func TestCompatCorpusThroughBuild(t *testing.T) {
	files, err := filepath.Glob("../internal/compat/testdata/*.go")
	if err != nil || len(files) == 0 {
		t.Fatal("no corpus", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".go"), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Build(file, src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Findings) > 0 {
				t.Fatalf("findings: %+v", p.Findings)
			}
			if n, m := bytes.Count(p.Source, []byte("\n")), bytes.Count(src, []byte("\n")); n != m {
				t.Errorf("source has %d lines, want %d", n, m)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), file, p.Source, 0); err != nil {
				t.Errorf("rewritten source does not parse: %v", err)
			}
			for _, rw := range p.Rewrites {
				if rw.Pos.Line < 1 || rw.From == "" {
					t.Errorf("rewrite %+v", rw)
				}
			}
		})
	}
}

// FuzzCompat checks that a rewritten program still parses and keeps its
// lines, whatever the program.
func FuzzCompat(f *testing.F) {
	files, err := filepath.Glob("../internal/compat/testdata/*.go")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Build("fuzz.go", src, Options{})
		if err != nil || bytes.Equal(p.Source, src) {
			return
		}
		if n, m := bytes.Count(p.Source, []byte("\n")), bytes.Count(src, []byte("\n")); n != m {
			t.Fatalf("rewritten program has %d lines, want %d:\n%s", n, m, p.Source)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "out.go", p.Source, parser.SkipObjectResolution); err != nil {
			t.Fatalf("rewritten program does not parse: %v\n%s", err, p.Source)
		}
	})
}
