package table

import (
	"bufio"
	"encoding/csv"
	"io"
	"math/rand/v2"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/traefik/yaegi/interp"
)

// benchRows is the size of the benchmark's CSV.
const benchRows = 1_000_000

var benchRegions = []string{"west", "east", "north", "south", "central"}

// writeBenchCSV writes the benchmark's CSV deterministically: a header
// "id,region,amount,paid" and rows of an int, one of five regions, a
// two-decimal amount and a bool.
func writeBenchCSV(w io.Writer, rows int) error {
	r := rand.New(rand.NewPCG(7, 11))
	bw := bufio.NewWriter(w)
	bw.WriteString("id,region,amount,paid\n")
	var buf []byte
	for i := 1; i <= rows; i++ {
		buf = strconv.AppendInt(buf[:0], int64(i), 10)
		buf = append(buf, ',')
		buf = append(buf, benchRegions[r.IntN(len(benchRegions))]...)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, float64(r.IntN(100000))/100, 'f', 2, 64)
		buf = append(buf, ',')
		buf = strconv.AppendBool(buf, r.IntN(3) != 0)
		buf = append(buf, '\n')
		bw.Write(buf)
	}
	return bw.Flush()
}

// TestWriteBenchCSV writes the benchmark's CSV to $TABLE_BENCH_OUT, for
// bench/table.sh; without it the test is skipped.
func TestWriteBenchCSV(t *testing.T) {
	path := os.Getenv("TABLE_BENCH_OUT")
	if path == "" {
		t.Skip("set TABLE_BENCH_OUT to write the benchmark CSV")
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeBenchCSV(f, benchRows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

var benchText = sync.OnceValues(func() (string, error) {
	if path := os.Getenv("TABLE_BENCH_CSV"); path != "" {
		b, err := os.ReadFile(path)
		return string(b), err
	}
	f, err := os.CreateTemp("", "table-bench-*.csv")
	if err != nil {
		return "", err
	}
	defer os.Remove(f.Name())
	if err := writeBenchCSV(f, benchRows); err != nil {
		return "", err
	}
	f.Close()
	b, err := os.ReadFile(f.Name())
	return string(b), err
})

// BenchmarkCSVWhereSum is the work bench/table.sh compares with CPython:
// read the file, parse it, keep one region and sum the amounts. With
// $TABLE_BENCH_CSV set it reads that file every iteration; otherwise it
// parses a generated copy held in memory.
func BenchmarkCSVWhereSum(b *testing.B) {
	text, err := benchText()
	if err != nil {
		b.Fatal(err)
	}
	path := os.Getenv("TABLE_BENCH_CSV")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if path != "" {
			raw, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			text = string(raw)
		}
		t, err := ParseCSV(text)
		if err != nil {
			b.Fatal(err)
		}
		s := t.Where("region", "==", "west").Sum("amount")
		if s <= 0 {
			b.Fatalf("sum is %v", s)
		}
		b.ReportMetric(s, "sum")
	}
}

// BenchmarkParseCSV times parsing alone, on the text in memory.
func BenchmarkParseCSV(b *testing.B) {
	text, err := benchText()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ParseCSV(text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInterpretedLoop times the same filter and sum written as a
// loop in the interpreter over rows already parsed into maps, as a
// program would get them from fs.ReadCSV. Parsing is not timed.
func BenchmarkInterpretedLoop(b *testing.B) {
	text, err := benchText()
	if err != nil {
		b.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	rows := make([]map[string]string, len(recs)-1)
	for i, rec := range recs[1:] {
		row := make(map[string]string, len(rec))
		for j, name := range recs[0] {
			row[name] = rec[j]
		}
		rows[i] = row
	}
	recs = nil
	in := interp.New(interp.Options{})
	if err := in.Use(interp.Exports{
		"strconv/strconv":     symbols.Symbols["strconv/strconv"],
		"benchdata/benchdata": {"Rows": reflect.ValueOf(&rows).Elem()},
	}); err != nil {
		b.Fatal(err)
	}
	if _, err := in.Eval(`package main

import (
	"benchdata"
	"strconv"
)

func Run() float64 {
	total := 0.0
	for _, r := range benchdata.Rows {
		if r["region"] == "west" {
			f, _ := strconv.ParseFloat(r["amount"], 64)
			total += f
		}
	}
	return total
}
`); err != nil {
		b.Fatal(err)
	}
	v, err := in.Eval("main.Run")
	if err != nil {
		b.Fatal(err)
	}
	run := v.Interface().(func() float64)
	for b.Loop() {
		if s := run(); s <= 0 {
			b.Fatalf("sum is %v", s)
		}
	}
}
