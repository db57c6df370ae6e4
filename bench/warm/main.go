// Command warm measures a hello-world run through airlock's MCP server,
// whose pool of pre-started sandboxed children takes process start and
// set-up off each run, against a cold `airlock run` of the same program, in
// one run: the two are interleaved so drift in machine load hits both alike.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

const helloSrc = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n"

func main() {
	n := flag.Int("n", 41, "runs of each")
	airlock := flag.String("airlock", "bin/airlock", "airlock binary")
	pool := flag.Int("pool", 2, "the server's pool size")
	hello := flag.String("hello", "bin/hello", "a compiled Go hello-world, the baseline")
	flag.Parse()

	dir, err := os.MkdirTemp("", "airlock-warm")
	check(err)
	defer os.RemoveAll(dir)
	src := filepath.Join(dir, "hello.go")
	check(os.WriteFile(src, []byte(helloSrc), 0o644))

	ctx := context.Background()
	client := sdk.NewClient(&sdk.Implementation{Name: "bench", Version: "1"}, nil)
	cmd := exec.Command(*airlock, "mcp", "--pool", fmt.Sprint(*pool))
	session, err := client.Connect(ctx, &sdk.CommandTransport{Command: cmd}, nil)
	check(err)
	defer session.Close()
	time.Sleep(500 * time.Millisecond) // let the pool fill

	var cold, warm, native, ping []time.Duration
	for range *n {
		start := time.Now()
		check(exec.Command(*hello).Run())
		native = append(native, time.Since(start))

		start = time.Now()
		check(session.Ping(ctx, nil))
		ping = append(ping, time.Since(start))

		start = time.Now()
		out, err := exec.Command(*airlock, "run", src).CombinedOutput()
		if err != nil || !strings.Contains(string(out), `"status":"ok"`) {
			fmt.Fprintf(os.Stderr, "cold run: %v\n%s", err, out)
			os.Exit(1)
		}
		cold = append(cold, time.Since(start))

		start = time.Now()
		res, err := session.CallTool(ctx, &sdk.CallToolParams{Name: "run_program", Arguments: map[string]any{"program": helloSrc}})
		if err != nil {
			fmt.Fprintln(os.Stderr, "warm run:", err)
			os.Exit(1)
		}
		warm = append(warm, time.Since(start))
		if text := res.Content[0].(*sdk.TextContent).Text; !strings.Contains(text, `"status":"ok"`) {
			fmt.Fprintln(os.Stderr, "warm run:", text)
			os.Exit(1)
		}
		time.Sleep(20 * time.Millisecond) // as between an agent's turns: the pool refills
	}
	base := median(native)
	fmt.Printf("%-46s %10s %10s %10s %8s\n", "hello-world", "median", "min", "max", "ratio")
	for _, row := range []struct {
		name string
		d    []time.Duration
	}{
		{"go hello-world (compiled, baseline)", native},
		{"MCP ping through the same session (floor)", ping},
		{"airlock mcp run_program, warm pool", warm},
		{"cold `airlock run`", cold},
	} {
		m := median(row.d)
		fmt.Printf("%-46s %10s %10s %10s %7.2fx\n", row.name, round(m), round(slices.Min(row.d)), round(slices.Max(row.d)), float64(m)/float64(base))
	}
	fmt.Printf("(%d runs each, interleaved)\n", *n)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func round(d time.Duration) string { return d.Round(10 * time.Microsecond).String() }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
