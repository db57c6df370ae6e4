package exec_test

import (
	"os"
	"testing"

	"github.com/airlockhq/airlock/exec"
)

// TestMain lets this test binary serve as the sandboxed child.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == exec.ChildArg {
		exec.ChildMain()
	}
	os.Exit(m.Run())
}

func selfBinary(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return self
}
