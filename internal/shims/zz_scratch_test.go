package shims_test

import (
	"fmt"
	"os"
	"testing"
)

// TestScratch runs $SCRATCH through the rewrite (unless SCRATCH_RAW) and the interpreter.
func TestScratch(t *testing.T) {
	file := os.Getenv("SCRATCH")
	if file == "" {
		t.Skip()
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := src
	if os.Getenv("SCRATCH_RAW") == "" {
		var rw, findings any
		out, rw, findings = func() ([]byte, any, any) { o, r, f := rewrite(t, file, src); return o, r, f }()
		fmt.Printf("rewrites: %+v\nfindings: %+v\n--- rewritten\n%s\n---\n", rw, findings, out)
	}
	got, err := runInterpreter(out)
	fmt.Printf("--- output\n%s--- err: %v\n", got, err)
}
