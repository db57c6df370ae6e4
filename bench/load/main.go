// Command load drives `airlock mcp --http` with concurrent MCP sessions
// (the official Go SDK's client over streamable HTTP) at several levels of
// concurrency. Each call's program prints a value unique to it; the mix
// holds hello programs, programs that call a tool, shell scripts, and a
// hostile program every tenth run. It reports, per level, runs per second,
// the median and 99th percentile latency, the server's resident memory and
// threads, and checks that every answer is its own; at the end, the
// processes and cgroups the server left.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/airlockhq/airlock/internal/procstat"
)

func main() {
	levels := flag.String("sessions", "1,8,32,64", "concurrent sessions, one level after another")
	runs := flag.Int("runs", 320, "runs per level")
	pool := flag.Int("pool", 4, "the server's pool of ready children")
	airlock := flag.String("airlock", "bin/airlock", "airlock binary")
	mix := flag.String("mix", "full", "full (hello, tool calls, scripts, a hostile program every tenth run) or hello")
	profile := flag.String("profile", "", "have the server write its CPU profile to FILE")
	flag.IntVar(&every, "every", 0, "also report every this many runs within a level (0: only at its end)")
	flag.Parse()
	helloOnly = *mix == "hello"

	dir, err := os.MkdirTemp("", "airlock-load")
	check(err)
	defer os.RemoveAll(dir)
	check(os.MkdirAll(filepath.Join(dir, "data"), 0o755))
	check(os.WriteFile(filepath.Join(dir, "data", "n.txt"), []byte("41\n"), 0o644))
	policy := filepath.Join(dir, "policy.yaml")
	check(os.WriteFile(policy, []byte(`name: load
imports: [fmt, strings, strconv]
tools:
  fs.ReadFile: {}
  sh.echo: {}
providers:
  fs: {roots: {data: data}}
  shell: {dir: data}
limits: {timeout: 5s, memory: 64MiB}
`), 0o644))

	args := []string{"mcp", "--policy", policy, "--http", "127.0.0.1:0", "--pool", strconv.Itoa(*pool), "--log-format", "json"}
	if *profile != "" {
		args = append(args, "--cpu-profile", *profile)
	}
	cmd := exec.Command(*airlock, args...)
	stderr, err := cmd.StderrPipe()
	check(err)
	check(cmd.Start())
	defer func() { cmd.Process.Signal(syscall.SIGTERM); cmd.Wait() }()
	url := listening(stderr)
	pid := cmd.Process.Pid

	fmt.Printf("%8s %6s %8s %8s %8s %7s %9s %7s %5s\n", "sessions", "runs", "runs/s", "p50_ms", "p99_ms", "wrong", "rss_kib", "threads", "fds")
	var next atomic.Int64
	for _, f := range strings.Split(*levels, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		check(err)
		level(url, n, *runs, &next, pid)
	}
	time.Sleep(2 * time.Second) // the pool refills; nothing else may remain
	procs, spawners := procstat.Descendants(pid)
	fmt.Printf("left behind: %d processes besides the pool of %d and %d spawner, %d cgroups besides the pool's\n",
		len(procs)-*pool-spawners, *pool, spawners, cgroups(append(procs, pid))-*pool)
}

// level runs total programs over n sessions at once.
func level(url string, n, total int, next *atomic.Int64, pid int) {
	ctx := context.Background()
	var sessions []*sdk.ClientSession
	for range n {
		client := sdk.NewClient(&sdk.Implementation{Name: "load", Version: "1"}, nil)
		cs, err := client.Connect(ctx, &sdk.StreamableClientTransport{Endpoint: url}, nil)
		check(err)
		sessions = append(sessions, cs)
	}
	defer func() {
		for _, cs := range sessions {
			cs.Close()
		}
	}()
	var (
		mu        sync.Mutex
		latencies []time.Duration
		window    []time.Duration // since the last interim report
		wrong     int
		left      atomic.Int64
		wg        sync.WaitGroup
		lastT     = time.Now()
	)
	left.Store(int64(total))
	start := time.Now()
	for _, cs := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for left.Add(-1) >= 0 {
				id := next.Add(1)
				prog, want := program(id)
				t0 := time.Now()
				res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "run_program", Arguments: map[string]any{"program": prog}})
				d := time.Since(t0)
				ok := err == nil && answered(res, want)
				mu.Lock()
				latencies = append(latencies, d)
				window = append(window, d)
				if every > 0 && len(latencies)%every == 0 {
					slices.Sort(window)
					threads, rss := status(pid)
					fmt.Printf("  after %6d: %8.1f runs/s  p50 %7.1f ms  p99 %7.1f ms  wrong %d  rss %d KiB  threads %d  fds %d\n", len(latencies),
						float64(len(window))/time.Since(lastT).Seconds(), ms(window[len(window)/2]), ms(window[min(len(window)-1, len(window)*99/100)]), wrong, rss, threads, procstat.Files(pid))
					window, lastT = window[:0], time.Now()
				}
				if !ok {
					wrong++
					if err != nil {
						fmt.Fprintf(os.Stderr, "run %d: %v\n", id, err)
					} else {
						fmt.Fprintf(os.Stderr, "run %d: want %v, got %.300s\n", id, want, res.Content[0].(*sdk.TextContent).Text)
					}
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
	}
	threads, rss := status(pid)
	fmt.Printf("%8d %6d %8.1f %8.1f %8.1f %7d %9d %7d %5d\n", n, total, float64(total)/elapsed.Seconds(), pct(0.5), pct(0.99), wrong, rss, threads, procstat.Files(pid))
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// want is what a run's summary must say.
type want struct {
	status string
	output string // exact, when status is ok
}

// every is how often a level reports while it runs.
var every int

// helloOnly runs hello programs alone.
var helloOnly bool

// program returns the program of run id: each prints what only it can.
func program(id int64) (string, want) {
	switch {
	case helloOnly:
	case id%10 == 0:
		// Hostile, in turn: a memory bomb and a refused import.
		if id%20 == 0 {
			return "package main\n\nfunc main() {\n\tvar keep [][]byte\n\tfor {\n\t\tkeep = append(keep, make([]byte, 8<<20))\n\t}\n}\n", want{status: "limit"}
		}
		return "package main\n\nimport \"os/exec\"\n\nfunc main() { exec.Command(\"id\").Run() }\n", want{status: "denied"}
	case id%10 == 3:
		return fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n\t\"strings\"\n\n\t\"airlock/fs\"\n)\n\nfunc main() {\n\ts, err := fs.ReadFile(\"data/n.txt\")\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tn, _ := strconv.Atoi(strings.TrimSpace(s))\n\tfmt.Println(n+1, \"run-%d\")\n}\n", id),
			want{status: "ok", output: fmt.Sprintf("42 run-%d\n", id)}
	case id%10 == 6:
		return fmt.Sprintf("echo run-%d\n", id), want{status: "ok", output: fmt.Sprintf("run-%d\n", id)}
	}
	return fmt.Sprintf("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"run-%d\") }\n", id), want{status: "ok", output: fmt.Sprintf("run-%d\n", id)}
}

// answered reports whether a result is the summary the run must give.
func answered(res *sdk.CallToolResult, w want) bool {
	if len(res.Content) == 0 {
		return false
	}
	tc, ok := res.Content[0].(*sdk.TextContent)
	if !ok {
		return false
	}
	var s struct {
		Status string `json:"status"`
		Output string `json:"output"`
	}
	if json.Unmarshal([]byte(tc.Text), &s) != nil || s.Status != w.status {
		return false
	}
	if res.IsError != (w.status != "ok") {
		return false
	}
	return w.status != "ok" || s.Output == w.output
}

// listening reads the server's log until it says where it listens.
func listening(r io.Reader) string {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		var rec struct {
			Msg string `json:"msg"`
			URL string `json:"url"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Msg == "listening" {
			go io.Copy(io.Discard, r)
			return rec.URL
		}
	}
	fmt.Fprintln(os.Stderr, "the server never said where it listens")
	os.Exit(1)
	return ""
}

// status reads a process's thread count and resident memory.
func status(pid int) (threads, rssKiB int) {
	threads, rssKiB, err := procstat.Status(pid)
	check(err)
	return threads, rssKiB
}

// cgroups counts the cgroups the server, or its spawner, made and has not
// removed: a cgroup is named after the process that made it.
func cgroups(pids []int) int {
	n := 0
	filepath.WalkDir("/sys/fs/cgroup", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		for _, pid := range pids {
			if strings.HasPrefix(d.Name(), fmt.Sprintf("airlock-%d-", pid)) {
				n++
				return filepath.SkipDir
			}
		}
		if strings.Count(path, "/") > 6 {
			return filepath.SkipDir
		}
		return nil
	})
	return n
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
