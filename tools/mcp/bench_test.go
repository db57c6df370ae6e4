package mcp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// median reports the median of the timed iterations as median-µs.
func median(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds()), "median-µs")
}

// BenchmarkConnect measures connecting to each npm server: starting it,
// initialize and tools/list, with the declaration generated.
func BenchmarkConnect(b *testing.B) {
	dir := serversDir(b)
	for _, srv := range []struct {
		name string
		cfg  func(b *testing.B) map[string]any
	}{
		{"memory", func(b *testing.B) map[string]any {
			return map[string]any{"command": serverBin(dir, "mcp-server-memory"),
				"env": map[string]any{"MEMORY_FILE_PATH": filepath.Join(b.TempDir(), "m.jsonl")}}
		}},
		{"everything", func(*testing.B) map[string]any {
			return map[string]any{"command": serverBin(dir, "mcp-server-everything"), "args": []any{"stdio"}}
		}},
		{"filesystem", func(b *testing.B) map[string]any {
			return map[string]any{"command": serverBin(dir, "mcp-server-filesystem"), "args": []any{b.TempDir()}}
		}},
	} {
		b.Run(srv.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				b.StopTimer()
				p, err := New(srv.name, srv.cfg(b), b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				if err := p.Connect(context.Background()); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				b.StopTimer()
				p.Close()
				b.StartTimer()
			}
			median(b, times)
		})
	}
}

// BenchmarkCall measures one call of server-everything's echo through the
// provider (Prepare with schema validation, then Call), against the same
// call made with the SDK directly on a session of its own: the difference
// is the provider's overhead, and the SDK call bounds the transport's.
func BenchmarkCall(b *testing.B) {
	dir := serversDir(b)
	raw := []json.RawMessage{json.RawMessage(`{"message":"hello"}`)}
	b.Run("provider", func(b *testing.B) {
		p := everything(b, nil)
		if err := p.Connect(context.Background()); err != nil {
			b.Fatal(err)
		}
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			args, err := p.Prepare("Echo", raw)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := p.Call(context.Background(), "Echo", args); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		median(b, times)
	})
	b.Run("sdk", func(b *testing.B) {
		client := sdk.NewClient(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
		cmd := execCommand(serverBin(dir, "mcp-server-everything"), "stdio")
		s, err := client.Connect(context.Background(), &sdk.CommandTransport{Command: cmd, TerminateDuration: 100 * time.Millisecond}, nil)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			if _, err := s.CallTool(context.Background(), &sdk.CallToolParams{Name: "echo", Arguments: map[string]any{"message": "hello"}}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		median(b, times)
	})
}

func execCommand(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	return cmd
}
