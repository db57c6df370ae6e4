package airlock_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airlockhq/airlock"
)

var updatePrecision = flag.Bool("update-precision", false, "rewrite testdata/precision/verdicts.txt")

// TestFlowPrecision verifies the honest programs of testdata/precision:
// each reads private data and calls an external API without leaking it,
// under a flow rule that covers control flows (strict.yaml) and one that
// covers data only (data.yaml). What the analysis refuses of them is its
// imprecision, or a real one-bit channel (an error branch on the private
// read before the call); verdicts.txt records each, and a change must be
// made on purpose (-update-precision).
func TestFlowPrecision(t *testing.T) {
	dir := filepath.Join("testdata", "precision")
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	if len(files) < 20 {
		t.Fatalf("precision programs: %d", len(files))
	}
	var got strings.Builder
	approved := map[string]int{}
	for _, policy := range []string{"strict", "data"} {
		eng, err := airlock.Load(filepath.Join(dir, policy+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		defer eng.Close()
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			p, err := eng.Plan(filepath.Base(file), src)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			verdict := "refused"
			if eng.Check(p, false).Approved() {
				verdict = "approved"
				approved[policy]++
			}
			fmt.Fprintf(&got, "%s %s %s\n", policy, filepath.Base(file), verdict)
		}
	}
	t.Logf("approved of %d: strict %d, data %d", len(files), approved["strict"], approved["data"])
	golden := filepath.Join(dir, "verdicts.txt")
	if *updatePrecision {
		if err := os.WriteFile(golden, []byte(got.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != string(want) {
		t.Errorf("verdicts changed (go test -run TestFlowPrecision -update-precision once the change is meant):\n got:\n%s\nwant:\n%s", got.String(), want)
	}
}
