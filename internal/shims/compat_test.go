package shims_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/importer"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/traefik/yaegi/interp"

	"github.com/airlockhq/airlock/internal/compat"
	"github.com/airlockhq/airlock/internal/shims"
	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/airlockhq/airlock/plan"
)

// corpus holds modern-Go programs, one idiom cluster per file. Each must
// print, once rewritten and run by the interpreter, exactly what the Go
// toolchain's build of the original prints.
const corpus = "../compat/testdata"

// TestCorpus runs every corpus program both ways and compares the output.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpus, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 40 {
		t.Fatalf("corpus has %d programs, want at least 40", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".go")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := goOutput(t, file, src)
			out, _, findings := rewrite(t, file, src)
			if len(findings) > 0 {
				t.Fatalf("unexpected findings: %+v", findings)
			}
			got, err := runInterpreter(out)
			if err != nil || got != want {
				t.Errorf("interpreter: %v\n--- got\n%s\n--- want (go run)\n%s\n--- rewritten source\n%s", err, got, want, out)
			}
		})
	}
}

var (
	importerMu sync.Mutex
	stdImport  = importer.ForCompiler(token.NewFileSet(), "source", nil)
)

// rewrite applies the compatibility rewrites; the standard library is
// type-checked from source, one program at a time (the importer caches).
func rewrite(t testing.TB, file string, src []byte) ([]byte, []plan.Rewrite, []plan.Finding) {
	t.Helper()
	importerMu.Lock()
	defer importerMu.Unlock()
	out, rewrites, findings, err := compat.Apply(file, src, stdImport)
	if err != nil {
		t.Fatalf("compat: %v", err)
	}
	if n, m := bytes.Count(out, []byte("\n")), bytes.Count(src, []byte("\n")); n != m {
		t.Fatalf("rewritten source has %d lines, want %d:\n%s", n, m, out)
	}
	return out, rewrites, findings
}

// runInterpreter runs src as the sandbox does: the allowlisted standard
// library (fmt under "fmt//fmt", so yaegi skips its broken generic
// sources), the MapTypes, and the shims. fmt's printing functions write to
// a buffer instead of the process's standard output.
func runInterpreter(src []byte) (string, error) {
	var out syncBuffer
	// The program's types and output are the process's: one program at a
	// time, as in the child.
	runMu.Lock()
	defer runMu.Unlock()
	shims.Reset()
	shims.Output = &out
	defer func() { shims.Output = os.Stdout }()
	i := interp.New(interp.Options{GoPath: ".", SourcecodeFilesystem: fstest.MapFS{}, Env: []string{}, Stdout: &out})
	exports := interp.Exports{}
	for key, syms := range symbols.Symbols {
		if key == "fmt/fmt" {
			syms = printingTo(&out, syms)
			key = "fmt//fmt"
		}
		exports[key] = syms
	}
	mapTypes := map[reflect.Value][]reflect.Type{}
	for k, v := range symbols.MapTypes {
		mapTypes[k] = v
	}
	fmtSyms := exports["fmt//fmt"]
	for name, native := range map[string]any{"Print": fmt.Print, "Printf": fmt.Printf, "Println": fmt.Println} {
		mapTypes[fmtSyms[name]] = symbols.MapTypes[reflect.ValueOf(native)]
	}
	exports["."] = map[string]reflect.Value{"MapTypes": reflect.ValueOf(mapTypes)}
	if err := i.Use(exports); err != nil {
		return "", err
	}
	if err := i.Use(shims.Symbols); err != nil {
		return "", err
	}
	self := shims.SelfWrappers(i.Symbols("")[""]["_error"], symbols.Symbols)
	if err := i.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(self)}}); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := i.EvalWithContext(ctx, string(src))
	return out.String(), err
}

var runMu sync.Mutex

// printingTo returns fmt's symbols with Print, Printf and Println writing
// to w.
func printingTo(w io.Writer, syms map[string]reflect.Value) map[string]reflect.Value {
	out := make(map[string]reflect.Value, len(syms))
	for k, v := range syms {
		out[k] = v
	}
	out["Print"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprint(w, a...) })
	out["Printf"] = reflect.ValueOf(func(f string, a ...any) (int, error) { return fmt.Fprintf(w, f, a...) })
	out["Println"] = reflect.ValueOf(func(a ...any) (int, error) { return fmt.Fprintln(w, a...) })
	return out
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// goOutput returns what the program prints when built by the Go toolchain,
// cached by source and toolchain version, as the truth to compare with.
func goOutput(t *testing.T, file string, src []byte) string {
	t.Helper()
	sum := sha256.Sum256(append([]byte(runtime.Version()+"\x00"), src...))
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	cached := filepath.Join(dir, "airlock-compat", hex.EncodeToString(sum[:16])+".out")
	if b, err := os.ReadFile(cached); err == nil {
		return string(b)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run the original program")
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(goTool, "run", filepath.Base(file))
	cmd.Dir = filepath.Dir(file)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("go run %s: %v\n%s%s", file, err, stdout.String(), stderr.String())
	}
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err == nil {
		_ = os.WriteFile(cached, stdout.Bytes(), 0o644)
	}
	return stdout.String()
}
