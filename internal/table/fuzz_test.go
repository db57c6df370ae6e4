package table

import (
	"encoding/csv"
	"strings"
	"testing"
)

// checkConsistent fails unless every view of tb agrees on its size and
// printing it does not panic.
func checkConsistent(t *testing.T, tb Table) {
	t.Helper()
	n := tb.Len()
	if len(tb.Rows()) != n || len(tb.Records()) != n {
		t.Fatalf("Len %d, Rows %d, Records %d", n, len(tb.Rows()), len(tb.Records()))
	}
	seen := map[string]bool{}
	for _, name := range tb.Columns() {
		if seen[name] || name == "" {
			t.Fatalf("column name %q repeated or empty", name)
		}
		seen[name] = true
		if len(tb.Column(name)) != n {
			t.Fatalf("column %q has %d cells, want %d", name, len(tb.Column(name)), n)
		}
	}
	_ = tb.String()
}

func FuzzParseCSV(f *testing.F) {
	for _, s := range []string{
		orders,
		"a,b\n1,2\n",
		"a\n\"x\"\"y\"\n",
		"a,b\r\n\"1\r\n2\",3\r\n",
		"\ufeffa,,a\n,,\n",
		"a\n\"unclosed\n",
		"a,b\n1\n",
		"\r",
		"a\n1e5\n007\ntrue\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tb, err := ParseCSV(text)
		if err != nil {
			if tb.Err() == nil {
				t.Fatal("error not carried by the Table")
			}
			return
		}
		checkConsistent(t, tb)
		// On plain text (no quotes or carriage returns), the row count
		// matches encoding/csv's.
		if strings.ContainsAny(text, "\"\r") || strings.HasPrefix(text, "\ufeff") {
			return
		}
		r := csv.NewReader(strings.NewReader(text))
		recs, err := r.ReadAll()
		if err != nil || len(recs) == 0 {
			return
		}
		if got, want := tb.Len(), len(recs)-1; got != want {
			t.Fatalf("%d rows, encoding/csv reads %d", got, want)
		}
		if got, want := len(tb.Columns()), len(recs[0]); got != want {
			t.Fatalf("%d columns, encoding/csv reads %d", got, want)
		}
		// Filtering and grouping any column must not panic either.
		for _, name := range tb.Columns() {
			tb.Where(name, ">", "1").Sort(name, true).GroupBy(name).Agg(Count(), Max(name), CountDistinct(name))
		}
	})
}

func FuzzParseJSONLines(f *testing.F) {
	for _, s := range []string{
		`{"a":1,"b":"x"}` + "\n" + `{"b":[1,2],"c":null}`,
		`{"a":1} {"a":2}`,
		"\n\n{}\n",
		`{"a":{"deep":[{"x":1e400}]}}`,
		`[1]`,
		`{"a":`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tb, err := ParseJSONLines(text)
		if err != nil {
			if tb.Err() == nil {
				t.Fatal("error not carried by the Table")
			}
			return
		}
		checkConsistent(t, tb)
		lines := 0
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimSpace(strings.TrimPrefix(l, "\ufeff")) != "" {
				lines++
			}
		}
		if tb.Len() != lines {
			t.Fatalf("%d rows from %d non-blank lines", tb.Len(), lines)
		}
		for _, name := range tb.Columns() {
			tb.Where(name, "==", 1).Sort(name, false).GroupBy(name).Agg(Count(), Min(name))
		}
	})
}
