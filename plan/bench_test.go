package plan

import (
	"fmt"
	"strings"
	"testing"
)

const helloSource = `package main

import "fmt"

func main() {
	fmt.Println("hello, world")
}
`

// BenchmarkBuildHello plans hello, world with the standard packages already
// built, as every Build after the first in a process does.
func BenchmarkBuildHello(b *testing.B) {
	benchmarkBuild(b, []byte(helloSource), false)
}

// BenchmarkBuildHelloCold plans hello, world from empty caches, as a
// one-shot command does.
func BenchmarkBuildHelloCold(b *testing.B) {
	benchmarkBuild(b, []byte(helloSource), true)
}

// BenchmarkBuild1000Lines plans a program of 1,000 lines that uses several
// standard packages and tools.
func BenchmarkBuild1000Lines(b *testing.B) {
	benchmarkBuild(b, thousandLines(), false)
}

// BenchmarkBuild1000LinesCold is the same from empty caches.
func BenchmarkBuild1000LinesCold(b *testing.B) {
	benchmarkBuild(b, thousandLines(), true)
}

func benchmarkBuild(b *testing.B, src []byte, cold bool) {
	opts := Options{Tools: testTools}
	if _, err := Build("bench.go", src, opts); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if cold {
			resetStdlib()
		}
		p, err := Build("bench.go", src, opts)
		if err != nil || len(p.Findings) > 0 {
			b.Fatal(err, p.Findings)
		}
	}
}

// resetStdlib empties the process-wide package cache.
func resetStdlib() {
	stdlib.mu.Lock()
	stdlib.keys = nil
	stdlib.mu.Unlock()
}

// thousandLines generates a program of exactly 1,000 lines.
func thousandLines() []byte {
	var b strings.Builder
	b.WriteString(`package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"airlock"
	"airlock/fs"
)

type record struct {
	Name  string
	Count int
	When  time.Time
}

`)
	const fn = `// step%[1]d sums a column of one file.
func step%[1]d(dir string) (int, error) {
	rows, err := fs.ReadCSV(dir + "/part%[1]d.csv")
	if err != nil {
		return 0, fmt.Errorf("step %[1]d: %%w", err)
	}
	total := 0
	seen := map[string]bool{}
	for i, row := range rows {
		n, err := strconv.Atoi(strings.TrimSpace(row["count"]))
		if err != nil {
			continue
		}
		if seen[row["name"]] || i > 1000 {
			continue
		}
		seen[row["name"]] = true
		total += n
	}
	names := make([]string, 0, len(seen))
	for name := range seen {
		names = append(names, name)
	}
	sort.Strings(names)
	return total + len(names), nil
}

`
	lines := strings.Count(b.String(), "\n")
	per := strings.Count(fmt.Sprintf(fn, 0), "\n")
	mainLines := 12
	n := 0
	for lines+per+mainLines <= 1000 {
		fmt.Fprintf(&b, fn, n)
		lines += per
		n++
	}
	b.WriteString("func main() {\n\tvar records []record\n")
	lines += 2
	for i := 0; lines < 1000-8; i++ {
		fmt.Fprintf(&b, "\tif n, err := step%d(\"data\"); err == nil {\n\t\trecords = append(records, record{Name: %q, Count: n, When: time.Now()})\n\t}\n", i%n, fmt.Sprint("step", i))
		lines += 3
	}
	for lines < 1000-4 {
		b.WriteString("\t_ = len(records)\n")
		lines++
	}
	b.WriteString("\tout, _ := json.Marshal(records)\n\tfmt.Println(string(out))\n\tairlock.Result(len(records))\n}\n")
	return []byte(b.String())
}

func TestThousandLines(t *testing.T) {
	src := thousandLines()
	if n := strings.Count(string(src), "\n"); n != 1000 {
		t.Fatalf("generated %d lines, want 1000", n)
	}
	p, err := Build("bench.go", src, Options{Tools: testTools})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Findings) > 0 || len(p.Uses) == 0 {
		t.Fatalf("findings %v, %d uses", p.Findings, len(p.Uses))
	}
}

// BenchmarkBuildMaxSource plans hostile programs as large as MaxSource
// allows, each just within the nesting limits, to show the worst a
// program can make planning cost.
func BenchmarkBuildMaxSource(b *testing.B) {
	fill := func(unit string) []byte {
		var s strings.Builder
		s.WriteString("package main\n\nfunc main() {}\n")
		for i := 0; s.Len()+len(unit)+10 < MaxSource; i++ {
			s.WriteString(strings.ReplaceAll(unit, "@", fmt.Sprint(i)))
		}
		return []byte(s.String())
	}
	cases := []struct {
		name string
		src  []byte
	}{
		{"parentheses", fill("var x@ = " + strings.Repeat("(", 99) + "1" + strings.Repeat(")", 99) + "\n")},
		{"blocks", fill("func f@() " + strings.Repeat("{", 99) + strings.Repeat("}", 99) + "\n")},
		{"operators", fill("var x@ = 1" + strings.Repeat("+1", 400) + "\n")},
		{"declarations", fill("var x@ = 1\n")},
		{"type-errors", fill("var x@ int = \"s\"\n")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Build("max.go", c.src, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
