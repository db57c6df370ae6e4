package fs

import (
	"path"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct {
		in, want string
		err      string // substring of the error, when one is expected
	}{
		{in: "data/sales.csv", want: "data/sales.csv"},
		{in: "data/./x", want: "data/x"},
		{in: "./data//x/", want: "data/x"},
		{in: "data/sub/../x", want: "data/x"},
		{in: "data", want: "data"},
		{in: ".", want: "."},
		{in: "data/é.csv", want: "data/é.csv"},
		{in: "data/a b.csv", want: "data/a b.csv"},
		{in: "data/../../etc/passwd", err: "climbs out"},
		{in: "..", err: "climbs out"},
		{in: "data/../..", err: "climbs out"},
		{in: "/etc/passwd", err: "absolute paths are not allowed"},
		{in: "//data/x", err: "absolute paths are not allowed"},
		{in: "data/x\x00.csv", err: "NUL"},
		{in: `data\..\..\etc\passwd`, err: "backslash"},
		{in: "data/\u202Evsc.exe", err: "invisible formatting character U+202E"},
		{in: "data/a\u200Bb", err: "invisible formatting character U+200B"},
		{in: "data/a\u00A0b", err: "space character U+00A0"},
		{in: "data/a\tb", err: "control character U+0009"},
		{in: "data/a\u0085b", err: "control character U+0085"},
		{in: "data/\xff.csv", err: "not valid UTF-8"},
		{in: "data/\uFFFD.csv", err: "U+FFFD"},
		{in: "", err: "empty"},
		{in: "data/" + strings.Repeat("a", maxPath), err: "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Clean(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Clean(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("Clean(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestCleanPattern(t *testing.T) {
	tests := []struct {
		in, want string
		err      string
	}{
		{in: "data/*.csv", want: "data/*.csv"},
		{in: "data/./sub/?.txt", want: "data/sub/?.txt"},
		{in: "data", want: "data"},
		{in: "*/secret", err: "must start with the name of a root"},
		{in: "[a-z]*/x", err: "must start with the name of a root"},
		{in: "data/../*", err: "must start with the name of a root"},
		{in: ".", err: "must start with the name of a root"},
		{in: "data/[", err: "malformed"},
		{in: "/data/*", err: "absolute"},
		{in: `data/\*`, err: "backslash"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CleanPattern(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("CleanPattern(%q) = %q, %v; want error containing %q", tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("CleanPattern(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"data/x", "data/../../etc", "/etc", "a/./b//c/", "..", ".", "data/\u202E"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := Clean(in)
		if err != nil {
			return
		}
		if again, err := Clean(c); err != nil || again != c {
			t.Fatalf("Clean(%q) = %q, but Clean of that = %q, %v", in, c, again, err)
		}
		if path.IsAbs(c) || c == ".." || strings.HasPrefix(c, "../") || strings.Contains(c, "/../") {
			t.Fatalf("Clean(%q) = %q leaves the roots", in, c)
		}
	})
}
