package sheetgen

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("u", false, "rewrite testdata/sheets/accounts.csv")

const shipped = "../../testdata/sheets/accounts.csv"

// TestShippedSheet checks the committed sheet is exactly what Write
// generates, so the example's figures are reproducible.
func TestShippedSheet(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(shipped, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, buf.Bytes()) {
		t.Fatalf("%s differs from a fresh generation; run go test ./internal/sheetgen -u", shipped)
	}
	if n := strings.Count(buf.String(), "\n"); n != Rows+1 {
		t.Fatalf("%d lines, want %d", n, Rows+1)
	}
}
