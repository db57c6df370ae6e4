// Command cold measures airlock's cold start against a compiled Go
// hello-world process, in one run on the same machine: each command is
// started N times in turn (interleaved, so drift in machine load hits every
// command alike) and the median wall time is reported with its ratio to the
// baseline.
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
	n := flag.Int("n", 41, "runs per command")
	airlock := flag.String("airlock", "bin/airlock", "airlock binary")
	hello := flag.String("hello", "bin/hello", "compiled Go hello-world binary")
	yaegi := flag.String("yaegi", "bin/yaegi", "bare yaegi: the full standard library, no sandbox")
	flag.Parse()

	dir, err := os.MkdirTemp("", "airlock-bench")
	check(err)
	defer os.RemoveAll(dir)
	helloSrc := filepath.Join(dir, "hello.go")
	check(os.WriteFile(helloSrc, []byte("package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hello, world\")\n}\n"), 0o644))
	big := filepath.Join(dir, "big.go")
	check(os.WriteFile(big, []byte(thousandLines()), 0o644))

	cmds := []struct {
		name string
		args []string
	}{
		{"go hello-world (compiled, baseline)", []string{*hello}},
		{"bare yaegi hello.go (no sandbox)", []string{*yaegi, helloSrc}},
		{"airlock run hello.go (cold)", []string{*airlock, "run", helloSrc}},
		{"airlock verify 1,000-line program", []string{*airlock, "verify", big}},
		{"airlock run shipped example", []string{*airlock, "run", "--policy", "policies/spreadsheet.yaml", "testdata/examples/active_accounts.go"}},
	}
	times := make([][]time.Duration, len(cmds))
	for i := 0; i < *n; i++ {
		for j, c := range cmds {
			start := time.Now()
			out, err := exec.Command(c.args[0], c.args[1:]...).CombinedOutput()
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n%s", c.name, err, out)
				os.Exit(1)
			}
			times[j] = append(times[j], time.Since(start))
		}
	}
	base := median(times[0])
	fmt.Printf("%-40s %10s %10s %10s %8s\n", "command", "median", "min", "max", "ratio")
	for j, c := range cmds {
		m := median(times[j])
		fmt.Printf("%-40s %10s %10s %10s %7.2fx\n", c.name, round(m), round(slices.Min(times[j])), round(slices.Max(times[j])), float64(m)/float64(base))
	}
	fmt.Printf("(%d runs each, interleaved)\n", *n)
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func round(d time.Duration) string { return d.Round(10 * time.Microsecond).String() }

// thousandLines is a 1,000-line program of ordinary code: types, funcs,
// loops and string work, the shape of a long agent-written program.
func thousandLines() string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"sort\"\n\t\"strings\"\n)\n\n")
	for i := 0; strings.Count(b.String(), "\n") < 970; i++ {
		fmt.Fprintf(&b, `type rec%[1]d struct {
	Name  string
	Count int
}

// step%[1]d filters, counts and sorts.
func step%[1]d(in []string) []rec%[1]d {
	counts := map[string]int{}
	for _, s := range in {
		if strings.HasPrefix(s, "x") {
			continue
		}
		counts[strings.ToLower(s)]++
	}
	var out []rec%[1]d
	for k, v := range counts {
		out = append(out, rec%[1]d{Name: k, Count: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

`, i)
	}
	for strings.Count(b.String(), "\n") < 997 {
		b.WriteString("// padding to an exact thousand lines\n")
	}
	b.WriteString("func main() {\n\tfmt.Println(len(step0([]string{\"a\", \"b\"})))\n}\n")
	return b.String()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
