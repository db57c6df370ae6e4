// Command compare measures two airlock binaries on the same commands in one
// run: each command runs N times with each binary, interleaved (so drift in
// machine load hits both alike), and the median wall times are reported
// with the ratio of the second binary to the first.
//
//	go run ./bench/compare -before old/airlock -after bin/airlock -n 21
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 21, "runs per command and binary")
	before := flag.String("before", "", "airlock binary to compare against")
	after := flag.String("after", "bin/airlock", "airlock binary measured")
	flag.Parse()
	if *before == "" {
		fmt.Fprintln(os.Stderr, "compare: -before is required")
		os.Exit(2)
	}
	dir, err := os.MkdirTemp("", "airlock-compare")
	check(err)
	defer os.RemoveAll(dir)
	hello := filepath.Join(dir, "hello.go")
	check(os.WriteFile(hello, []byte("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n"), 0o644))
	policy := filepath.Join(dir, "loops.yaml")
	check(os.WriteFile(policy, []byte("name: loops\nimports: [fmt, sort, strings]\nlimits: {timeout: 60s, cpu: 60s}\n"), 0o644))

	cmds := []struct {
		name string
		args []string
	}{
		{"run hello.go (cold)", []string{"run", hello}},
		{"verify shipped example", []string{"verify", "--policy", "policies/spreadsheet.yaml", "testdata/examples/active_accounts.go"}},
		{"run shipped example", []string{"run", "--policy", "policies/spreadsheet.yaml", "testdata/examples/active_accounts.go"}},
		{"run interpreted loops", []string{"run", "--policy", policy, "bench/testdata/interp_loops.go"}},
	}
	bins := []string{*before, *after}
	times := make([][2][]time.Duration, len(cmds))
	for range *n {
		for j, c := range cmds {
			for b, bin := range bins {
				start := time.Now()
				out, err := exec.Command(bin, c.args...).CombinedOutput()
				if err != nil || !strings.Contains(string(out), `"status":"ok"`) && c.args[0] == "run" {
					fmt.Fprintf(os.Stderr, "%s (%s): %v\n%s", c.name, bin, err, out)
					os.Exit(1)
				}
				times[j][b] = append(times[j][b], time.Since(start))
			}
		}
	}
	fmt.Printf("%-28s %12s %12s %8s\n", "command", "before", "after", "ratio")
	for j, c := range cmds {
		b, a := median(times[j][0]), median(times[j][1])
		fmt.Printf("%-28s %12s %12s %7.2fx\n", c.name, round(b), round(a), float64(a)/float64(b))
	}
	fmt.Printf("(medians of %d runs each, interleaved; ratio: after / before)\n", *n)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(time.Millisecond)
	}
	return d.Round(10 * time.Microsecond)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
