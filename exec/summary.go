package exec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/verify"
)

// Status values of a summary.
const (
	StatusOK      = "ok"      // the program's main returned
	StatusDenied  = "denied"  // refused before running
	StatusBlocked = "blocked" // a tool call was refused at run time
	StatusError   = "error"   // compile error, panic or crash
	StatusTimeout = "timeout" // wall-clock limit
	StatusLimit   = "limit"   // another limit: memory, cpu, output, tool_calls, result
	StatusBusy    = "busy"    // airlock mcp had no turn for it: nothing ran; retry
)

// MinTokens and MaxTokens bound a summary's token budget; see
// verify.MinOutputTokens.
const (
	MinTokens = verify.MinOutputTokens
	MaxTokens = verify.MaxOutputTokens
)

// Summary is the one JSON document a run prints. Only the parent writes it;
// what the program printed is a string inside it, never part of its syntax.
type Summary struct {
	Status string `json:"status"`
	Policy string `json:"policy"`
	Output string `json:"output"`
	// OutputNotUTF8 counts the bytes of the output that are not UTF-8:
	// JSON shows each such sequence as U+FFFD, so the output above is not
	// byte for byte what the program wrote.
	OutputNotUTF8 int                   `json:"output_not_utf8,omitempty"`
	Result        json.RawMessage       `json:"result,omitempty"`
	Error         *ErrorInfo            `json:"error,omitempty"`
	Violations    []Violation           `json:"violations,omitempty"`
	Calls         map[string]*CallStats `json:"calls,omitempty"`
	Limit         string                `json:"limit,omitempty"`
	Truncated     *Truncation           `json:"truncated,omitempty"`
	Sandbox       Sandbox               `json:"sandbox"`
	Stats         Stats                 `json:"stats"`
	// RunID names the run, as its audit trace does: unique, and sorting in
	// the order runs started.
	RunID string `json:"run_id,omitempty"`

	// gap is what the run kept of an output larger than its cap: Output is
	// its head and tail joined, the middle dropped.
	gap Output
	// reaped is closed once the run's child has ended, when Run answered
	// before that (Options.Early).
	reaped <-chan struct{}
}

// Wait returns once nothing of the run's child is left. Run returns only
// then, unless Options.Early had it answer as soon as the program's report
// and output were in.
func (s *Summary) Wait() {
	if s.reaped != nil {
		<-s.reaped
	}
}

// ErrorInfo says why a program did not complete, with a hint a model can act on.
type ErrorInfo struct {
	Kind    string `json:"kind"` // compile, panic, exit, crash, internal, blocked, limit, timeout
	Message string `json:"message"`
	// ExitCode is the status the program ended with through os.Exit,
	// log.Fatal or a failed flag parse (kind "exit").
	ExitCode int    `json:"exit_code,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Hint     string `json:"hint,omitempty"`
}

// Violation is one reason the policy refused the program or a call.
type Violation struct {
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
	Rule    string `json:"rule"`
	Tool    string `json:"tool,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

// CallStats aggregates the calls of one tool.
type CallStats struct {
	Count    int     `json:"count"`
	Denied   int     `json:"denied,omitempty"`
	Errors   int     `json:"errors,omitempty"`
	Millis   float64 `json:"ms"`
	BytesIn  int64   `json:"bytes_in"`  // arguments sent by the program
	BytesOut int64   `json:"bytes_out"` // results handed to the program
}

// Sandbox lists the isolation layers that were active and those missing.
type Sandbox struct {
	Active  []string `json:"active"`
	Missing []string `json:"missing,omitempty"`
}

// Stats are the run's measurements.
type Stats struct {
	WallMillis float64 `json:"wall_ms"`
	// ToolsStartMillis is the part of WallMillis spent starting the
	// program's tool servers (MCP servers start on first use).
	ToolsStartMillis float64 `json:"tools_start_ms,omitempty"`
	CPUMillis        float64 `json:"cpu_ms"`
	PeakMemoryBytes  int64   `json:"peak_memory_bytes"`
	OutputBytes      int64   `json:"output_bytes"`
	ToolCalls        int     `json:"tool_calls"`
	// ToolDataBytes and ToolDataTokens measure the tool data the program
	// processed: data that stayed out of the model's context.
	// ToolDataBytes counts the results as the program received them (their
	// JSON), and what scripts' commands printed. ToolDataTokens counts, with
	// the o200k tokenizer, what an agent calling the same tools directly
	// would have had put in its context: a file's text (not its decoded
	// rows), an HTTP response's body, SQL rows as one JSON result set, an
	// MCP result's text content (its structured content when it has no
	// text), a command's output, and for scripts what every command
	// printed, each stage of a pipeline included; any other result as its
	// JSON.
	ToolDataBytes  int64 `json:"tool_data_bytes"`
	ToolDataTokens int   `json:"tool_data_tokens"`
	SummaryTokens  int   `json:"summary_tokens"`
	MaxTokens      int   `json:"max_tokens"`
}

// Truncation says exactly what was cut to fit the token budget.
type Truncation struct {
	Output     *Cut `json:"output,omitempty"`
	Result     *Cut `json:"result,omitempty"`
	Violations int  `json:"violations_omitted,omitempty"`
}

// Cut describes one truncated field: what it held and what was kept.
type Cut struct {
	TotalBytes    int    `json:"total_bytes"`
	TotalLines    int    `json:"total_lines,omitempty"`
	KeptHeadLines int    `json:"kept_head_lines,omitempty"`
	KeptTailLines int    `json:"kept_tail_lines,omitempty"`
	OmittedLines  int    `json:"omitted_lines,omitempty"`
	OmittedBytes  int    `json:"omitted_bytes"`
	Preview       string `json:"preview,omitempty"` // the start of a result too large to keep
	Note          string `json:"note,omitempty"`
}

// maxViolations caps the violations listed; the rest are counted.
const maxViolations = 20

// Encode fits the summary into maxTokens o200k tokens and returns it as one
// JSON document with a trailing newline. Output keeps its head and tail;
// a result too large to keep is replaced by a preview; both cuts are
// described in "truncated".
func (s *Summary) Encode(maxTokens int) []byte {
	maxTokens = min(max(maxTokens, MinTokens), MaxTokens)
	s.Stats.MaxTokens = maxTokens
	if len(s.Violations) > maxViolations {
		s.truncation().Violations = len(s.Violations) - maxViolations
		s.Violations = s.Violations[:maxViolations]
	}
	output, result := s.Output, s.Result
	s.Output, s.Result = "", nil
	// The frame: everything but output and result, with room for the
	// truncation notes and the token count itself.
	reserve := 60
	room := maxTokens - s.tokens() - reserve

	if len(result) > 0 {
		share := room
		if output != "" {
			share = room * 3 / 4
		}
		if n := CountTokens(string(result)); n <= share {
			s.Result = result
			room -= n
		} else {
			s.truncation().Result = resultCut(result, share/2)
			room -= CountTokens(s.truncation().Result.Preview) + 20
		}
	}
	fit := func(budget int) (string, *Cut) {
		if s.gap.DroppedBytes > 0 {
			return fitParts(s.gap.Head, s.gap.Tail, s.gap.DroppedBytes, s.gap.DroppedLines, budget)
		}
		return fitOutput(output, budget)
	}
	if output != "" {
		kept, cut := fit(room)
		s.Output = kept
		if cut != nil {
			s.truncation().Output = cut
		}
	}
	for stage := 0; ; stage++ {
		s.Stats.SummaryTokens = s.tokens()
		n := s.tokens() // the count itself takes a token or two
		s.Stats.SummaryTokens = n
		if n <= maxTokens {
			break
		}
		// The estimates were off, or the frame alone is too large: shed
		// output, then the result, then long messages.
		switch {
		case s.Output != "":
			budget := CountTokens(jsonString(s.Output)) - (n - maxTokens) - 10
			kept, cut := fit(budget)
			if budget <= 10 {
				total := len(output) + int(s.gap.DroppedBytes)
				kept, cut = "", &Cut{TotalBytes: total, OmittedBytes: total, Note: "no room left in the token budget"}
			}
			s.Output, s.truncation().Output = kept, cut
		case s.Result != nil:
			s.truncation().Result = resultCut(result, 0)
			s.Result = nil
		case s.Error != nil && len(s.Error.Message) > 200:
			s.Error.Message = validPrefix(s.Error.Message, 160) + "…"
		case len(s.Violations) > 1:
			s.truncation().Violations += len(s.Violations) - 1
			s.Violations = s.Violations[:1]
		case stage < 20:
			// Last resort: drop hints and previews, shorten messages.
			if s.Truncated != nil && s.Truncated.Result != nil {
				s.Truncated.Result.Preview, s.Truncated.Result.Note = "", ""
			}
			if s.Truncated != nil && s.Truncated.Output != nil {
				s.Truncated.Output.Note = ""
			}
			if s.Error != nil {
				s.Error.Hint = ""
				s.Error.Message = validPrefix(s.Error.Message, 60)
			}
			for i := range s.Violations {
				s.Violations[i].Hint = ""
				s.Violations[i].Message = validPrefix(s.Violations[i].Message, 60)
			}
			stage = 20
		default:
			// Nothing left to shed: the budget is below the frame.
			return append(marshal(s), '\n')
		}
	}
	return append(marshal(s), '\n')
}

func (s *Summary) truncation() *Truncation {
	if s.Truncated == nil {
		s.Truncated = &Truncation{}
	}
	return s.Truncated
}

func (s *Summary) tokens() int {
	return CountTokens(string(marshal(s)))
}

func jsonString(v string) string {
	return string(marshal(v))
}

// marshal encodes v as compact JSON without HTML escaping: "<" costs more
// tokens as "\u003c" and helps no reader of a summary.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func resultCut(result []byte, previewTokens int) *Cut {
	c := &Cut{TotalBytes: len(result), OmittedBytes: len(result),
		Note: "result too large for the token budget: return a smaller value (aggregate, top-N)"}
	if previewTokens > 0 {
		p := prefixWithin(string(result), previewTokens)
		c.Preview = p
		c.OmittedBytes = len(result) - len(p)
	}
	return c
}

// prefixWithin returns the longest prefix of s (at a rune boundary) whose
// JSON-encoded form is at most n tokens.
func prefixWithin(s string, n int) string {
	lo, hi := 0, len(s)
	if hi > n*8 {
		hi = n * 8 // no token is shorter than a byte; most are 3-4
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if CountTokens(jsonString(validPrefix(s, mid))) <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return validPrefix(s, lo)
}

// validPrefix returns at most the first n bytes of s, cut at a rune
// boundary; all of s when it is shorter.
func validPrefix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// validSuffix returns at most the last n bytes of s, cut at a rune
// boundary; all of s when it is shorter.
func validSuffix(s string, n int) string {
	if n >= len(s) {
		return s
	}
	i := len(s) - n
	for i < len(s) && i > 0 && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// fitOutput keeps whole lines from the head and the tail of out so that the
// kept text, JSON-encoded, is at most budget tokens.
func fitOutput(out string, budget int) (string, *Cut) {
	return fitParts(out, "", 0, 0, budget)
}

// fitParts fits an output of which the run kept head and tail, dropping
// droppedBytes (droppedLines lines) between them; with nothing dropped,
// head is all of it. Whole lines are kept from the start of head and the
// end of tail; the cut, which covers the dropped middle, is described.
func fitParts(head, tail string, droppedBytes, droppedLines int64, budget int) (string, *Cut) {
	gap := droppedBytes > 0
	out := head + tail
	total := len(out) + int(droppedBytes)
	if budget <= 10 {
		return "", &Cut{TotalBytes: total, OmittedBytes: total, Note: "no room left in the token budget"}
	}
	if !gap && (len(out) <= budget || CountTokens(jsonString(out)) <= budget) {
		return out, nil
	}
	split := func(s string) []string {
		lines := strings.SplitAfter(s, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		return lines
	}
	lines := split(out)
	boundary := len(lines) // lines before it come from head
	if gap {
		hl := split(head)
		if head == "" {
			hl = nil
		}
		tl := split(tail)
		if tail == "" {
			tl = nil
		}
		lines = append(hl, tl...)
		boundary = len(hl)
	}
	totalLines := len(lines) + int(droppedLines)
	// build keeps up to bytes/2 of whole lines from each end. Its cost is
	// linear in what it keeps, so the search below is n·log n in the
	// output kept, never in the output produced.
	build := func(bytes int) (string, *Cut) {
		nh, used := 0, 0
		for nh < boundary && used+len(lines[nh]) <= bytes/2 {
			used += len(lines[nh])
			nh++
		}
		ts, used := len(lines), 0
		for ts > nh && (!gap || ts > boundary) && used+len(lines[ts-1]) <= bytes/2 {
			used += len(lines[ts-1])
			ts--
		}
		h, t := strings.Join(lines[:nh], ""), strings.Join(lines[ts:], "")
		keptHead, keptTail := nh, len(lines)-ts
		if keptHead == 0 && keptTail == 0 {
			// One huge line: keep the start and the end of it.
			h, t = validPrefix(out, bytes/2), validSuffix(out, bytes/2)
			if gap {
				h, t = validPrefix(head, bytes/2), validSuffix(tail, bytes/2)
			}
		}
		omitted := total - len(h) - len(t)
		cut := &Cut{TotalBytes: total, TotalLines: totalLines, KeptHeadLines: keptHead,
			KeptTailLines: keptTail, OmittedLines: totalLines - keptHead - keptTail, OmittedBytes: omitted}
		if gap {
			cut.Note = fmt.Sprintf("the program printed %d bytes; the run kept its first and last lines", total)
		}
		if h != "" && !strings.HasSuffix(h, "\n") {
			h += "\n"
		}
		return h + fmt.Sprintf("[... %d lines, %d bytes omitted ...]\n", cut.OmittedLines, omitted) + t, cut
	}
	if gap {
		if kept, cut := build(len(out) * 2); CountTokens(jsonString(kept)) <= budget {
			return kept, cut // head and tail whole, the middle marked
		}
	}
	lo, hi := 0, min(len(out), budget*8)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		kept, _ := build(mid)
		if CountTokens(jsonString(kept)) <= budget {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return build(lo)
}

// Unplannable is the summary of a program that could not even be planned:
// a syntax error or a source over the size cap. Nothing ran.
func Unplannable(pol *verify.Policy, err error) *Summary {
	s := &Summary{Status: StatusError, Policy: pol.Name, Sandbox: Sandbox{Active: []string{}}}
	e := &ErrorInfo{Kind: "syntax", Message: err.Error(),
		Hint: "the program must be one complete Go file: package main with a func main"}
	var se *plan.SyntaxError
	if errors.As(err, &se) && len(se.Errors) > 0 {
		first := se.Errors[0]
		e.Line, e.Col, e.Message = first.Pos.Line, first.Pos.Col, first.Msg
	} else {
		e.Kind = "input"
		e.Hint = "send a smaller program; move data into files read through a tool"
	}
	s.Error = e
	return s
}

// invalidUTF8 counts the bytes of s that are not part of a UTF-8 encoding.
func invalidUTF8(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}
