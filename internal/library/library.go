// Package library is the compiled code programs may import: the standard
// library's symbol tables (internal/symbols), the hand-written subsets of
// standard packages (internal/curated) and airlock's native helpers
// (internal/table), under one index.
package library

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/airlockhq/airlock/internal/curated"
	"github.com/airlockhq/airlock/internal/shims"
	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/airlockhq/airlock/internal/table"
)

// Symbols holds every package's symbols keyed "importpath/name", as yaegi
// extract writes them, plus "." for the interpreter's map types.
var Symbols = func() map[string]map[string]reflect.Value {
	all := make(map[string]map[string]reflect.Value, len(symbols.Symbols)+len(curated.Symbols)+len(table.Symbols))
	for _, tables := range []map[string]map[string]reflect.Value{symbols.Symbols, curated.Symbols, table.Symbols} {
		for k, v := range tables {
			all[k] = v
		}
	}
	for pkg, names := range readsFiles {
		for _, name := range names {
			delete(all[pkg], name)
		}
	}
	for pkg, names := range subsets {
		if all[pkg] == nil {
			panic("library: subset of a package without symbols: " + pkg)
		}
		keep := map[string]reflect.Value{}
		for _, name := range names {
			if prefix, ok := strings.CutSuffix(name, "*"); ok {
				for n, v := range all[pkg] {
					if strings.HasPrefix(n, prefix) {
						keep[n] = v
					}
				}
			} else if v, ok := all[pkg][name]; ok {
				keep[name] = v
			}
		}
		all[pkg] = keep
	}
	for pkg, syms := range curated.Overrides {
		for name, v := range syms {
			all[pkg][name] = v
		}
	}
	// reflect: DeepEqual, which sees program values as the program does.
	// The rest of reflect would show the interpreter's representation of
	// the program's types, not Go's.
	all["reflect/reflect"] = map[string]reflect.Value{"DeepEqual": reflect.ValueOf(shims.DeepEqual)}
	addMapTypes()
	return all
}()

// readsFiles lists the functions of the generated tables that read the
// file system. The sandbox would refuse the reads anyway; leaving them out
// makes a program that calls one fail before it runs, with a finding that
// says so, instead of at run time.
var readsFiles = map[string][]string{
	"text/template/template": {"ParseFiles", "ParseGlob", "ParseFS"},
	"html/template/template": {"ParseFiles", "ParseGlob", "ParseFS"},
}

// subsets lists, for the packages a program gets only part of, the names
// it gets: what computes on values and reaches nothing outside the program.
// A name ending in * stands for every name it starts.
//
// net: addresses as values (IP, IPNet, IPMask, HardwareAddr, TCPAddr...),
// parsing and formatting them, net.Buffers, the error types; no dialing,
// listening, resolving or interfaces, which the sandbox would refuse.
//
// net/http: its in-memory part, for code that handles requests: requests,
// responses, headers and cookies as values, handlers, ServeMux, status
// codes, reading and writing HTTP messages on readers and writers, and
// net/http/httptest's recorder. No client, server, transport, files or
// proxy settings: programs reach HTTP servers through the http tool.
// (Request.ParseMultipartForm may try to spill a large upload to a
// temporary file, which the child's file system sandbox refuses.)
//
// runtime: the constants that describe the build (GOOS, GOARCH, Compiler,
// Version), the scheduler and collector hints (Gosched, GC, KeepAlive), a
// count of the program's own goroutines (curated.NumGoroutine) and the
// runtime.Error interface. Not the stack (Caller, Callers, FuncForPC would
// show the interpreter's own frames), SetFinalizer (the interpreter keeps
// values reachable longer than Go, so finalizers may never run), the
// profiles, the memory statistics, GOMAXPROCS, NumCPU, LockOSThread,
// Goexit or Breakpoint.
var subsets = map[string][]string{
	"net/net": {
		"CIDRMask", "IPv4", "IPv4Mask", "IPv4allrouter", "IPv4allsys", "IPv4bcast", "IPv4len", "IPv4zero",
		"IPv6interfacelocalallnodes", "IPv6len", "IPv6linklocalallnodes", "IPv6linklocalallrouters",
		"IPv6loopback", "IPv6unspecified", "IPv6zero", "JoinHostPort", "ParseCIDR", "ParseIP", "ParseMAC",
		"SplitHostPort", "TCPAddrFromAddrPort", "UDPAddrFromAddrPort",
		"Addr", "AddrError", "Buffers", "Error", "HardwareAddr", "IP", "IPAddr", "IPMask", "IPNet",
		"InvalidAddrError", "ParseError", "TCPAddr", "UDPAddr", "UnixAddr", "UnknownNetworkError",
		"_Addr", "_Error",
	},
	"net/http/httptest/httptest": {"DefaultRemoteAddr", "NewRecorder", "NewRequest", "NewRequestWithContext", "ResponseRecorder"},
	"net/http/http": {
		"AllowQuerySemicolons", "CanonicalHeaderKey", "DefaultMaxHeaderBytes", "DefaultServeMux", "DetectContentType",
		"Error", "Handle", "HandleFunc", "MaxBytesHandler", "MaxBytesReader", "NewRequest", "NewRequestWithContext",
		"NewServeMux", "NoBody", "NotFound", "NotFoundHandler", "ParseCookie", "ParseHTTPVersion", "ParseSetCookie",
		"ParseTime", "ReadRequest", "ReadResponse", "Redirect", "RedirectHandler", "ServeContent", "SetCookie",
		"StatusText", "StripPrefix", "TimeFormat", "TimeoutHandler", "TrailerPrefix",
		"Status*", "Method*", "SameSite*", "Err*",
		"CloseNotifier", "Cookie", "Flusher", "Handler", "HandlerFunc", "Header", "Hijacker", "MaxBytesError",
		"ProtocolError", "PushOptions", "Pusher", "Request", "Response", "ResponseWriter", "SameSite", "ServeMux",
		"_CloseNotifier", "_Flusher", "_Handler", "_Hijacker", "_Pusher", "_ResponseWriter",
	},
	"runtime/runtime": {
		"Compiler", "GOARCH", "GOOS", "Version", "GC", "Gosched", "KeepAlive", "NumGoroutine",
		"Error", "_Error",
	},
}

// Partial says what programs get of the packages the sandbox offers in
// part, and where to turn for the rest: the planner's hint for a name the
// program cannot use, and what `airlock policy show` says of a policy's
// imports.
var Partial = map[string]string{
	"os":                "os gives a program its streams, exit status, arguments and an environment of its own, not files or processes: read files through the fs tool (airlock/fs)",
	"log":               "log writes to the program's output; Fatal ends the run with status 1",
	"flag":              "flag parses an empty command line: every flag has its default",
	"net":               "net gives addresses as values, not connections: reach servers through the http tool (airlock/http)",
	"net/http":          "net/http gives requests, responses, headers and handlers in memory, not a client or server: call servers through the http tool (airlock/http)",
	"net/http/httptest": "httptest gives the ResponseRecorder and NewRequest, not servers",
	"runtime":           "runtime gives GOOS, GOARCH, Compiler, Version, GC, Gosched, KeepAlive, NumGoroutine and runtime.Error",
	"reflect":           "reflect gives DeepEqual only: the rest would describe the interpreter's types, not the program's",
	"unsafe":            "unsafe gives Sizeof, Alignof and Offsetof, as constants; not Pointer or the functions that make pointers",
	"path/filepath":     "filepath gives its lexical functions, not the file system: list and read files through the fs tool (airlock/fs)",
	"io/ioutil":         "ioutil gives ReadAll, NopCloser and Discard: read files through the fs tool (airlock/fs)",
	"text/template":     "text/template parses templates from strings, not files; templates cannot call methods of the program's types",
	"html/template":     "html/template parses templates from strings, not files; templates cannot call methods of the program's types",
}

// addMapTypes tells the interpreter which functions outside fmt format
// their arguments with fmt, so program values keep their String and Error
// methods there too.
func addMapTypes() {
	text := []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	for _, f := range []any{curated.Print, curated.Printf, curated.Println, curated.Panic, curated.Panicf, curated.Panicln,
		curated.Fatal, curated.Fatalf, curated.Fatalln,
		shims.Sprintf, shims.Printf, shims.Fprintf, shims.Appendf, shims.Errorf,
		shims.Sprint, shims.Print, shims.Fprint, shims.Append} {
		symbols.MapTypes[reflect.ValueOf(f)] = text
	}
}
