package verify

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("u", false, "rewrite golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -u.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -u to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -u to update):\n%s", path, got)
	}
}

// outputResults are two judged files, out of order, and one that could not
// be read.
func outputResults(t *testing.T) []FileResult {
	pol := mustLoad(t, checkPolicy)
	hostile := Check(hostilePlan(), pol, CheckOptions{})
	clean := hostilePlan()
	clean.File = "clean.go"
	clean.Imports = clean.Imports[:1]
	clean.Uses = clean.Uses[:2]
	clean.Findings = nil
	return []FileResult{
		{File: "prog.go", Verdict: hostile},
		{File: "missing.go", Err: errors.New("open missing.go: no such file or directory")},
		{File: "clean.go", Verdict: Check(clean, pol, CheckOptions{})},
	}
}

func TestWriteText(t *testing.T) {
	var out bytes.Buffer
	if err := WriteText(&out, outputResults(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "results.txt", out.Bytes())
}

func TestWriteJSON(t *testing.T) {
	var out bytes.Buffer
	if err := WriteJSON(&out, outputResults(t)); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(out.Bytes()) {
		t.Fatal("invalid JSON")
	}
	golden(t, "results.json", out.Bytes())
}

func TestWriteSARIF(t *testing.T) {
	var out bytes.Buffer
	if err := WriteSARIF(&out, outputResults(t)); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID string `json:"ruleId"`
				Level  string `json:"level"`
			} `json:"results"`
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 9 || log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("unexpected SARIF shape: %+v", log)
	}
	golden(t, "results.sarif", out.Bytes())
}
