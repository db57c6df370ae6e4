package exec

import (
	"encoding/json"
	"io"
	"sync"
	"time"
)

// TraceCall is one line of an audit trace: a tool call the program made,
// with the canonical arguments the policy judged.
type TraceCall struct {
	Time string         `json:"time"`
	Run  string         `json:"run"`
	Tool string         `json:"tool"`
	Args map[string]any `json:"args,omitempty"` // canonical; absent when they could not be decoded
	// RawArgs are the arguments as sent, each capped, of a call refused
	// before they could be put in canonical form.
	RawArgs  []string `json:"raw_args,omitempty"`
	Verdict  string   `json:"verdict"` // "allowed", "denied" or "limit"
	Rule     string   `json:"rule,omitempty"`
	Reason   string   `json:"reason,omitempty"`
	Error    string   `json:"error,omitempty"` // the tool's error, for an allowed call
	Millis   float64  `json:"ms"`
	BytesIn  int64    `json:"bytes_in"`
	BytesOut int64    `json:"bytes_out"`
}

// TraceEnd is the last line of a trace: how the run ended.
type TraceEnd struct {
	Time   string `json:"time"`
	Run    string `json:"run"`
	Status string `json:"status"`
	Limit  string `json:"limit,omitempty"`
	Error  string `json:"error,omitempty"`
	Calls  int    `json:"tool_calls"`
	Tokens int    `json:"tool_data_tokens"`
}

// tracer writes JSON lines. Credentials never appear: providers add them
// in the parent after the policy has judged the arguments traced here.
type tracer struct {
	mu sync.Mutex
	w  io.Writer
}

func (t *tracer) write(v any) {
	if t == nil || t.w == nil {
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.w.Write(append(b, '\n'))
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// trace records one call.
func (r *runner) trace(c TraceCall) {
	c.Time, c.Run = now(), r.opts.RunID
	r.tracer.write(c)
}
