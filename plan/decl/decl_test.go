package decl

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

const src = `// Package t is for tests.
package t

// T is a type, not a function.
type T struct{ A string }

// Find looks.
//
// It looks hard.
func Find(query string, limit int, exact bool, score float64) ([]T, error)

// Ping pings.
func Ping() error

func unexported(x string) error
`

func TestParse(t *testing.T) {
	funcs, err := Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Func{
		{
			Name:      "Find",
			Params:    []string{"query", "limit", "exact", "score"},
			Types:     []string{"string", "int", "bool", "float64"},
			Doc:       "Find looks.\n\nIt looks hard.",
			Signature: "func Find(query string, limit int, exact bool, score float64) ([]T, error)",
			Uses:      "// T is a type, not a function.\ntype T struct{ A string }\n",
		},
		{Name: "Ping", Doc: "Ping pings.", Signature: "func Ping() error"},
	}
	if !reflect.DeepEqual(funcs, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", funcs, want)
	}
	if _, err := Parse("package"); err == nil || !strings.HasPrefix(err.Error(), "parsing declaration: ") {
		t.Errorf("Parse(bad) error = %v", err)
	}
}

func TestDecode(t *testing.T) {
	funcs, _ := Parse(src)
	find := funcs[0]
	raw := func(s ...string) []json.RawMessage {
		out := make([]json.RawMessage, len(s))
		for i, x := range s {
			out[i] = json.RawMessage(x)
		}
		return out
	}
	got, err := find.Decode(raw(`"q"`, `10`, `true`, `0.5`))
	if want := []any{"q", int64(10), true, 0.5}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Decode = %#v, %v; want %#v", got, err, want)
	}
	bad := []struct {
		raw []json.RawMessage
		err string
	}{
		{raw(`"q"`), "Find takes 4 argument(s) (query, limit, exact, score), got 1"},
		{raw(`null`, `1`, `true`, `1`), "argument query: want a string, got null"},
		{raw(`1`, `1`, `true`, `1`), "argument query: want a string, got the number 1"},
		{raw(`"q"`, `1.5`, `true`, `1`), "argument limit: want an int, got the number 1.5"},
		{raw(`"q"`, `"1"`, `true`, `1`), "argument limit: want an int, got a string"},
		{raw(`"q"`, `1`, `1`, `1`), "argument exact: want a bool, got the number 1"},
		{raw(`"q"`, `1`, `true`, `[]`), "argument score: want a float64, got an array"},
		{raw(`"q" "r"`, `1`, `true`, `1`), "argument query: want a string, got more than one value"},
		{raw(`{`, `1`, `true`, `1`), "argument query: want a string: unexpected EOF"},
	}
	for _, tt := range bad {
		if _, err := find.Decode(tt.raw); err == nil || err.Error() != tt.err {
			t.Errorf("Decode(%s) error = %v; want %q", tt.raw, err, tt.err)
		}
	}
}
