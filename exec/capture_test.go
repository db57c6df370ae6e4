package exec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/verify"
)

// A capture keeps the head and the last bytes of any stream, written in
// any pieces, cut at line boundaries, and counts exactly what it dropped.
func TestCaptureKeepsHeadAndTail(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := range 200 {
		max := int64(1 + rng.Intn(300))
		var full bytes.Buffer
		for i := range rng.Intn(200) {
			if rng.Intn(3) == 0 {
				fmt.Fprintf(&full, "line %d %s\n", i, strings.Repeat("x", rng.Intn(20)))
			} else {
				full.WriteString(strings.Repeat("y", rng.Intn(30)))
			}
		}
		c := newCapture(max, nil)
		data := full.Bytes()
		for len(data) > 0 {
			k := min(len(data), 1+rng.Intn(64))
			c.Write(data[:k])
			data = data[k:]
		}
		out := c.output()
		all := full.String()
		if int64(len(all)) <= max {
			if out.String() != all || out.DroppedBytes != 0 {
				t.Fatalf("trial %d: a stream within the cap is kept whole: %q, dropped %d", trial, out.String(), out.DroppedBytes)
			}
			continue
		}
		if !strings.HasPrefix(all, out.Head) || !strings.HasSuffix(all, out.Tail) {
			t.Fatalf("trial %d: head %q or tail %q is not the stream's", trial, out.Head, out.Tail)
		}
		if int64(len(out.Head)+len(out.Tail)) > max {
			t.Fatalf("trial %d: kept %d bytes over the cap %d", trial, len(out.Head)+len(out.Tail), max)
		}
		if got := int64(len(all) - len(out.Head) - len(out.Tail)); got != out.DroppedBytes {
			t.Fatalf("trial %d: dropped %d bytes, counted %d", trial, got, out.DroppedBytes)
		}
		middle := all[len(out.Head) : len(all)-len(out.Tail)]
		if got := int64(strings.Count(middle, "\n")); got != out.DroppedLines {
			t.Fatalf("trial %d: dropped %d newlines, counted %d", trial, got, out.DroppedLines)
		}
		if out.Head != "" && !strings.HasSuffix(out.Head, "\n") && strings.Contains(all[:max-max/2], "\n") {
			t.Fatalf("trial %d: the head %q is not cut at a line's end", trial, out.Head)
		}
	}
}

// Fitting an output the run cut keeps its first and last lines around one
// marker that counts the dropped middle too.
func TestFitPartsCountsTheDroppedMiddle(t *testing.T) {
	head := "first\nsecond\n"
	tail := "last but one\nlast\n"
	kept, cut := fitParts(head, tail, 1000, 40, 2000)
	if want := "first\nsecond\n[... 40 lines, 1000 bytes omitted ...]\nlast but one\nlast\n"; kept != want {
		t.Fatalf("kept %q, want %q", kept, want)
	}
	if cut.TotalBytes != len(head)+len(tail)+1000 || cut.TotalLines != 44 || cut.OmittedLines != 40 || cut.OmittedBytes != 1000 {
		t.Fatalf("cut %+v", cut)
	}
	kept, cut = fitParts(strings.Repeat("h\n", 5000), strings.Repeat("t\n", 5000), 1<<20, 1<<15, 300)
	if CountTokens(jsonString(kept)) > 300 || !strings.HasPrefix(kept, "h\n") || !strings.HasSuffix(kept, "t\n") {
		t.Fatalf("kept %d tokens: %.80q", CountTokens(jsonString(kept)), kept)
	}
	if cut.TotalLines != 10000+1<<15 || cut.OmittedLines != cut.TotalLines-cut.KeptHeadLines-cut.KeptTailLines {
		t.Fatalf("cut %+v", cut)
	}
}

// A refused call whose arguments never reached canonical form is traced
// with them as sent, each capped.
func TestRawArgsCapped(t *testing.T) {
	big := json.RawMessage(`"` + strings.Repeat("a", 5000) + `"`)
	got := rawArgs([]json.RawMessage{json.RawMessage(`"data/x"`), big})
	if got[0] != `"data/x"` || !strings.HasSuffix(got[1], "… (5002 bytes)") || len(got[1]) > maxTracedArg+40 {
		t.Fatalf("rawArgs = %q", got)
	}
}

// A run handed more labelled text than the tags hold fails closed: every
// later call to a sink is refused, whatever it carries.
func TestTaintFailsClosedWhenFull(t *testing.T) {
	pol, err := verify.Load("p.yaml", []byte(`name: p
tools:
  fs.ReadFile: {}
  http.Post: {}
labels:
  fs.ReadFile: [private]
  http.Post: [external]
flows:
  - deny: {from: private, to: external}
    uncertain: check
`), []verify.ToolSig{{Name: "fs.ReadFile", Params: []string{"path"}}, {Name: "http.Post", Params: []string{"url", "contentType", "body"}}})
	if err != nil {
		t.Fatal(err)
	}
	tt := newTaint(pol)
	tt.result("fs.ReadFile", []byte(`"s3cr3t-t0ken-4242"`))
	if _, _, broken := tt.check("http.Post", map[string]any{"body": "hello, world"}); broken {
		t.Fatal("an argument that carries nothing labelled is refused")
	}
	if _, arg, broken := tt.check("http.Post", map[string]any{"body": "x S3CR3T-T0KEN-4242 y"}); !broken || arg != "body" {
		t.Fatal("the labelled text, in another case, passes")
	}
	var b strings.Builder
	for i := 0; !tt.full; i++ {
		b.Reset()
		for j := range 1000 {
			fmt.Fprintf(&b, "line-%d-%d\n", i, j)
		}
		body, _ := json.Marshal(b.String())
		tt.result("fs.ReadFile", body)
	}
	if _, arg, broken := tt.check("http.Post", map[string]any{"body": "hello, world"}); !broken || arg != "" {
		t.Fatal("with the tags full, a sink call is not refused")
	}
}
