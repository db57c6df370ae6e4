// Package rpc is the framed protocol between the parent and the sandboxed
// child: each frame is a 4-byte big-endian length followed by that many bytes
// of JSON. The child asks for tool calls and reports how its program ended;
// the parent answers calls. Frames larger than the reader's limit are refused
// before they are read, so a hostile child cannot make the parent allocate.
package rpc

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ChildArg is the hidden first argument a parent starts a binary with to
// make it a sandboxed child.
const ChildArg = "__airlock_sandbox_child"

// Message operations sent by the child.
const (
	OpCall   = "call"   // a tool call: Tool, Args
	OpResult = "result" // airlock.Result: Value
	OpDone   = "done"   // main returned normally
	OpError  = "error"  // the program failed to compile or panicked: Error
	// OpData is what a script's command printed, Value as a JSON string
	// (at most DataChunk bytes of it), for the run to count as tool data:
	// an agent running the command itself would have read it. Oversized
	// alone counts bytes printed past the run's cap, not sent.
	OpData = "data"
)

// DataChunk is the most of a command's output one OpData frame carries.
const DataChunk = 256 << 10

// Request is a frame from the child to the parent.
type Request struct {
	Op    string            `json:"op"`
	ID    uint64            `json:"id,omitempty"`
	Tool  string            `json:"tool,omitempty"`
	Args  []json.RawMessage `json:"args,omitempty"`
	Value json.RawMessage   `json:"value,omitempty"`
	Error *ProgramError     `json:"error,omitempty"`
	// Oversized, on a call or a result, is the size in bytes of arguments
	// or a value the child refused to send because it is over the limit.
	Oversized int64 `json:"oversized,omitempty"`
	// Usage, on the final report (OpDone, OpError), is what the child has
	// used up to it.
	Usage *Usage `json:"usage,omitempty"`
}

// Usage is a child's own count of what it used: CPU time, its processes'
// and its commands', and the peak resident memory of any one of them.
type Usage struct {
	CPUMicros int64 `json:"cpu_us"`
	PeakBytes int64 `json:"peak_bytes"`
	// AnonPeakBytes is the peak of the program's resident memory less
	// what files back at its end: what a memory cgroup would have held
	// against it, when none did. 0 when unknown.
	AnonPeakBytes int64 `json:"anon_peak_bytes,omitempty"`
}

// ProgramError describes how a program failed inside the child.
type ProgramError struct {
	Kind    string `json:"kind"` // "compile", "panic" or "exit"
	Message string `json:"message"`
	Code    int    `json:"code,omitempty"` // the exit status, for "exit"
	Line    int    `json:"line,omitempty"`
	Col     int    `json:"col,omitempty"`
}

// Response is a frame from the parent answering a call.
type Response struct {
	ID    uint64          `json:"id"`
	Value json.RawMessage `json:"value,omitempty"`
	Error string          `json:"error,omitempty"`
	// Fatal tells the child to stop: the call was blocked or a limit was
	// reached, and the program must not go on.
	Fatal bool `json:"fatal,omitempty"`
}

// ErrTooLarge is returned for a frame over the reader's limit.
var ErrTooLarge = errors.New("frame exceeds size limit")

// WriteFrame writes v as one frame.
func WriteFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf := make([]byte, 4+len(body))
	binary.BigEndian.PutUint32(buf, uint32(len(body)))
	copy(buf[4:], body)
	_, err = w.Write(buf)
	return err
}

// ReadFrame reads one frame of at most max bytes and returns its body.
func ReadFrame(r io.Reader, max int) ([]byte, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if uint64(n) > uint64(max) {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, n, max)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return body, nil
}

// ReadRequest reads and decodes one request frame.
func ReadRequest(r io.Reader, max int) (*Request, error) {
	body, err := ReadFrame(r, max)
	if err != nil {
		return nil, err
	}
	return DecodeRequest(body)
}

// DecodeRequest decodes a request body and checks its shape.
func DecodeRequest(body []byte) (*Request, error) {
	var req Request
	if err := json.Unmarshal(body, &req); err != nil {
		return nil, fmt.Errorf("malformed request: %w", err)
	}
	switch req.Op {
	case OpCall:
		if req.Tool == "" || req.Oversized < 0 {
			return nil, errors.New("malformed request: call without tool")
		}
	case OpResult, OpDone:
	case OpData:
		if len(req.Value) == 0 && req.Oversized <= 0 {
			return nil, errors.New("malformed request: data without text or count")
		}
	case OpError:
		if req.Error == nil {
			return nil, errors.New("malformed request: error without details")
		}
	default:
		return nil, fmt.Errorf("malformed request: unknown op %q", req.Op)
	}
	return &req, nil
}
