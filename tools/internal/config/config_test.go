package config

import (
	"strings"
	"testing"
	"time"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   any
		want int64
		err  bool
	}{
		{in: 1024, want: 1024},
		{in: uint64(64), want: 64},
		{in: int64(5), want: 5},
		{in: float64(2048), want: 2048},
		{in: "64MiB", want: 64 << 20},
		{in: "64 MiB", want: 64 << 20},
		{in: "1KiB", want: 1024},
		{in: "1GiB", want: 1 << 30},
		{in: "1MB", want: 1_000_000},
		{in: "3KB", want: 3000},
		{in: "12B", want: 12},
		{in: "12", want: 12},
		{in: 0, err: true},
		{in: -1, err: true},
		{in: 1.5, err: true},
		{in: "1.5MiB", err: true},
		{in: "MiB", err: true},
		{in: "1 parsec", err: true},
		{in: "9999999999GiB", err: true},
		{in: true, err: true},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.err != (err != nil) || got != tt.want && !tt.err {
			t.Errorf("ParseSize(%#v) = %d, %v; want %d (error %v)", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		10: "10 bytes", 1024: "1 KiB", 1025: "1025 bytes", 64 << 20: "64 MiB", 3 << 30: "3 GiB", 1536: "1536 bytes",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q; want %q", n, got, want)
		}
	}
}

func TestSection(t *testing.T) {
	s := New("x", map[string]any{
		"on": true, "wait": "2s", "cap": "1KiB", "hdr": map[string]any{"A": "b"},
		"hosts": map[string]any{"h": map[string]any{"A": "b"}}, "nothing": nil,
	})
	if got := s.Bool("on", false); !got {
		t.Error("Bool(on) = false")
	}
	if got := s.Bool("off", true); !got {
		t.Error("Bool(off) ignored its default")
	}
	if got := s.Duration("wait", time.Second); got != 2*time.Second {
		t.Errorf("Duration(wait) = %s", got)
	}
	if got := s.Size("cap", 1); got != 1024 {
		t.Errorf("Size(cap) = %d", got)
	}
	if got := s.StringMap("hdr"); got["A"] != "b" {
		t.Errorf("StringMap(hdr) = %v", got)
	}
	if got := s.StringMaps("hosts"); got["h"]["A"] != "b" {
		t.Errorf("StringMaps(hosts) = %v", got)
	}
	if err := s.Err(); err == nil || err.Error() != `providers.x: unknown key "nothing" (known: cap, hdr, hosts, off, on, wait)` {
		t.Errorf("Err() = %v", err)
	}

	// The first bad value is the one reported.
	s = New("x", map[string]any{"wait": "later", "cap": "huge"})
	s.Duration("wait", time.Second)
	s.Size("cap", 1)
	if err := s.Err(); err == nil || !strings.HasPrefix(err.Error(), "providers.x.wait: want a duration such as 10s, got later") {
		t.Errorf("Err() = %v", err)
	}
}
