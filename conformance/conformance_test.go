package conformance

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/airlockhq/airlock/verify"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files and the native cache")
	fresh  = flag.Bool("native", false, "run every program natively again, ignoring the cache")
	only   = flag.String("only", "", "measure only the programs whose suite/name matches this regular expression")
	show   = flag.Bool("show", false, "print every program that is not MATCH, with why")
	// Measuring another build (an earlier revision, for a before-and-after
	// table): its binary, and the packages its sandbox offers. The goldens
	// are not compared or written then.
	otherBin     = flag.String("bin", "", "measure this airlock binary instead of building one")
	otherImports = flag.String("imports", "", "with -bin: the comma-separated packages the policy allows")
)

// Limits of one run. Native programs get nativeTimeout per run; airlock's
// policy gives each program runTimeout of wall clock and CPU, and the harness
// gives the airlock process hangGrace more before it calls the run a HANG.
const (
	nativeTimeout = 30 * time.Second
	runTimeout    = 20 * time.Second
	hangGrace     = 20 * time.Second
	// keepOutput is the longest native output the cache keeps as text;
	// longer outputs are kept as their digest only.
	keepOutput = 4096
)

// The classes, in the order the tables print them.
const (
	Match   = "MATCH"
	Refused = "REFUSED"
	RunErr  = "RUNERR"
	Wrong   = "WRONG"
	Crash   = "CRASH"
	Hang    = "HANG"
)

var classes = []string{Match, Refused, RunErr, Wrong, Crash, Hang}

// program is one measured source file.
type program struct {
	suite  string // "go" or "yaegi"
	name   string // file name within the suite
	path   string
	digest string // sha256 of the source
}

func (p program) key() string { return p.suite + "/" + p.name }

// suite lists the programs of one corpus.
type suite struct {
	name string
	dir  func(t *testing.T) string
	// include reports whether a file of the corpus is one of its programs.
	include func(src []byte) bool
}

var suites = []suite{
	{
		name: "go",
		dir: func(t *testing.T) string {
			return filepath.Join(goEnv(t, "GOROOT"), "test")
		},
		include: func(src []byte) bool {
			first, _, _ := bytes.Cut(src, []byte("\n"))
			return string(bytes.TrimSpace(first)) == "// run"
		},
	},
	{
		// Agent-style programs written for this harness: data processing
		// with records, JSON, errors, generics, concurrency and fmt.
		name: "agents",
		dir: func(t *testing.T) string {
			dir, err := filepath.Abs(filepath.Join("testdata", "agents"))
			if err != nil {
				t.Fatal(err)
			}
			return dir
		},
		include: func([]byte) bool { return true },
	},
	{
		name: "yaegi",
		dir: func(t *testing.T) string {
			out, err := osexec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/traefik/yaegi").Output()
			if err != nil {
				t.Fatalf("locating the yaegi module: %v", err)
			}
			return filepath.Join(strings.TrimSpace(string(out)), "_test")
		},
		include: func(src []byte) bool {
			return regexp.MustCompile(`(?m)^// Output:\s*$`).Match(src)
		},
	},
}

// TestConformance runs both corpora natively and through airlock and
// compares every program's class with the golden files.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("the conformance corpora take minutes")
	}
	if _, err := osexec.LookPath("go"); err != nil {
		t.Skip("needs the go command for native runs")
	}
	var filter *regexp.Regexp
	if *only != "" {
		filter = regexp.MustCompile(*only)
	}
	goVersion := goEnv(t, "GOVERSION")
	var progs []program
	for _, s := range suites {
		dir := s.dir(t)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !s.include(src) {
				continue
			}
			p := program{suite: s.name, name: filepath.Base(f), path: f, digest: digest(src)}
			if filter != nil && !filter.MatchString(p.key()) {
				continue
			}
			progs = append(progs, p)
		}
	}
	if len(progs) == 0 {
		t.Fatal("no programs found")
	}

	work := t.TempDir()
	cache := loadCache(t)
	natives := runNative(t, work, progs, cache, goVersion)
	if *update {
		saveCache(t, cache, progs, filter != nil)
	}

	airlock := buildAirlock(t, work)
	policy := writePolicy(t, work)
	results := make([]result, len(progs))
	parallel(len(progs), func(i int) {
		p := progs[i]
		n := natives[p.key()]
		if n.Skip != "" {
			results[i] = result{prog: p, skip: n.Skip}
			return
		}
		results[i] = classify(p, n, runAirlock(airlock, policy, p))
	})

	if *otherBin != "" {
		report(t, results)
		return // another build: its classes are not this one's goldens
	}
	report(t, results)
	checkGolden(t, results, filter != nil)
}

// result is one program's class and the reason for it.
type result struct {
	prog   program
	skip   string // not measured: native Go does not run it deterministically
	class  string
	detail string
}

func goEnv(t *testing.T, name string) string {
	out, err := osexec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

func digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// parallel calls f for 0..n-1 on as many workers as the machine has CPUs.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// The native side.

// nativeResult is what native Go does with one program.
type nativeResult struct {
	Digest string `json:"digest"`
	Go     string `json:"go"`
	// Skip says why the program is not measured: it does not build, it
	// times out, or its two runs differ.
	Skip string `json:"skip,omitempty"`
	Exit int    `json:"exit"`
	// Output is what the program printed (stdout and stderr in order) before
	// any runtime panic report; Sum is its digest, Output itself is kept
	// only when short.
	Output string `json:"output,omitempty"`
	Sum    string `json:"sum,omitempty"`
	// Panic is the first line of the runtime's report of a panic or fatal
	// error ("panic: ...", "fatal error: ...").
	Panic string `json:"panic,omitempty"`
}

const cacheFile = "testdata/native.json"

func loadCache(t *testing.T) map[string]nativeResult {
	cache := map[string]nativeResult{}
	b, err := os.ReadFile(cacheFile)
	if errors.Is(err, os.ErrNotExist) {
		return cache
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &cache); err != nil {
		t.Fatalf("%s: %v", cacheFile, err)
	}
	return cache
}

func saveCache(t *testing.T, cache map[string]nativeResult, progs []program, partial bool) {
	if !partial {
		keep := map[string]bool{}
		for _, p := range progs {
			keep[p.key()] = true
		}
		for k := range cache {
			if !keep[k] {
				delete(cache, k)
			}
		}
	}
	b, err := json.MarshalIndent(cache, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cacheFile, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// runNative fills the cache for every program whose entry is missing or
// stale and returns the results by key.
func runNative(t *testing.T, work string, progs []program, cache map[string]nativeResult, goVersion string) map[string]nativeResult {
	var todo []program
	for _, p := range progs {
		n, ok := cache[p.key()]
		if *fresh || !ok || n.Digest != p.digest || n.Go != goVersion {
			todo = append(todo, p)
		}
	}
	if len(todo) > 0 {
		t.Logf("running %d programs natively with %s", len(todo), goVersion)
	}
	var mu sync.Mutex
	parallel(len(todo), func(i int) {
		p := todo[i]
		n := native(work, p)
		n.Digest, n.Go = p.digest, goVersion
		mu.Lock()
		cache[p.key()] = n
		mu.Unlock()
	})
	out := map[string]nativeResult{}
	for _, p := range progs {
		out[p.key()] = cache[p.key()]
	}
	return out
}

// native builds one program and runs it twice.
func native(work string, p program) nativeResult {
	dir, err := os.MkdirTemp(work, "native-")
	if err != nil {
		return nativeResult{Skip: err.Error()}
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "prog")
	build := osexec.Command("go", "build", "-o", bin, p.path)
	build.Dir = dir // outside any module: only the standard library resolves
	build.Env = append(os.Environ(), "GOFLAGS=", "GO111MODULE=on", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		return nativeResult{Skip: "native build fails: " + firstLine(string(out))}
	}
	var runs [2]nativeResult
	var first time.Time
	for i := range runs {
		if i == 1 {
			// A program that prints the time differs between runs a second
			// apart: start the second run in another second.
			time.Sleep(time.Until(first.Truncate(time.Second).Add(time.Second + 10*time.Millisecond)))
		}
		first = time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), nativeTimeout)
		cmd := osexec.CommandContext(ctx, bin)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir, "PATH=/usr/bin:/bin"}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		timedOut := ctx.Err() != nil
		cancel()
		if timedOut {
			return nativeResult{Skip: "native run exceeds " + nativeTimeout.String()}
		}
		runs[i] = nativeOutcome(out.String(), cmd.ProcessState.ExitCode(), err)
	}
	if runs[0] != runs[1] {
		return nativeResult{Skip: "nondeterministic natively"}
	}
	return runs[0]
}

var traceStart = regexp.MustCompile(`(?m)^(panic: |fatal error: )`)

// nativeOutcome splits a native run's output into what the program printed
// and the runtime's report of a panic.
func nativeOutcome(out string, exit int, err error) nativeResult {
	if err != nil && exit < 0 {
		return nativeResult{Skip: "native run: " + err.Error()}
	}
	n := nativeResult{Exit: exit}
	if exit == 2 {
		for _, loc := range traceStart.FindAllStringIndex(out, -1) {
			if strings.Contains(out[loc[0]:], "\ngoroutine ") {
				n.Panic = firstLine(out[loc[0]:])
				out = out[:loc[0]]
				break
			}
		}
	}
	n.Sum = digest([]byte(out))
	if len(out) <= keepOutput {
		n.Output = out
	}
	return n
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

// The airlock side.

func buildAirlock(t *testing.T, work string) string {
	if *otherBin != "" {
		return *otherBin
	}
	bin := filepath.Join(work, "airlock")
	cmd := osexec.Command("go", "build", "-o", bin, "github.com/airlockhq/airlock/cmd/airlock")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building airlock: %v\n%s", err, out)
	}
	return bin
}

// writePolicy writes the policy the programs run under: every package the
// sandbox offers, no tools, limits wide enough for test programs.
func writePolicy(t *testing.T, work string) string {
	var b strings.Builder
	b.WriteString("name: conformance\nimports:\n")
	packages := verify.SandboxPackages()
	if *otherImports != "" {
		packages = strings.Split(*otherImports, ",")
	}
	for _, p := range packages {
		fmt.Fprintf(&b, "  - %s\n", p)
	}
	fmt.Fprintf(&b, "tools: {}\nlimits:\n  timeout: %s\n  cpu: %s\n  memory: 1GiB\n  output_bytes: 4MiB\n  output_tokens: 200000\n",
		runTimeout, runTimeout)
	path := filepath.Join(work, "policy.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// summary holds the fields of airlock's summary the harness reads.
type summary struct {
	Status string `json:"status"`
	Output string `json:"output"`
	Error  *struct {
		Kind     string `json:"kind"`
		Message  string `json:"message"`
		Line     int    `json:"line"`
		ExitCode *int   `json:"exit_code"`
	} `json:"error"`
	Violations []struct {
		Line    int    `json:"line"`
		Rule    string `json:"rule"`
		Message string `json:"message"`
	} `json:"violations"`
	Truncated json.RawMessage `json:"truncated"`
}

// airlockRun is what `airlock run` did with one program.
type airlockRun struct {
	summary *summary
	hung    bool
	failure string // airlock printed no summary: its stderr
}

func runAirlock(bin, policy string, p program) airlockRun {
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout+hangGrace)
	defer cancel()
	cmd := osexec.CommandContext(ctx, bin, "run", "--policy", policy, "--max-tokens", "200000", p.path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Env = []string{"PATH=/usr/bin:/bin"}
	cmd.Run()
	if ctx.Err() != nil {
		return airlockRun{hung: true}
	}
	var s summary
	if err := json.Unmarshal(stdout.Bytes(), &s); err != nil || s.Status == "" {
		return airlockRun{failure: fmt.Sprintf("exit %d, no summary: %s", cmd.ProcessState.ExitCode(), firstLine(stderr.String()))}
	}
	return airlockRun{summary: &s}
}

// classify compares what airlock did with what native Go does.
func classify(p program, n nativeResult, a airlockRun) result {
	r := result{prog: p}
	switch {
	case a.hung:
		r.class, r.detail = Hang, fmt.Sprintf("no summary within %s", runTimeout+hangGrace)
		return r
	case a.summary == nil:
		r.class, r.detail = Crash, a.failure
		return r
	}
	s := a.summary
	message := ""
	if s.Error != nil {
		message = s.Error.Message
		if s.Error.Line > 0 {
			message = fmt.Sprintf("%d: %s", s.Error.Line, message)
		}
	}
	sameOutput := digest([]byte(s.Output)) == n.Sum && len(s.Truncated) == 0
	switch s.Status {
	case "ok":
		switch {
		case n.Exit != 0:
			r.class, r.detail = Wrong, fmt.Sprintf("ok, native exits %d %s", n.Exit, n.Panic)
		case !sameOutput:
			r.class, r.detail = Wrong, "output differs: "+outputDiff(n, s.Output)
		default:
			r.class = Match
		}
	case "denied":
		r.class = Refused
		if len(s.Violations) > 0 {
			v := s.Violations[0]
			r.detail = fmt.Sprintf("%d: %s: %s", v.Line, v.Rule, firstLine(v.Message))
		}
	case "error":
		switch {
		case s.Error != nil && s.Error.Kind == "crash":
			r.class, r.detail = Crash, message
		case n.Exit == 0:
			r.class, r.detail = RunErr, message
		case !sameOutput:
			r.class, r.detail = RunErr, "fails like native but the output differs: "+outputDiff(n, s.Output)
		case n.Panic != "" && s.Error != nil && s.Error.Message == n.Panic:
			r.class = Match
		case n.Panic == "" && s.Error != nil && s.Error.ExitCode != nil && *s.Error.ExitCode == n.Exit:
			r.class = Match
		default:
			r.class, r.detail = RunErr, fmt.Sprintf("%s, native: exit %d %s", message, n.Exit, n.Panic)
		}
	default: // timeout, limit, blocked
		r.class, r.detail = RunErr, s.Status+": "+message
	}
	return r
}

// outputDiff describes where airlock's output leaves native Go's.
func outputDiff(n nativeResult, got string) string {
	if n.Output == "" && n.Sum != digest(nil) {
		return fmt.Sprintf("native output is long (%s), airlock printed %d bytes", n.Sum[:12], len(got))
	}
	want := n.Output
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-20)
	return fmt.Sprintf("at byte %d: native %q, airlock %q", i, clip(want[from:], 60), clip(got[from:], 60))
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// Reporting.

func report(t *testing.T, results []result) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-8s %8s", "suite", "measured")
	for _, c := range classes {
		fmt.Fprintf(&b, " %8s", c)
	}
	fmt.Fprintf(&b, " %8s %8s\n", "match%", "skipped")
	all := map[string]int{}
	allMeasured, allSkipped := 0, 0
	for _, s := range suites {
		count := map[string]int{}
		measured, skipped := 0, 0
		for _, r := range results {
			if r.prog.suite != s.name {
				continue
			}
			if r.skip != "" {
				skipped++
				continue
			}
			measured++
			count[r.class]++
			all[r.class]++
		}
		allMeasured += measured
		allSkipped += skipped
		row(&b, s.name, measured, count, skipped)
	}
	row(&b, "total", allMeasured, all, allSkipped)
	if *show {
		for _, r := range results {
			if r.skip == "" && r.class != Match {
				fmt.Fprintf(&b, "%-8s %-28s %s\n", r.class, r.prog.key(), r.detail)
			}
		}
	}
	t.Log(b.String())
}

func row(b *strings.Builder, name string, measured int, count map[string]int, skipped int) {
	fmt.Fprintf(b, "%-8s %8d", name, measured)
	for _, c := range classes {
		fmt.Fprintf(b, " %8d", count[c])
	}
	pct := 0.0
	if measured > 0 {
		pct = 100 * float64(count[Match]) / float64(measured)
	}
	fmt.Fprintf(b, " %7.1f%% %8d\n", pct, skipped)
}

// checkGolden fails on WRONG, CRASH and HANG and on any change of class.
func checkGolden(t *testing.T, results []result, partial bool) {
	for _, r := range results {
		switch r.class {
		case Wrong, Crash, Hang:
			t.Errorf("%s: %s: %s", r.prog.key(), r.class, r.detail)
		}
	}
	for _, s := range suites {
		path := filepath.Join("testdata", s.name+".golden")
		want := readGolden(t, path)
		got := map[string]result{}
		for _, r := range results {
			if r.prog.suite == s.name {
				got[r.prog.name] = r
			}
		}
		if *update {
			if partial {
				for name, line := range want {
					if _, ok := got[name]; !ok {
						got[name] = result{class: line.class, detail: line.detail, skip: line.skip}
					}
				}
			}
			writeGolden(t, path, s.name, got)
			continue
		}
		names := make([]string, 0, len(got))
		for name := range got {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			r := got[name]
			w, ok := want[name]
			gotClass, wantClass := classOf(r.class, r.skip), classOf(w.class, w.skip)
			switch {
			case !ok:
				t.Errorf("%s/%s: %s, not in %s (run with -update)", s.name, name, gotClass, path)
			case gotClass != wantClass:
				t.Errorf("%s/%s: %s, golden says %s: %s", s.name, name, gotClass, wantClass, r.detail)
			}
		}
	}
}

func classOf(class, skip string) string {
	if skip != "" {
		return "SKIP"
	}
	return class
}

type goldenLine struct{ class, skip, detail string }

func readGolden(t *testing.T, path string) map[string]goldenLine {
	out := map[string]goldenLine{}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.SplitN(line, "\t", 3)
		for len(f) < 3 {
			f = append(f, "")
		}
		g := goldenLine{class: f[1], detail: f[2]}
		if g.class == "SKIP" {
			g.skip = f[2]
		}
		out[f[0]] = g
	}
	return out
}

func writeGolden(t *testing.T, path, suite string, got map[string]result) {
	var b strings.Builder
	fmt.Fprintf(&b, "# The class of every program of the %s suite under airlock (see doc.go).\n", suite)
	b.WriteString("# file\tclass\twhy (REFUSED, RUNERR: airlock's finding or error; SKIP: why native Go is not a reference)\n")
	names := make([]string, 0, len(got))
	for name := range got {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		r := got[name]
		class, detail := r.class, r.detail
		if r.skip != "" {
			class, detail = "SKIP", r.skip
		}
		detail = strings.ReplaceAll(strings.ReplaceAll(detail, "\n", " "), "\t", " ")
		fmt.Fprintf(&b, "%s\t%s\t%s\n", name, class, clip(detail, 160))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
