package tokens

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tiktoken-go/tokenizer/codec"
)

// firstCallEnv names the counter a re-executed test binary times once, in
// a fresh process, before exiting: "airlock" or "tiktoken-go".
const firstCallEnv = "TOKENS_FIRST_CALL"

func TestMain(m *testing.M) {
	if which := os.Getenv(firstCallEnv); which != "" {
		os.Exit(firstCall(which))
	}
	os.Exit(m.Run())
}

// summary is what airlock counts on every run: a summary of about 2 KB.
var summary = `{
  "status": "ok",
  "policy": "spreadsheet",
  "result": {
    "active": 7412,
    "by_region": {"apac": 1850, "emea": 1861, "latam": 1843, "na": 1858},
    "by_plan": {"business": 1480, "enterprise": 1502, "free": 1398, "starter": 1511, "team": 1521},
    "top_accounts": [
      {"id": "acct-00042", "name": "Grace Hopper", "plan": "enterprise", "mrr": 26000.00},
      {"id": "acct-00917", "name": "Edsger Dijkstra", "plan": "enterprise", "mrr": 25675.00},
      {"id": "acct-03310", "name": "Radia Perlman", "plan": "enterprise", "mrr": 25480.00}
    ],
    "note": "churned accounts excluded; MRR in USD, rounded to cents"
  },
  "output": "read 10000 rows from data/accounts.csv\nskipped 0 malformed rows\nwrote summary\n",
  "calls": {
    "fs.ReadCSV": {"count": 1, "time_ms": 18.2, "bytes": 1057017},
    "fs.ReadFile": {"count": 2, "time_ms": 0.4, "bytes": 3311}
  },
  "violations": [],
  "error": {"kind": "", "message": "", "line": 0, "hint": "Check the file's delimiter, or pass the header row explicitly; it's likely a TSV."},
  "stats": {
    "wall_ms": 142.7,
    "cpu_ms": 131.9,
    "peak_memory": "48.2 MiB",
    "tool_bytes": 1060328,
    "summary_tokens": 512,
    "tool_tokens": 383911
  },
  "hint": "The program ran under the spreadsheet policy: reads under data/ are allowed, network access is denied, and the summary is capped at 2,000 tokens. Use airlock.Result to return structured values; prints go to output, truncated to the budget."
}
`

// firstCall prints how long the first count of summary takes in this
// process, in nanoseconds, and returns the exit code.
func firstCall(which string) int {
	var n int
	start := time.Now()
	switch which {
	case "airlock":
		n = Count(summary)
	case "tiktoken-go":
		n, _ = codec.NewO200kBase().Count(summary)
	default:
		fmt.Fprintf(os.Stderr, "unknown counter %q\n", which)
		return 2
	}
	elapsed := time.Since(start)
	fmt.Println(elapsed.Nanoseconds(), n)
	return 0
}

// BenchmarkFirstCall re-executes the test binary to time the first count in
// a fresh process. ns/op is the whole process, which links both counters;
// first-ns and first-min-ns are the median and the fastest first count.
func BenchmarkFirstCall(b *testing.B) {
	for _, which := range []string{"airlock", "tiktoken-go"} {
		b.Run(which, func(b *testing.B) {
			var firsts []time.Duration
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), firstCallEnv+"="+which)
				out, err := cmd.Output()
				if err != nil {
					b.Fatalf("%s: %v", which, err)
				}
				ns, err := strconv.ParseInt(strings.Fields(string(out))[0], 10, 64)
				if err != nil {
					b.Fatalf("%s printed %q", which, out)
				}
				firsts = append(firsts, time.Duration(ns))
			}
			slices.Sort(firsts)
			b.ReportMetric(float64(firsts[len(firsts)/2]), "first-ns")
			b.ReportMetric(float64(firsts[0]), "first-min-ns")
		})
	}
}

// BenchmarkCount measures throughput on the repository's spreadsheet and
// on multilingual text, against tiktoken-go.
func BenchmarkCount(b *testing.B) {
	sheet, err := os.ReadFile(filepath.Join("..", "..", "testdata", "sheets", "accounts.csv"))
	if err != nil {
		b.Fatal(err)
	}
	inputs := []struct{ name, text string }{
		{"csv", string(sheet)},
		{"multilingual", strings.Repeat(strings.Join(samples[3:12], "\n"), 200)},
		{"summary", summary},
	}
	ref := codec.NewO200kBase()
	for _, in := range inputs {
		b.Run(in.name+"/airlock", func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				Count(in.text)
			}
		})
		b.Run(in.name+"/tiktoken-go", func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			for b.Loop() {
				if _, err := ref.Count(in.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
