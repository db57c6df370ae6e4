// Package proc holds what the providers that start programs in the parent
// (command tools, stdio MCP servers) share: a process group per program,
// so that stopping it stops what it started, and the tail of its standard
// error, quoted in errors about it.
package proc

import (
	"strings"
	"sync"
)

// Tail keeps the last Max bytes written to it.
type Tail struct {
	Max int
	mu  sync.Mutex
	buf []byte
}

func (t *Tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if over := len(t.buf) - t.Max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(b), nil
}

// Text returns what was kept, trimmed, with invalid UTF-8 replaced.
func (t *Tail) Text() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.TrimSpace(strings.ToValidUTF8(string(t.buf), "\uFFFD"))
}
