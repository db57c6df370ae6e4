package plan

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// FuzzBuild checks that Build never panics, that what it reports points
// into the program, and that a plan survives a JSON round trip unchanged.
func FuzzBuild(f *testing.F) {
	for _, pattern := range []string{"testdata/*.go", "testdata/*/*.go"} {
		files, err := filepath.Glob(pattern)
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
	}
	f.Add([]byte(helloSource))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Build("fuzz.go", src, Options{Tools: testTools})
		if err != nil {
			if p != nil {
				t.Fatalf("a plan and an error: %v", err)
			}
			return
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		check := func(what string, pos Pos) {
			if pos.Line < 1 || pos.Line > lines || pos.Col < 1 {
				t.Fatalf("%s at %d:%d, outside the program's %d lines", what, pos.Line, pos.Col, lines)
			}
		}
		for _, imp := range p.Imports {
			check("import "+imp.Path, imp.Pos)
		}
		for _, u := range p.Uses {
			check("use "+u.Tool, u.Pos)
		}
		for _, f := range p.Findings {
			check("finding "+f.Rule, f.Pos)
		}

		out, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var back Plan
		dec := json.NewDecoder(bytes.NewReader(out))
		dec.UseNumber() // int64 values beyond float64 precision stay exact
		if err := dec.Decode(&back); err != nil {
			t.Fatalf("decoding %s: %v", out, err)
		}
		again, err := json.Marshal(&back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("JSON round trip changed the plan:\n%s\n%s", out, again)
		}
	})
}
