package readfile

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRefusesWithoutWaiting opens what untrusted paths may name: a FIFO
// with no writer, a device that never ends, a folder; each is refused at
// once. The controls, a regular file within and over the limit, read or
// are refused by size before reading.
func TestRefusesWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	file := filepath.Join(dir, "policy.yaml")
	if err := os.WriteFile(file, []byte("name: p\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, want string
	}{
		{fifo, "is not a regular file (a FIFO)"},
		{"/dev/zero", "is not a regular file (a device)"},
		{dir, "is not a regular file (a folder)"},
		{file, ""},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Read(c.path, 1<<20)
			done <- err
		}()
		select {
		case err := <-done:
			if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Errorf("Read(%s) = %v, want %q", c.path, err, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Read(%s) blocked", c.path)
		}
	}
	if _, err := Read(file, 7); err == nil || !strings.Contains(err.Error(), "is 8 bytes, larger than the limit of 7") {
		t.Errorf("Read over the limit = %v", err)
	}
}
