package exec_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
)

// The corpus: each testdata/corpus/*/*.txtar archive holds programs, an
// optional policy.yaml (the built-in default policy otherwise), data files
// the policy's roots point at, and in its comment one expectation line per
// program:
//
//	want hostile.go status=blocked rule=tool contains="fs.ReadFile"
//	want control.go status=ok output="42\n"
//
// Keys: status (exact), limit (exact), kind (error kind), rule (a violation
// with this rule is present), output (exact output), contains (substring of
// output, error message or violations), result (exact JSON of the result),
// sent (exactly the requests the case's local server received during the
// run, each "METHOD URI BODY\n"; "" when none).
//
// An archive whose files mention {{server}} gets a local HTTP server that
// records every request and answers 200 "ok" (or, when the query sets
// redirect_to, a 302 redirect there); {{server}} is replaced by its
// host:port (127.0.0.1:PORT) before the files are written, so a policy can
// allow it (with providers.http.allow_private) and a case can show what
// reached the network, byte for byte.
// A program named *.sh is a shell script, planned as airlock plans scripts
// and run in the working folder the policy's providers.shell.dir names.
// Once all have run, the corpus must have left no trace on the machine
// (noTrace: processes, sockets, cgroups, files). Every hostile archive must also want at least one program with status=ok:
// its control, which shows the case fails for the reason it states and not
// because everything fails.
//
// -corpus DIR runs the archives of another folder as hostile ones instead:
// attacks kept outside the tree.
func TestCorpus(t *testing.T) {
	t.Cleanup(noTrace(t)) // after every archive has run
	for _, dir := range []string{"hostile", "benign"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", dir, "*.txtar"))
		if *corpusDir != "" {
			if dir == "benign" {
				continue
			}
			files, _ = filepath.Glob(filepath.Join(*corpusDir, "*.txtar"))
		}
		if len(files) == 0 {
			t.Fatalf("no %s corpus", dir)
		}
		for _, file := range files {
			name := strings.TrimSuffix(filepath.Base(file), ".txtar")
			t.Run(dir+"/"+name, func(t *testing.T) {
				t.Parallel()
				runArchive(t, file, dir == "hostile")
			})
		}
	}
}

var corpusDir = flag.String("corpus", "", "run the archives of this folder as hostile ones, in place of testdata/corpus")

// early runs the corpus as airlock mcp does: answered once the program's
// report and output are in, before its child has ended.
var early = flag.Bool("early", false, "answer runs before their child has ended (exec.Options.Early)")

type want struct {
	file string
	keys map[string]string
}

func runArchive(t *testing.T, file string, hostile bool) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var rec *recorder
	for _, f := range ar.Files {
		if strings.Contains(string(f.Data), "{{server}}") && rec == nil {
			rec = newRecorder(t)
		}
	}
	for _, f := range ar.Files {
		p := filepath.Join(dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		data := f.Data
		if rec != nil {
			data = []byte(strings.ReplaceAll(string(data), "{{server}}", rec.host))
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wants := parseWants(t, string(ar.Comment))
	if len(wants) == 0 {
		t.Fatal("no want lines")
	}
	control := false
	for _, w := range wants {
		if w.keys["status"] == "ok" {
			control = true
		}
	}
	if hostile && !control {
		t.Fatal("a hostile case needs a control program that wants status=ok")
	}
	before := snapshot(t, dir)
	for _, w := range wants {
		s := runFile(t, dir, w.file)
		check(t, w, s, rec.take())
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("the run changed the case's directory:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// runFile runs one program of a case as airlock's commands do: through an
// engine loaded with the case's policy (the built-in one without).
func runFile(t *testing.T, dir, name string) *exec.Summary {
	t.Helper()
	policy := ""
	if _, err := os.Stat(filepath.Join(dir, "policy.yaml")); err == nil {
		policy = filepath.Join(dir, "policy.yaml")
	}
	eng, err := airlock.Load(policy)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	src, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	s := eng.Run(context.Background(), name, src, airlock.RunOptions{Options: exec.Options{Self: selfBinary(t), Early: *early}})
	s.Wait()
	s.Stats.MaxTokens = eng.Policy().Limits.OutputTokens // the budget the summary is fitted into, as the CLI does
	return s
}

func check(t *testing.T, w want, s *exec.Summary, sent string) {
	t.Helper()
	budget := s.Stats.MaxTokens
	if budget == 0 {
		budget = 2000
	}
	enc := s.Encode(budget)
	var doc map[string]any
	dec := json.NewDecoder(strings.NewReader(string(enc)))
	if err := dec.Decode(&doc); err != nil || dec.More() {
		t.Errorf("%s: the summary is not exactly one JSON document: %v\n%s", w.file, err, enc)
	}
	if n := exec.CountTokens(strings.TrimSpace(string(enc))); n > budget {
		t.Errorf("%s: summary is %d tokens, budget %d", w.file, n, budget)
	}
	var errText strings.Builder
	if s.Error != nil {
		errText.WriteString(s.Error.Message)
	}
	for _, v := range s.Violations {
		errText.WriteString("\n" + v.Rule + ": " + v.Message)
	}
	fail := func(format string, args ...any) {
		t.Errorf("%s: %s\nsummary: %s", w.file, fmt.Sprintf(format, args...), enc)
	}
	for k, v := range w.keys {
		switch k {
		case "status":
			if s.Status != v {
				fail("status %q, want %q", s.Status, v)
			}
		case "limit":
			if s.Limit != v {
				fail("limit %q, want %q", s.Limit, v)
			}
		case "kind":
			if s.Error == nil || s.Error.Kind != v {
				fail("error kind, want %q", v)
			}
		case "rule":
			found := false
			for _, x := range s.Violations {
				found = found || x.Rule == v
			}
			if !found {
				fail("no violation with rule %q", v)
			}
		case "output":
			if s.Output != v {
				fail("output %q, want %q", s.Output, v)
			}
		case "contains":
			if !strings.Contains(s.Output, v) && !strings.Contains(errText.String(), v) {
				fail("neither output nor error contains %q", v)
			}
		case "result":
			var got, exp any
			json.Unmarshal(s.Result, &got)
			if err := json.Unmarshal([]byte(v), &exp); err != nil {
				t.Fatalf("%s: bad result want: %v", w.file, err)
			}
			gb, _ := json.Marshal(got)
			eb, _ := json.Marshal(exp)
			if string(gb) != string(eb) {
				fail("result %s, want %s", gb, eb)
			}
		case "sent":
			if sent != v {
				fail("the local server received %q, want %q", sent, v)
			}
		default:
			t.Fatalf("%s: unknown want key %q", w.file, k)
		}
	}
}

func parseWants(t *testing.T, comment string) []want {
	var out []want
	for _, line := range strings.Split(comment, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "want ") {
			continue
		}
		fields := splitQuoted(t, line)
		if len(fields) < 2 {
			t.Fatalf("bad want line %q", line)
		}
		w := want{file: fields[1], keys: map[string]string{}}
		for _, f := range fields[2:] {
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				t.Fatalf("bad want field %q", f)
			}
			if strings.HasPrefix(v, `"`) {
				uq, err := strconv.Unquote(v)
				if err != nil {
					t.Fatalf("bad quoted value %s: %v", v, err)
				}
				v = uq
			}
			w.keys[k] = v
		}
		out = append(out, w)
	}
	return out
}

// splitQuoted splits on spaces outside double quotes.
func splitQuoted(t *testing.T, s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, escaped := false, false
	for _, r := range s {
		switch {
		case escaped:
			escaped = false
		case r == '\\' && inQuote:
			escaped = true
		case r == '"':
			inQuote = !inQuote
		case unicode.IsSpace(r) && !inQuote:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if inQuote {
		t.Fatalf("unterminated quote in %q", s)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// recorder is a case's local HTTP server: it records each request it
// receives and answers 200 "ok", or redirects to the query's redirect_to.
type recorder struct {
	host string
	mu   sync.Mutex
	log  strings.Builder
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		fmt.Fprintf(&r.log, "%s %s %s\n", req.Method, req.RequestURI, body)
		r.mu.Unlock()
		if to := req.URL.Query().Get("redirect_to"); to != "" {
			http.Redirect(w, req, to, http.StatusFound)
			return
		}
		io.WriteString(w, "ok")
	}))
	t.Cleanup(srv.Close)
	r.host = srv.Listener.Addr().String()
	return r
}

// take returns and forgets what the server received so far; "" for a case
// without a server.
func (r *recorder) take() string {
	if r == nil {
		return ""
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.log.String()
	r.log.Reset()
	return s
}

// snapshot lists a directory tree with sizes, to detect any write.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			fmt.Fprintf(&b, "%s %d %v\n", strings.TrimPrefix(p, dir), info.Size(), info.Mode())
		}
		return nil
	})
	return b.String()
}
