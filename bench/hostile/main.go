// Command hostile drives `airlock mcp` over stdio with a long series of
// hostile programs (memory, goroutine and output bombs, panics in
// goroutines, busy loops past their timeout, refused imports and tool
// calls, a FIFO in an fs root) and reports, every -every runs, the
// server's threads, resident memory and child processes: each must stay
// flat, and each answer must be the status its program earns.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/airlockhq/airlock/internal/procstat"
)

// programs are the hostile programs, each with the status it must get.
var programs = []struct{ name, status, src string }{
	{"memory bomb", "limit", `package main

func main() {
	var keep [][]byte
	for {
		keep = append(keep, make([]byte, 8<<20))
	}
}
`},
	{"goroutine bomb", "limit", `package main

import "time"

func main() {
	for {
		go func() { b := make([]byte, 64<<10); time.Sleep(time.Hour); b[0] = 1 }()
	}
}
`},
	{"output flood", "ok", `package main

import (
	"fmt"
	"strings"
)

func main() { fmt.Print(strings.Repeat("x\n", 400000)) }
`},
	{"panic in a goroutine", "error", `package main

import "time"

func main() {
	go func() { panic("boom") }()
	time.Sleep(time.Second)
}
`},
	{"busy loop", "timeout", `package main

func main() {
	for {
	}
}
`},
	{"refused import", "denied", `package main

import "os/exec"

func main() { exec.Command("id").Run() }
`},
	{"refused tool call", "denied", `package main

import "airlock/http"

func main() { http.Get("https://example.com/") }
`},
	{"FIFO in a root", "ok", `package main

import (
	"fmt"

	"airlock/fs"
)

func main() {
	_, err := fs.ReadDir("data/pipe")
	fmt.Println(err != nil)
	_, err = fs.ReadFile("data/pipe")
	fmt.Println(err != nil)
}
`},
}

func main() {
	n := flag.Int("n", 1000, "runs")
	every := flag.Int("every", 100, "report every this many runs")
	airlock := flag.String("airlock", "bin/airlock", "airlock binary")
	flag.Parse()

	dir, err := os.MkdirTemp("", "airlock-hostile")
	check(err)
	defer os.RemoveAll(dir)
	check(os.MkdirAll(filepath.Join(dir, "data"), 0o755))
	check(syscall.Mkfifo(filepath.Join(dir, "data", "pipe"), 0o644))
	policy := filepath.Join(dir, "policy.yaml")
	check(os.WriteFile(policy, []byte(`name: hostile
imports: [fmt, strings, time]
tools:
  fs.ReadDir: {}
  fs.ReadFile: {}
providers:
  fs: {roots: {data: data}}
limits: {timeout: 3s, memory: 64MiB}
`), 0o644))

	ctx := context.Background()
	client := sdk.NewClient(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
	cmd := exec.Command(*airlock, "mcp", "--policy", policy)
	session, err := client.Connect(ctx, &sdk.CommandTransport{Command: cmd}, nil)
	check(err)
	defer session.Close()
	pid := cmd.Process.Pid

	fmt.Printf("%6s %8s %10s %9s %8s\n", "runs", "threads", "rss_kib", "children", "seconds")
	report := func(runs int, start time.Time) {
		threads, rss := status(pid)
		fmt.Printf("%6d %8d %10d %9d %8.1f\n", runs, threads, rss, children(pid), time.Since(start).Seconds())
	}
	start := time.Now()
	report(0, start)
	wrong := 0
	for i := 1; i <= *n; i++ {
		p := programs[i%len(programs)]
		res, err := session.CallTool(ctx, &sdk.CallToolParams{Name: "run_program", Arguments: map[string]any{"program": p.src}})
		if err != nil {
			fmt.Fprintln(os.Stderr, p.name, err)
			os.Exit(1)
		}
		text := res.Content[0].(*sdk.TextContent).Text
		if !strings.Contains(text, `"status":"`+p.status+`"`) {
			wrong++
			fmt.Fprintf(os.Stderr, "run %d (%s): want status %s, got %.300s\n", i, p.name, p.status, text)
		}
		if i%*every == 0 {
			report(i, start)
		}
	}
	fmt.Printf("wrong answers: %d of %d\n", wrong, *n)
	if wrong > 0 {
		os.Exit(1)
	}
}

// status reads a process's thread count and resident memory.
func status(pid int) (threads, rssKiB int) {
	threads, rssKiB, err := procstat.Status(pid)
	check(err)
	return threads, rssKiB
}

// children counts the processes below pid: the spawner and the children
// it keeps ready.
func children(pid int) int {
	procs, _ := procstat.Descendants(pid)
	return len(procs)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
