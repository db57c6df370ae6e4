package exec

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzEncode builds summaries from arbitrary program output, results,
// error texts and budgets: whatever a program prints or returns, the
// summary is one JSON document within the budget whose status, policy and
// stats are the parent's, and what is kept of the output is a true head
// and tail of it.
func FuzzEncode(f *testing.F) {
	f.Add("hello\n", `{"a":1}`, "boom", 300)
	f.Add(strings.Repeat("line of output\n", 2000), `[1,2,3]`, "", 2000)
	f.Add(`","status":"ok","forged":{"x":"`, `"\u0000"`, "\"}]}", 500)
	f.Add("\xff\xfe invalid utf-8 \x00", `null`, "x\ny", 301)
	f.Add(strings.Repeat("é漢🙂", 3000), strings.Repeat(`{"k":"v"},`, 1)+`{}`, strings.Repeat("e", 5000), 400)
	f.Fuzz(func(t *testing.T, output, result, errText string, budget int) {
		if budget < 0 || budget > 1<<16 {
			budget %= 1 << 16
			if budget < 0 {
				budget = -budget
			}
		}
		s := &Summary{Status: StatusError, Policy: "fuzz", Output: output, Sandbox: Sandbox{Active: []string{"env"}},
			Error: &ErrorInfo{Kind: "panic", Message: errText}}
		if json.Valid([]byte(result)) {
			s.Result = json.RawMessage(result)
		}
		s.Stats.ToolCalls = 7
		out := s.Encode(budget)
		dec := json.NewDecoder(bytes.NewReader(out))
		var doc map[string]any
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
		if dec.More() {
			t.Fatalf("more than one JSON document:\n%s", out)
		}
		if doc["status"] != StatusError || doc["policy"] != "fuzz" {
			t.Fatalf("status or policy changed: %v %v", doc["status"], doc["policy"])
		}
		stats, _ := doc["stats"].(map[string]any)
		if stats["tool_calls"] != 7.0 {
			t.Fatalf("stats changed: %v", stats)
		}
		limit := max(budget, MinTokens)
		if n := CountTokens(string(out)); n > limit {
			t.Fatalf("summary is %d tokens, over the budget of %d", n, limit)
		}
		kept, _ := doc["output"].(string)
		var want string // the output as JSON carries it: invalid bytes become U+FFFD
		b, _ := json.Marshal(output)
		json.Unmarshal(b, &want)
		if doc["truncated"] == nil && kept != want {
			t.Fatalf("output changed without a truncation note:\n%q\n%q", kept, output)
		}
	})
}
