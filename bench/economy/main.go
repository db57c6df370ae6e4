// Command economy measures the token economy of the airlock pattern on
// realistic workflows: for each one, an agent-style program (under
// testdata/<name>/) runs through the real airlock binary under its policy,
// and the summary's own statistics give
//
//   - direct tokens: stats.tool_data_tokens, the o200k tokens of every tool
//     result the program received. An agent calling the same tools directly
//     would receive exactly these results in its context. The tool-call
//     requests it would write are not counted, nor the re-reading of its
//     context on every turn, so the figure is a lower bound;
//   - airlock tokens: stats.summary_tokens, the whole JSON summary the
//     model reads instead.
//
// The data each workflow needs is shipped (testdata/ at the repository root)
// or generated deterministically into bench/economy/testdata/gen/. The
// paginated API is served by this command on 127.0.0.1 for the duration of
// the run. Run it from the repository root:
//
//	go run ./bench/economy [-airlock bin/airlock] [-only name[,name]] [-v]
//
// It prints a Markdown table and the median reduction, and exits non-zero
// when a run does not end with status "ok" or a target is missed.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Targets the benchmark must meet.
const (
	maxSummaryTokens = 2000
	minMedianPercent = 98.7
)

// workflow is one measured task: a program and the policy it runs under,
// both in testdata/<name>/.
type workflow struct {
	name    string
	title   string
	program string // file name inside testdata/<name>/
	mcp     bool   // needs $AIRLOCK_MCP_SERVERS
}

var workflows = []workflow{
	{"spreadsheet", "spreadsheet filter (fs, 10k-row CSV)", "program.go", false},
	{"logs", "log triage (shell grep, 20k-line log)", "program.go", false},
	{"sql", "SQL aggregation (12k orders)", "program.go", false},
	{"api", "paginated API (40 pages x 100)", "program.go", false},
	{"join", "join tickets (fs) with SQL", "program.go", false},
	{"docs", "document search (200 docs)", "program.go", false},
	{"diff", "diff two CSV versions", "program.go", false},
	{"memory", "MCP server-memory bulk (2,000 entities)", "program.go", true},
}

// summary is the part of airlock's JSON summary the benchmark reads.
type summary struct {
	Status string          `json:"status"`
	Output string          `json:"output"`
	Result json.RawMessage `json:"result"`
	Error  json.RawMessage `json:"error"`
	Stats  struct {
		WallMs         float64 `json:"wall_ms"`
		ToolCalls      int     `json:"tool_calls"`
		ToolDataBytes  int64   `json:"tool_data_bytes"`
		ToolDataTokens int     `json:"tool_data_tokens"`
		SummaryTokens  int     `json:"summary_tokens"`
	} `json:"stats"`
}

func main() {
	airlock := flag.String("airlock", "", "airlock binary (default: build bin/airlock with CGO_ENABLED=0)")
	only := flag.String("only", "", "comma-separated workflow names to run (default: all)")
	verbose := flag.Bool("v", false, "print each program's output and result")
	flag.Parse()

	if _, err := os.Stat(filepath.Join("bench", "economy", "main.go")); err != nil {
		fatalf("run from the repository root: go run ./bench/economy")
	}
	selected, err := selectWorkflows(*only)
	if err != nil {
		fatalf("%v", err)
	}
	bin := *airlock
	if bin == "" {
		bin = filepath.Join("bin", "airlock")
		build := exec.Command("go", "build", "-o", bin, "./cmd/airlock")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fatalf("building airlock: %v", err)
		}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		fatalf("%v", err)
	}

	gen := filepath.Join("bench", "economy", "testdata", "gen")
	if err := generate(gen); err != nil {
		fatalf("generating data: %v", err)
	}
	stop, err := serveAPI(apiAddr)
	if err != nil {
		fatalf("starting the API server on %s: %v (free the port and retry)", apiAddr, err)
	}
	defer stop()
	tmp, err := os.MkdirTemp("", "airlock-economy")
	if err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(tmp)

	type row struct {
		w workflow
		s summary
	}
	var rows []row
	var failures []string
	for _, w := range selected {
		if w.mcp && os.Getenv("AIRLOCK_MCP_SERVERS") == "" {
			fmt.Fprintf(os.Stderr, "skipping %s: set AIRLOCK_MCP_SERVERS to the npm prefix holding the MCP servers (see policies/support.yaml)\n", w.name)
			continue
		}
		s, err := run(bin, w, tmp)
		if err != nil {
			fatalf("%s: %v", w.name, err)
		}
		if *verbose {
			fmt.Fprintf(os.Stderr, "== %s\n%s\nresult: %s\n", w.name, s.Output, s.Result)
		}
		rows = append(rows, row{w, s})
		if s.Stats.SummaryTokens > maxSummaryTokens {
			failures = append(failures, fmt.Sprintf("%s: summary of %d tokens is over %d", w.name, s.Stats.SummaryTokens, maxSummaryTokens))
		}
	}
	if len(rows) == 0 {
		fatalf("no workflow ran")
	}

	fmt.Println("| workflow | tool calls | direct tokens | airlock summary tokens | reduction |")
	fmt.Println("|---|---:|---:|---:|---:|")
	var reductions []float64
	var direct, summaries int
	for _, r := range rows {
		red := reduction(r.s.Stats.ToolDataTokens, r.s.Stats.SummaryTokens)
		reductions = append(reductions, red)
		direct += r.s.Stats.ToolDataTokens
		summaries += r.s.Stats.SummaryTokens
		fmt.Printf("| %s | %d | %s | %s | %.2f%% |\n", r.w.title, r.s.Stats.ToolCalls,
			thousands(r.s.Stats.ToolDataTokens), thousands(r.s.Stats.SummaryTokens), red)
	}
	fmt.Printf("| **total** | | %s | %s | %.2f%% |\n", thousands(direct), thousands(summaries), reduction(direct, summaries))
	med := median(reductions)
	fmt.Printf("\nMedian reduction: %.2f%% over %d workflows (target: at least %.1f%%, every summary at most %d tokens)\n",
		med, len(rows), minMedianPercent, maxSummaryTokens)
	if med < minMedianPercent {
		failures = append(failures, fmt.Sprintf("median reduction %.2f%% is under %.1f%%", med, minMedianPercent))
	}
	if len(failures) > 0 {
		fatalf("targets missed:\n  %s", strings.Join(failures, "\n  "))
	}
}

// run runs one workflow's program under its policy and returns the summary,
// or an error carrying the whole summary when the status is not "ok".
func run(bin string, w workflow, tmp string) (summary, error) {
	dir := filepath.Join("bench", "economy", "testdata", w.name)
	cmd := exec.Command(bin, "run", "--policy", filepath.Join(dir, "policy.yaml"), filepath.Join(dir, w.program))
	cmd.Env = os.Environ()
	if w.mcp {
		// server-memory keeps its graph in this file: a fresh one per run.
		file := filepath.Join(tmp, w.name+".jsonl")
		os.Remove(file)
		cmd.Env = append(cmd.Env, "ECONOMY_MEMORY_FILE="+file)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var s summary
	if err := json.Unmarshal(stdout.Bytes(), &s); err != nil {
		return s, fmt.Errorf("airlock printed no summary (%v): %v\n%s%s", runErr, err, stdout.String(), stderr.String())
	}
	if s.Status != "ok" {
		return s, fmt.Errorf("status %q, want \"ok\"; summary:\n%s", s.Status, stdout.String())
	}
	if s.Stats.ToolDataTokens == 0 {
		return s, errors.New("the program received no tool data")
	}
	return s, nil
}

func selectWorkflows(only string) ([]workflow, error) {
	if only == "" {
		return workflows, nil
	}
	var out []workflow
	for _, name := range strings.Split(only, ",") {
		i := slices.IndexFunc(workflows, func(w workflow) bool { return w.name == strings.TrimSpace(name) })
		if i < 0 {
			var names []string
			for _, w := range workflows {
				names = append(names, w.name)
			}
			return nil, fmt.Errorf("no workflow %q; have %s", name, strings.Join(names, ", "))
		}
		out = append(out, workflows[i])
	}
	return out, nil
}

// reduction is 1 - airlock/direct, in percent.
func reduction(direct, airlock int) float64 {
	if direct == 0 {
		return 0
	}
	return 100 * (1 - float64(airlock)/float64(direct))
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "economy: "+format+"\n", args...)
	os.Exit(1)
}
