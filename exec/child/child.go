package child

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/scanner"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing/fstest"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/airlockhq/airlock/exec/rpc"
	"github.com/airlockhq/airlock/exec/sandbox"
	"github.com/airlockhq/airlock/internal/curated"
	"github.com/airlockhq/airlock/internal/library"
	"github.com/airlockhq/airlock/internal/shims"
	"github.com/airlockhq/airlock/tools/sql/wire"
)

// Arg is the hidden first argument that turns a binary into the sandboxed
// child: the airlock binary, a program embedding airlock (airlock.Child),
// or airlock-sandbox. main checks for it before anything else runs.
const Arg = rpc.ChildArg

// RuntimePackage is the native package tool stubs call into; it exists only
// in the child and carries no authority: every call it makes is checked by
// the parent.
const RuntimePackage = "airlockrt"

// MaxToolResult caps the encoded result of one tool call handed to the
// program; providers cap what they read on top (fs max_read, http
// max_response).
const MaxToolResult = 32 << 20

// Setup is the first frame the parent sends a child on its standard input:
// what the child needs before the program, so that a pooled child waits
// fully confined, its interpreter ready. A shell child gets its script here.
type Setup struct {
	Packages       []string       `json:"packages"` // standard-library import paths the program may use
	Limits         sandbox.Limits `json:"limits"`
	MemoryByCgroup bool           `json:"memory_by_cgroup"`
	Shell          *ShellJob      `json:"shell,omitempty"` // run a shell script instead of a Go program
}

// Job is the second frame, for a Go program: the program and what belongs
// to its run.
type Job struct {
	Source      string            `json:"source"`
	Stubs       map[string]string `json:"stubs"` // import path -> stub source
	ResultBytes int64             `json:"result_bytes"`
}

// MaxArgBytes caps the encoded arguments of one tool call.
const MaxArgBytes = 1 << 20

// maxJob caps the job frame: source is capped by plan.MaxSource, stubs are
// the policy's tool declarations.
const maxJob = 64 << 20

// Main runs the child side of a sandboxed run and never returns. The
// child reads its setup, enters the sandbox and prepares its interpreter,
// then reads the program, compiles and runs it, reporting through fd 3 and
// reading tool answers from fd 4.
func Main() {
	if len(os.Args) > 2 && os.Args[2] == execMode {
		execMain(os.Args[3:]) // a shell's command, confined; never returns
	}
	if len(os.Args) > 2 && os.Args[2] == SpawnMode {
		spawnMain() // starts children for a long-running parent; never returns
	}
	// Programs a shell child starts must not inherit the pipes to the
	// parent: they could forge requests.
	syscall.CloseOnExec(3)
	syscall.CloseOnExec(4)
	reqs := os.NewFile(3, "requests")
	resps := os.NewFile(4, "responses")
	link := &childLink{w: reqs, r: resps}
	// Opened before the child confines itself, which refuses new files.
	link.status, _ = os.Open("/proc/self/status")
	var set Setup
	if err := readFrame(&set); err != nil {
		fail(link, "internal", "reading setup: "+err.Error())
	}
	if _, err := sandbox.Enter(set.Limits, set.MemoryByCgroup); err != nil {
		fail(link, "internal", "entering sandbox: "+err.Error())
	}
	if set.Shell != nil {
		if _, perr := runScript(set.Shell, link); perr != nil {
			link.end(rpc.Request{Op: rpc.OpError, Error: perr}, 1)
		}
		link.end(rpc.Request{Op: rpc.OpDone}, 0)
	}
	in, files, perr := newInterpreter(set.Packages, link)
	if perr == nil {
		var j Job
		if err := readFrame(&j); err != nil {
			fail(link, "internal", "reading job: "+err.Error())
		}
		link.resultMax = j.ResultBytes
		for path, src := range j.Stubs {
			files["src/"+path+"/stub.go"] = &fstest.MapFile{Data: []byte(src)}
		}
		perr = runProgram(in, j.Source)
	}
	if perr != nil {
		link.end(rpc.Request{Op: rpc.OpError, Error: perr}, 1)
	}
	link.end(rpc.Request{Op: rpc.OpDone}, 0)
}

// readFrame reads the next frame from the parent on standard input.
func readFrame(v any) error {
	body, err := rpc.ReadFrame(os.Stdin, maxJob)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

func fail(link *childLink, kind, msg string) {
	link.send(rpc.Request{Op: rpc.OpError, Error: &rpc.ProgramError{Kind: kind, Message: msg}})
	os.Exit(3)
}

// newInterpreter makes a fresh interpreter that can reach only the allowed
// packages, the runtime package and the tool stubs, which are added to files
// when the program arrives.
func newInterpreter(packages []string, link *childLink) (*interp.Interpreter, fstest.MapFS, *rpc.ProgramError) {
	files := fstest.MapFS{}
	programStreams(link)
	in := interp.New(interp.Options{
		GoPath:               ".",
		SourcecodeFilesystem: files,
		Env:                  []string{},
		Stdin:                eofReader{},
		Stdout:               os.Stdout,
		Stderr:               os.Stderr, // the interpreter's own notes, not the program's output
	})
	if err := in.Use(exports(packages, link)); err != nil {
		return nil, nil, &rpc.ProgramError{Kind: "internal", Message: err.Error()}
	}
	if err := in.Use(selfWrappers(in)); err != nil {
		return nil, nil, &rpc.ProgramError{Kind: "internal", Message: err.Error()}
	}
	return in, files, nil
}

// runProgram compiles and runs the program.
func runProgram(in *interp.Interpreter, source string) *rpc.ProgramError {
	prog, err := compile(in, source)
	if err != nil {
		return compileError(err)
	}
	curated.ProgramStarts()
	if _, err := in.Execute(prog); err != nil {
		var p interp.Panic
		if errors.As(err, &p) {
			line, col := shims.PanicPosition(p.Value)
			return &rpc.ProgramError{Kind: "panic", Message: "panic: " + describe(p.Value), Line: line, Col: col}
		}
		return compileError(err)
	}
	return nil
}

// programStreams sets up what the program's os, log, flag and builtin
// print see: one output stream for standard output and standard error, in
// the order written (the child's own standard error stays the Go
// runtime's, which the parent reads for fatal errors), an empty command
// line, and an exit that reports its status to the parent before the
// process ends.
func programStreams(link *childLink) *os.File {
	stderr := os.Stdout
	if fd, err := syscall.Dup(1); err == nil {
		syscall.CloseOnExec(fd)
		stderr = os.NewFile(uintptr(fd), "/dev/stderr")
	}
	curated.Stderr = stderr
	curated.Hooks.Stderr = stderr
	link.outputs = append(link.outputs, stderr)
	curated.Hooks.Exit = func(code int) {
		if code == 0 {
			link.end(rpc.Request{Op: rpc.OpDone}, 0)
		}
		link.end(rpc.Request{Op: rpc.OpError, Error: &rpc.ProgramError{Kind: "exit", Code: code,
			Message: "exit status " + strconv.Itoa(code)}}, code)
	}
	shims.Output = os.Stdout
	shims.GoPanicHook = func(v any) {
		line, col := shims.PanicPosition(v)
		link.end(rpc.Request{Op: rpc.OpError, Error: &rpc.ProgramError{Kind: "panic", Message: "panic: " + describe(v), Line: line, Col: col}}, 2)
	}
	curated.Std.SetOutput(stderr)
	os.Args = []string{"main"}
	flag.CommandLine = flag.NewFlagSet("main", flag.ExitOnError)
	flag.CommandLine.SetOutput(stderr)
	return stderr
}

var posPrefix = regexp.MustCompile(`^(?:[^:\s]*:)?(\d+):(\d+): `)

// compileError turns an interpreter error into a ProgramError with the
// position split out.
// compile compiles the program; the interpreter's own failures while it
// compiles (a panic in its type code) come back as an error, before any of
// the program runs.
func compile(in *interp.Interpreter, src string) (prog *interp.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			prog, err = nil, fmt.Errorf("the interpreter cannot compile this program (%v): simplify the types or declarations involved", r)
		}
	}()
	return in.Compile(src)
}

func compileError(err error) *rpc.ProgramError {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		return &rpc.ProgramError{Kind: "compile", Message: e.Msg, Line: e.Pos.Line, Col: e.Pos.Column}
	}
	msg := LimitString(err.Error(), 4096)
	pe := &rpc.ProgramError{Kind: "compile", Message: msg}
	if m := posPrefix.FindStringSubmatch(msg); m != nil {
		pe.Line, _ = strconv.Atoi(m[1])
		pe.Col, _ = strconv.Atoi(m[2])
		pe.Message = msg[len(m[0]):]
	}
	return pe
}

// exports builds the symbol table the program sees: the allowed standard
// library packages, the generic-package shims, and the two runtime packages.
func exports(packages []string, link *childLink) interp.Exports {
	ex := interp.Exports{}
	for _, p := range packages {
		key := p + "/" + pathBase(p)
		if syms, ok := library.Symbols[key]; ok {
			if p == "fmt" {
				// Under its canonical key, yaegi would also compile its
				// bundled generic sources, which fail; the shims replace them.
				key = "fmt//fmt"
			}
			ex[key] = syms
		}
		if syms, ok := shims.Symbols[p+"/"+pathBase(p)]; ok {
			ex[p+"/"+pathBase(p)] = syms
		}
	}
	// fmt's interface wrappers, through which native code that formats
	// (log, fmt) reaches the String and Error methods of program values,
	// whatever the program imports. Loading a package does not let the
	// program import it: the policy's imports were checked before the run.
	if _, ok := ex["fmt//fmt"]; !ok {
		ex["fmt//fmt"] = library.Symbols["fmt/fmt"]
	}
	// The interface wrappers of every package, by which the interpreter
	// hands program values to native functions that take an interface of
	// another package (gzip.NewWriterLevel takes an io.Writer): types only,
	// with no function a program could call.
	for key, syms := range library.Symbols {
		if _, ok := ex[key]; ok || key == "." || key == "fmt/fmt" {
			continue
		}
		wrappers := map[string]reflect.Value{}
		for name, v := range syms {
			if strings.HasPrefix(name, "_") {
				wrappers[name] = v
			}
		}
		if len(wrappers) > 0 {
			ex[key] = wrappers
		}
	}
	// The shims the compatibility rewrites call, whatever the program
	// imports: they repair the interpreter and carry no authority.
	rt := shims.RuntimePath + "/" + pathBase(shims.RuntimePath)
	if syms, ok := shims.Symbols[rt]; ok {
		ex[rt] = syms
	}
	ex["."] = library.Symbols["."]
	ex[RuntimePackage+"/"+RuntimePackage] = map[string]reflect.Value{
		"Call": reflect.ValueOf(link.call),
	}
	ex["airlock/airlock"] = map[string]reflect.Value{
		"Result": reflect.ValueOf(link.result),
	}
	return ex
}

// selfWrappers lets program values handed to native code as error or
// fmt.Stringer keep their identity (see shims.SelfWrappers).
func selfWrappers(in *interp.Interpreter) interp.Exports {
	syms := in.Symbols("")
	m := shims.SelfWrappers(syms[""]["_error"], library.Symbols)
	return interp.Exports{".": {"MapTypes": reflect.ValueOf(m)}}
}

func pathBase(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' {
			return p[i+1:]
		}
	}
	return p
}

// childLink is the child's end of the RPC pipes. Calls are serialised: the
// parent answers one call at a time.
type childLink struct {
	mu        sync.Mutex
	w         io.WriteCloser
	r         io.Reader
	next      uint64
	resultMax int64
	outputs   []*os.File // the program's streams besides standard output and error
	// endMu is taken by the first final report and never released: the
	// process ends with it, and any other goroutine's report waits.
	endMu  sync.Mutex
	ending atomic.Bool
	// status is /proc/self/status, for the peak of this program's
	// resident memory (see end); nil if it could not be opened.
	status *os.File
}

// lost ends the process when the parent no longer reads or answers: it is
// ending the run. Once a final report is on its way, the pipes closed
// under a goroutine are that report's doing, and the goroutine waits for
// the process to end with it.
func (l *childLink) lost() {
	if l.ending.Load() {
		select {}
	}
	os.Exit(4)
}

// end sends the child's final report, with what the process has used so
// far, and ends the process. Its output and the report's pipe are closed
// first: the parent then has all of them at once, and can answer while the
// kernel is still tearing the process down.
func (l *childLink) end(req rpc.Request, code int) {
	l.endMu.Lock()
	l.ending.Store(true)
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) == nil && syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) == nil {
		cpu := time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
		req.Usage = &rpc.Usage{CPUMicros: cpu.Microseconds(), PeakBytes: max(self.Maxrss, children.Maxrss) << 10}
		// rusage's peak counts what the process held before exec: a
		// child forked from a large parent starts out large. The
		// kernel's high-water mark of this program's memory does not.
		if peak, file, ok := l.memoryPeak(); ok {
			req.Usage.PeakBytes = max(peak, children.Maxrss<<10)
			req.Usage.AnonPeakBytes = max(peak-file, 0)
		}
	}
	l.send(req)
	for _, f := range append([]*os.File{os.Stdout, os.Stderr}, l.outputs...) {
		f.Close()
	}
	l.w.Close()
	os.Exit(code)
}

// memoryPeak reads the peak resident memory of this process since exec
// (VmHWM) and the resident memory backed by files or shared memory now.
func (l *childLink) memoryPeak() (peak, file int64, ok bool) {
	if l.status == nil {
		return 0, 0, false
	}
	buf := make([]byte, 4096)
	n, _ := l.status.ReadAt(buf, 0)
	fields := map[string]int64{}
	for line := range strings.Lines(string(buf[:n])) {
		name, rest, found := strings.Cut(line, ":")
		if kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64); found && err == nil {
			fields[name] = kb << 10
		}
	}
	peak, ok = fields["VmHWM"]
	return peak, fields["RssFile"] + fields["RssShmem"], ok
}

func (l *childLink) send(req rpc.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := rpc.WriteFrame(l.w, req); err != nil {
		l.lost()
	}
}

// call forwards one tool call and decodes the answer into out.
func (l *childLink) call(tool string, args []any, out any) error {
	raw := make([]json.RawMessage, len(args))
	var size int64
	for i, a := range args {
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("%s: argument %d cannot be sent: %v", tool, i+1, err)
		}
		raw[i] = b
		size += int64(len(b))
	}
	req := rpc.Request{Op: rpc.OpCall, Tool: tool, Args: raw}
	if size > MaxArgBytes {
		// Too large to send: the parent refuses the call on its size.
		req.Args, req.Oversized = nil, size
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	req.ID = l.next
	if err := rpc.WriteFrame(l.w, req); err != nil {
		l.lost()
	}
	body, err := rpc.ReadFrame(l.r, MaxToolResult+1<<10)
	if err != nil {
		l.lost() // the parent stopped answering: it is ending the run
	}
	var resp rpc.Response
	if err := json.Unmarshal(body, &resp); err != nil || resp.ID != l.next {
		os.Exit(4)
	}
	if resp.Fatal {
		os.Exit(5) // the parent ends the run; the program must not go on
	}
	if resp.Error != "" {
		return errors.New(resp.Error)
	}
	if out != nil && len(resp.Value) > 0 {
		// wire keeps integers in untyped slots (a SQL row's id) as int64.
		if err := wire.Decode(resp.Value, out); err != nil {
			return fmt.Errorf("%s: decoding result: %v", tool, err)
		}
	}
	return nil
}

// result implements airlock.Result.
func (l *childLink) result(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("airlock.Result: value cannot be encoded as JSON: %v", err))
	}
	if int64(len(b)) > l.resultMax {
		l.send(rpc.Request{Op: rpc.OpResult, Oversized: int64(len(b))})
		os.Exit(5) // the parent ends the run at the result limit
	}
	l.send(rpc.Request{Op: rpc.OpResult, Value: b})
}

// describe formats a panic value as Go's runtime does. Its Error or
// String method is program code: it may loop, panic or return megabytes,
// so it runs bounded.
func describe(v any) string {
	out := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				out <- fmt.Sprintf("%T (its Error method panicked)", v)
			}
		}()
		if rv, ok := v.(reflect.Value); ok {
			// The interpreter panics with its own representation of a
			// program value.
			if !rv.IsValid() || !rv.CanInterface() {
				out <- rv.String()
				return
			}
			v = rv.Interface()
		}
		out <- shims.DescribePanic(v)
	}()
	select {
	case s := <-out:
		return LimitString(s, 4096)
	case <-time.After(500 * time.Millisecond):
		return fmt.Sprintf("%T (its Error method did not return)", v)
	}
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// LimitString cuts s to n bytes, marking the cut.
func LimitString(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
