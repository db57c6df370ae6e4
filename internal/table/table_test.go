package table

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// render writes a Table compactly for comparisons: a header of
// name:kind, then one line per row with cells separated by "|" and nil
// written as "nil".
func render(tb Table) string {
	if tb.err != nil {
		return "error: " + tb.err.Error()
	}
	var b strings.Builder
	for j, name := range tb.names {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(name + ":" + kindName(tb.cols[j].kind))
	}
	b.WriteByte('\n')
	for i := 0; i < tb.n; i++ {
		for j, c := range tb.cols {
			if j > 0 {
				b.WriteByte('|')
			}
			if c.isNull(i) {
				b.WriteString("nil")
			} else {
				b.WriteString(formatCell(c.cell(i)))
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func kindName(k kind) string {
	return [...]string{"string", "int", "float", "bool", "mixed"}[k]
}

func mustCSV(t *testing.T, text string) Table {
	t.Helper()
	tb, err := ParseCSV(text)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// orders is the fixture most tests filter, sort and group.
const orders = `id,region,total,paid,note
1,west,10.5,true,first
2,east,20,false,
3,west,5,true,rush order
4,north,,false,x
5,east,7.25,true,
6,west,30,,"says ""hi"""
`

func TestParseCSV(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"types", "i,f,b,s\n1,1.5,true,x\n-2,2,FALSE,y\n", "i:int f:float b:bool s:string\n1|1.5|true|x\n-2|2|false|y\n", ""},
		{"empty cells are nil", "a,b\n1,\n,x\n", "a:int b:string\n1|nil\nnil|x\n", ""},
		{"all empty", "a\n\"\"\n\"\"\n", "a:string\nnil\nnil\n", ""},
		{"leading zeros stay text", "zip,n\n02139,007.5\n10001,1\n", "zip:string n:string\n02139|007.5\n10001|1\n", ""},
		{"zero itself is a number", "n\n0\n-0\n0.5\n", "n:float\n0\n-0\n0.5\n", ""},
		{"exponents", "n\n1e3\n2.5E-2\n", "n:float\n1000\n0.025\n", ""},
		{"no inf or nan", "n\ninf\nNaN\n", "n:string\ninf\nNaN\n", ""},
		{"int overflow becomes float", "n\n99999999999999999999\n1\n", "n:float\n1e+20\n1\n", ""},
		{"quotes", "a,b\n\"x, y\",\"say \"\"hi\"\"\"\n", "a:string b:string\nx, y|say \"hi\"\n", ""},
		{"newline in quotes", "a,b\n\"line1\nline2\",2\n", "a:string b:int\nline1\nline2|2\n", ""},
		{"crlf", "a,b\r\n1,2\r\n3,4\r\n", "a:int b:int\n1|2\n3|4\n", ""},
		{"quoted crlf", "a,b\r\n\"1\",\"2\"\r\n", "a:int b:int\n1|2\n", ""},
		{"no final newline", "a,b\n1,2", "a:int b:int\n1|2\n", ""},
		{"final empty field", "a,b\n1,", "a:int b:string\n1|nil\n", ""},
		{"blank lines skipped", "\n\na\n\n1\n\r\n2\n\n", "a:int\n1\n2\n", ""},
		{"bom", "\ufeffa\n1\n", "a:int\n1\n", ""},
		{"bare quote inside a field is text", "a\n5\" screen\n", "a:string\n5\" screen\n", ""},
		{"header names", "a,,a,a\n1,2,3,4\n", "a:int column_2:int a_2:int a_3:int\n1|2|3|4\n", ""},
		{"header only", "a,b\n", "a:string b:string\n", ""},
		{"empty", "", "\n", ""},
		{"bools any case", "b\nTrue\nfalse\nTRUE\n", "b:bool\ntrue\nfalse\ntrue\n", ""},
		{"too few fields", "a,b\n1,2\n3\n", "", "line 3 has 1 fields but the header has 2"},
		{"too many fields", "a,b\n1,2,3\n", "", "line 2 has 3 fields but the header has 2"},
		{"line count after quoted newline", "a,b\n\"x\ny\",1\n2\n", "", "line 4 has 1 fields"},
		{"unclosed quote", "a\n\"abc\n", "", "line 2: a quoted field is never closed"},
		{"text after quote", "a\n\"abc\"d\n", "", "line 2: text follows the closing quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ParseCSV(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.HasPrefix(err.Error(), "table.ParseCSV: ") {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				if tb.Err() != err {
					t.Errorf("the returned Table carries %v, want the error", tb.Err())
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := render(tb); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestFromRecords(t *testing.T) {
	rows := []map[string]string{
		{"name": "a", "n": "1", "x": "1.5"},
		{"name": "b", "n": "", "x": "2"},
		{"name": "c", "n": "3"},
	}
	want := "n:int name:string x:float\n1|a|1.5\nnil|b|2\n3|c|nil\n"
	if got := render(FromRecords(rows)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := render(FromRecords(nil)); got != "\n" {
		t.Errorf("no rows: got %q", got)
	}
}

type label string

func TestFromRows(t *testing.T) {
	when := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		columns []string
		rows    [][]any
		want    string
	}{
		{"kinds", []string{"i", "f", "s", "b"},
			[][]any{{int64(1), 1.5, "x", true}, {2, float32(2), label("y"), false}, {uint8(3), nil, nil, nil}},
			"i:int f:float s:string b:bool\n1|1.5|x|true\n2|2|y|false\n3|nil|nil|nil\n"},
		{"ints and floats make floats", []string{"n"}, [][]any{{1}, {2.5}}, "n:float\n1\n2.5\n"},
		{"mixed", []string{"m"}, [][]any{{1}, {"a"}, {true}, {nil}}, "m:mixed\n1\na\ntrue\nnil\n"},
		{"json numbers", []string{"n"}, [][]any{{json.Number("7")}, {json.Number("7.5")}}, "n:float\n7\n7.5\n"},
		{"nested values as JSON", []string{"v"}, [][]any{{[]any{1, "a"}}, {map[string]any{"k": 1}}}, "v:string\n[1,\"a\"]\n{\"k\":1}\n"},
		{"bytes and times", []string{"v"}, [][]any{{[]byte("raw")}, {when}}, "v:string\nraw\n2024-05-01T12:00:00Z\n"},
		{"huge uint", []string{"v"}, [][]any{{uint64(math.MaxUint64)}}, "v:float\n1.8446744073709552e+19\n"},
		{"repeated names", []string{"id", "id", ""}, [][]any{{1, 2, 3}}, "id:int id_2:int column_3:int\n1|2|3\n"},
		{"pointer", []string{"v"}, [][]any{{new(int)}, {(*int)(nil)}}, "v:int\n0\nnil\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(FromRows(tt.columns, tt.rows)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	t.Run("ragged", func(t *testing.T) {
		tb := FromRows([]string{"a", "b"}, [][]any{{1, 2}, {3}})
		if err := tb.Err(); err == nil || !strings.Contains(err.Error(), "row 1 has 1 values but there are 2 columns") {
			t.Errorf("error %v", err)
		}
	})
}

func TestFromMaps(t *testing.T) {
	rows := []map[string]any{{"b": 1, "a": "x"}, {"a": "y", "c": true}}
	want := "a:string b:int c:bool\nx|1|nil\ny|nil|true\n"
	if got := render(FromMaps(rows)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestParseJSONLines(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"columns in first-seen order", `{"id":1,"tags":["a","b"],"who":{"n":"x"}}
{"id":2,"extra":null,"score":1.5}

{"score":2,"id":3,"s":"4"}
`, "id:int tags:string who:string extra:string score:float s:string\n" +
			"1|[\"a\",\"b\"]|{\"n\":\"x\"}|nil|nil|nil\n2|nil|nil|nil|1.5|nil\n3|nil|nil|nil|2|4\n", ""},
		{"bools and mixed", "{\"v\":true}\n{\"v\":\"x\"}\r\n", "v:mixed\ntrue\nx\n", ""},
		{"duplicate key keeps the last", `{"a":1,"a":2}`, "a:int\n2\n", ""},
		{"big numbers", `{"a":1e400}`, "a:string\n1e400\n", ""},
		{"empty", "", "\n", ""},
		{"not an object", "{\"a\":1}\n[1,2]\n", "", "line 2: found a list, not an object"},
		{"two values", `{"a":1} {"a":2}`, "", "line 1: more than one JSON value"},
		{"broken", "{\"a\":\n", "", "line 1: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ParseJSONLines(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || tb.Err() == nil {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := render(tb); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name, in, want, err string
	}{
		{"array", `[{"a":1,"b":"x"},{"b":"y","a":2.5}]`, "a:float b:string\n1|x\n2.5|y\n", ""},
		{"empty array", ` [] `, "\n", ""},
		{"object", `{"a":1}`, "", "want a JSON array of objects"},
		{"element", `[{"a":1}, 2]`, "", "element 1: found a number, not an object"},
		{"trailing", `[{"a":1}] x`, "", "text follows the array"},
		{"empty", ``, "", "the text is empty"},
		{"unclosed", `[{"a":1}`, "", "table.ParseJSON: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ParseJSON(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || tb.Err() == nil {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := render(tb); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// ids returns the "id" column of a table as text, for compact checks.
func ids(tb Table) string {
	if tb.err != nil {
		return "error: " + tb.err.Error()
	}
	var out []string
	for _, v := range tb.Column("id") {
		out = append(out, formatCell(v))
	}
	return strings.Join(out, ",")
}

func TestWhere(t *testing.T) {
	o := mustCSV(t, orders)
	mixed := FromRows([]string{"id", "v"}, [][]any{{1, 5}, {2, "5"}, {3, "x"}, {4, nil}, {5, 2.5}, {6, true}, {7, "10"}})
	text := FromRows([]string{"id", "v"}, [][]any{{1, "5"}, {2, "12"}, {3, "abc"}, {4, nil}, {5, "TRUE"}})
	tests := []struct {
		name  string
		tb    Table
		col   string
		op    string
		value any
		want  string
	}{
		{"string ==", o, "region", "==", "west", "1,3,6"},
		{"string !=", o, "region", "!=", "west", "2,4,5"},
		{"string <", o, "region", "<", "north", "2,5"},
		{"int >=", o, "id", ">=", 5, "5,6"},
		{"int < float", o, "id", "<", 2.5, "1,2"},
		{"int == float", o, "id", "==", 3.0, "3"},
		{"int in text form", o, "id", "==", "4", "4"},
		{"float > int", o, "total", ">", 10, "1,2,6"},
		{"float <= float", o, "total", "<=", 7.25, "3,5"},
		{"float == int", o, "total", "==", 20, "2"},
		{"float != keeps nil", o, "total", "!=", 20, "1,3,4,5,6"},
		{"nil ==", o, "total", "==", nil, "4"},
		{"nil !=", o, "note", "!=", nil, "1,3,4,6"},
		{"bool ==", o, "paid", "==", true, "1,3,5"},
		{"bool == text", o, "paid", "==", "false", "2,4"},
		{"bool order", o, "paid", ">", false, "1,3,5"},
		{"contains", o, "note", "contains", "r", "1,3"},
		{"contains quote", o, "note", "contains", `"hi"`, "6"},
		{"prefix", o, "region", "prefix", "we", "1,3,6"},
		{"contains on numbers", o, "total", "contains", ".", "1,5"},
		{"in strings", o, "region", "in", []string{"east", "north"}, "2,4,5"},
		{"in any", o, "id", "in", []any{1, 6.0, "3"}, "1,3,6"},
		{"in ints", o, "id", "in", []int{2, 9}, "2"},
		{"in with nil", o, "total", "in", []any{nil, 5}, "3,4"},
		{"in empty", o, "id", "in", []any{}, ""},
		{"text vs number", text, "v", ">", 6, "2"},
		{"text == number", text, "v", "==", 5, "1"},
		{"text != number", text, "v", "!=", 5, "2,3,4,5"},
		{"text == bool", text, "v", "==", true, "5"},
		{"text in numbers", text, "v", "in", []any{12, 5.0}, "1,2"},
		{"text in bools", text, "v", "in", []any{true}, "5"},
		{"mixed == number", mixed, "v", "==", 5, "1,2"},
		{"mixed == text", mixed, "v", "==", "5", "1,2"},
		{"mixed >", mixed, "v", ">", 4, "1,2,7"},
		{"mixed in", mixed, "v", "in", []any{"5", true}, "1,2,6"},
		{"mixed contains", mixed, "v", "contains", "5", "1,2,5"},
		{"named string type", o, "region", "==", label("east"), "2,5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.tb.Where(tt.col, tt.op, tt.value)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestWhereErrors(t *testing.T) {
	o := mustCSV(t, orders)
	tests := []struct {
		name  string
		col   string
		op    string
		value any
		want  string
	}{
		{"no column", "regio", "==", "x", `table.Where: no column "regio"; the columns are "id", "region", "total", "paid", "note"`},
		{"bad op", "id", "=", 1, `table.Where: column "id", "=": unknown operator; use one of ==, !=, <, <=, >, >=, contains, prefix, in`},
		{"text for numbers", "total", ">", "abc", `table.Where: column "total", ">": the column holds numbers but the value "abc" is not a number`},
		{"bool for numbers", "id", "==", true, `the column holds numbers but the value is true (a bool)`},
		{"number for bools", "paid", "==", 1, `the column holds true/false but the value is 1 (a number); compare it with true or false`},
		{"order with nil", "id", "<", nil, `< needs a value to compare with, not nil`},
		{"contains number", "note", "contains", 5, `contains needs a string value, not 5 (a number)`},
		{"contains list", "note", "contains", []string{"a"}, `contains needs a string value, not a list ([]string)`},
		{"in not a list", "id", "in", 5, `in needs a list value such as []any{"a", "b"}, not 5 (a number)`},
		{"in nil", "id", "in", nil, `in needs a list value`},
		{"in bad element", "id", "in", []any{1, "x"}, `element 1: the column holds numbers but the value "x" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := o.Where(tt.col, tt.op, tt.value).Err()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSelect(t *testing.T) {
	o := mustCSV(t, orders)
	if got, want := render(o.Select("region", "id").Head(2)), "region:string id:int\nwest|1\neast|2\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, tt := range []struct {
		cols []string
		want string
	}{
		{nil, "table.Select: name at least one column"},
		{[]string{"id", "id"}, `table.Select: column "id" is named twice`},
		{[]string{"id", "ID"}, `table.Select: no column "ID"`},
	} {
		if err := o.Select(tt.cols...).Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Select(%q): error %v, want %q", tt.cols, err, tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	o := mustCSV(t, orders)
	mixed := FromRows([]string{"id", "v"}, [][]any{{1, "b"}, {2, 3}, {3, nil}, {4, true}, {5, 1.5}, {6, "a"}})
	tests := []struct {
		name string
		tb   Table
		col  string
		desc bool
		want string
	}{
		{"float asc, nil last", o, "total", false, "3,5,1,2,6,4"},
		{"float desc, nil last", o, "total", true, "6,2,1,5,3,4"},
		{"string stable", o, "region", false, "2,5,4,1,3,6"},
		{"string desc stable", o, "region", true, "1,3,6,4,2,5"},
		{"bool", o, "paid", false, "2,4,1,3,5,6"},
		{"int desc", o, "id", true, "6,5,4,3,2,1"},
		{"mixed", mixed, "v", false, "5,2,6,1,4,3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.tb.Sort(tt.col, tt.desc)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	if err := o.Sort("nope", false).Err(); err == nil || !strings.Contains(err.Error(), `table.Sort: no column "nope"`) {
		t.Errorf("error %v", err)
	}
	// Sorting twice orders by both keys.
	if got := ids(o.Sort("id", true).Sort("region", false)); got != "5,2,4,6,3,1" {
		t.Errorf("two keys: got %s", got)
	}
}

func TestTopHead(t *testing.T) {
	o := mustCSV(t, orders)
	tests := []struct {
		name string
		tb   Table
		want string
	}{
		{"top", o.Top("total", 3), "6,2,1"},
		{"top more than rows", o.Top("total", 10), "6,2,1,5,3,4"},
		{"top zero", o.Top("total", 0), ""},
		{"head", o.Head(2), "1,2"},
		{"head all", o.Head(100), "1,2,3,4,5,6"},
		{"head zero", o.Head(0), ""},
		{"top negative", o.Top("total", -1), "error: table.Top: n is -1; want 0 or more"},
		{"head negative", o.Head(-2), "error: table.Head: n is -2; want 0 or more"},
		{"top no column", o.Top("x", 1), `error: table.Top: no column "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(tt.tb); !strings.HasPrefix(got, tt.want) || got == "" && tt.want != "" {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	// Head shares storage; a later table built from it must not change it.
	h := o.Head(2)
	_ = h.Where("id", ">", 0).Sort("id", true)
	if got := ids(o); got != "1,2,3,4,5,6" {
		t.Errorf("original changed: %s", got)
	}
}

func TestJoin(t *testing.T) {
	o := mustCSV(t, orders)
	regions := mustCSV(t, "name,manager,id\nwest,Ada,w\neast,Bob,e\neast,Cy,e2\n")
	got := render(o.Select("id", "region").Join(regions, "region", "name"))
	want := "id:int region:string manager:string right_id:string\n" +
		"1|west|Ada|w\n2|east|Bob|e\n2|east|Cy|e2\n3|west|Ada|w\n5|east|Bob|e\n5|east|Cy|e2\n6|west|Ada|w\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	// Numbers meet by value; text meets a numeric column when it reads as
	// a number; nil matches nothing.
	left := FromRows([]string{"k", "a"}, [][]any{{1, "one"}, {2.0, "two"}, {nil, "none"}, {3.5, "x"}})
	right := FromRows([]string{"k", "b"}, [][]any{{"1", "I"}, {"2", "II"}, {nil, "N"}, {"3.50", "3.5"}, {"z", "Z"}})
	if got, want := render(left.Join(right, "k", "k")), "k:float a:string b:string\n1|one|I\n2|two|II\n3.5|x|3.5\n"; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	ints := FromRows([]string{"k"}, [][]any{{1}, {2}})
	if got := render(ints.Join(FromRows([]string{"k", "v"}, [][]any{{2.0, "b"}}), "k", "k")); got != "k:int v:string\n2|b\n" {
		t.Errorf("int/float join: %s", got)
	}

	// right_ is applied again when right_name is taken too.
	a := FromRows([]string{"id", "x", "right_x"}, [][]any{{1, 1, 1}})
	b := FromRows([]string{"id", "x"}, [][]any{{1, 2}})
	if got := strings.Join(a.Join(b, "id", "id").Columns(), ","); got != "id,x,right_x,right_right_x" {
		t.Errorf("columns %s", got)
	}

	for _, tt := range []struct {
		tb   Table
		want string
	}{
		{o.Join(regions, "nope", "name"), `table.Join: no column "nope"`},
		{o.Join(regions, "region", "nope"), `table.Join: the other table has no column "nope"; its columns are "name", "manager", "id"`},
		{o.Join(regions.Head(-1), "region", "name"), "table.Join: the other table carries an error: table.Head: n is -1"},
	} {
		if err := tt.tb.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
}

func TestGroupBy(t *testing.T) {
	o := mustCSV(t, orders)
	tests := []struct {
		name string
		tb   Table
		want string
	}{
		{"one key", o.GroupBy("region").Agg(Count(), Sum("total"), Mean("total"), Min("note"), Max("total"), CountDistinct("paid")),
			"region:string count:int sum_total:float mean_total:float min_note:string max_total:float count_distinct_paid:int\n" +
				"west|3|45.5|15.166666666666666|first|30|1\n" +
				"east|2|27.25|13.625|nil|20|2\n" +
				"north|1|0|nil|x|nil|1\n"},
		{"two keys, As", o.GroupBy("region", "paid").Agg(Sum("id").As("ids")),
			"region:string paid:bool ids:int\nwest|true|4\neast|false|2\nnorth|false|4\neast|true|5\nwest|nil|6\n"},
		{"no keys", o.GroupBy().Agg(Count(), Sum("id"), Mean("id")), "count:int sum_id:int mean_id:float\n6|21|3.5\n"},
		{"no keys, no rows", o.Head(0).GroupBy().Agg(Count(), Sum("total"), Min("id")), "count:int sum_total:float min_id:int\n0|0|nil\n"},
		{"keys, no rows", o.Head(0).GroupBy("region").Agg(Count()), "region:string count:int\n"},
		{"distinct keys", o.GroupBy("paid").Agg(), "paid:bool\ntrue\nfalse\nnil\n"},
		{"nil group and numbers by value", FromRows([]string{"k"}, [][]any{{1}, {1.0}, {nil}, {"1"}, {nil}}).GroupBy("k").Agg(Count()),
			"k:mixed count:int\n1|2\nnil|2\n1|1\n"},
		{"text numbers sum", FromRows([]string{"v"}, [][]any{{"1.5"}, {"2"}}).GroupBy().Agg(Sum("v")), "sum_v:float\n3.5\n"},
		{"min max text", o.GroupBy().Agg(Min("region"), Max("region")), "min_region:string max_region:string\neast|west\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(tt.tb); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
	errs := []struct {
		name string
		tb   Table
		want string
	}{
		{"no key column", o.GroupBy("nope").Agg(Count()), `table.GroupBy: no column "nope"`},
		{"key twice", o.GroupBy("id", "id").Agg(Count()), `table.GroupBy: column "id" is named twice`},
		{"no agg column", o.GroupBy("region").Agg(Sum("nope")), `table.Agg: Sum("nope"): no column "nope"`},
		{"sum of text", o.GroupBy().Agg(Sum("note")), `table.Agg: Sum("note"): column "note" has the text "first" in row 0, not a number; Sum needs numbers`},
		{"mean of bools", o.GroupBy().Agg(Mean("paid")), `table.Agg: Mean("paid"): column "paid" has the bool true in row 0, not a number; Mean needs numbers`},
		{"name clash", o.GroupBy("region").Agg(Count().As("region")), `table.Agg: two columns would be named "region"; rename one with .As("name")`},
		{"same agg twice", o.GroupBy().Agg(Count(), Count()), `two columns would be named "count"`},
		{"empty agg", o.GroupBy().Agg(Agg{}), "table.Agg: empty aggregation"},
		{"empty name", o.GroupBy().Agg(Count().As("")), `table.Agg: Count("") has an empty name`},
		{"carried", o.Head(-1).GroupBy("id").Agg(Count()), "table.Head: n is -1"},
	}
	for _, tt := range errs {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.tb.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAccessors(t *testing.T) {
	o := mustCSV(t, orders)
	if o.Len() != 6 {
		t.Errorf("Len %d", o.Len())
	}
	cols := o.Columns()
	cols[0] = "changed"
	if got := strings.Join(o.Columns(), ","); got != "id,region,total,paid,note" {
		t.Errorf("Columns %s", got)
	}
	if got := fmt.Sprint(o.Column("total")); got != "[10.5 20 5 <nil> 7.25 30]" {
		t.Errorf("Column %s", got)
	}
	if got := fmt.Sprint(o.Floats("total")); got != "[10.5 20 5 0 7.25 30]" {
		t.Errorf("Floats %s", got)
	}
	if got := fmt.Sprint(o.Floats("id")); got != "[1 2 3 4 5 6]" {
		t.Errorf("Floats of ints %s", got)
	}
	if got := fmt.Sprint(FromRows([]string{"v"}, [][]any{{"1.5"}, {nil}, {2}}).Floats("v")); got != "[1.5 0 2]" {
		t.Errorf("Floats of mixed %s", got)
	}
	if got := o.Sum("total"); got != 72.75 {
		t.Errorf("Sum %v", got)
	}
	if got := o.Sum("id"); got != 21 {
		t.Errorf("Sum of ints %v", got)
	}
	if got := o.Mean("total"); got != 14.55 {
		t.Errorf("Mean %v", got)
	}
	if got := o.Head(0).Mean("total"); got != 0 {
		t.Errorf("Mean of nothing %v", got)
	}
	if got := o.Where("id", "==", 4).Sum("total"); got != 0 {
		t.Errorf("Sum of nil %v", got)
	}
	rows := o.Head(2).Rows()
	b, _ := json.Marshal(rows)
	if got, want := string(b), `[{"id":1,"note":"first","paid":true,"region":"west","total":10.5},{"id":2,"note":null,"paid":false,"region":"east","total":20}]`; got != want {
		t.Errorf("Rows %s\nwant %s", got, want)
	}
	if got := fmt.Sprint(o.Select("id", "note").Head(2).Records()); got != "[[1 first] [2 <nil>]]" {
		t.Errorf("Records %s", got)
	}
	var zero Table
	if zero.Len() != 0 || len(zero.Rows()) != 0 || zero.String() != "(no columns, 0 rows)" {
		t.Errorf("zero Table: %d %v %q", zero.Len(), zero.Rows(), zero.String())
	}
}

// panicText runs f and returns what it panicked with, as text.
func panicText(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestErrorsCarry(t *testing.T) {
	o := mustCSV(t, orders)
	bad := o.Where("regoin", "==", "west")
	first := bad.Err()
	if first == nil {
		t.Fatal("no error")
	}
	chained := bad.Select("id").Sort("id", true).Top("id", 1).Head(1).Where("id", "==", 1).Join(o, "id", "id").GroupBy("id").Agg(Count())
	if chained.Err() != first {
		t.Errorf("chain changed the error to %v", chained.Err())
	}
	if got := chained.String(); got != "table error: "+first.Error() {
		t.Errorf("String %q", got)
	}
	if rows := chained.Rows(); len(rows) != 1 || rows[0]["error"] != first.Error() {
		t.Errorf("Rows %v", rows)
	}
	for name, f := range map[string]func(){
		"Len":     func() { bad.Len() },
		"Columns": func() { bad.Columns() },
		"Column":  func() { bad.Column("id") },
		"Floats":  func() { bad.Floats("id") },
		"Sum":     func() { bad.Sum("id") },
		"Mean":    func() { bad.Mean("id") },
		"Records": func() { bad.Records() },
	} {
		if got := panicText(f); got != first.Error() {
			t.Errorf("%s panicked with %q, want the carried error", name, got)
		}
	}
	// Accessors given a bad column panic with a message naming it.
	for name, tt := range map[string]struct {
		f    func()
		want string
	}{
		"Column":      {func() { o.Column("x") }, `table.Column: no column "x"; the columns are "id", "region", "total", "paid", "note"`},
		"Floats":      {func() { o.Floats("x") }, `table.Floats: no column "x"`},
		"Floats text": {func() { o.Floats("region") }, `table.Floats: column "region" has the text "west" in row 0, not a number`},
		"Sum":         {func() { o.Sum("x") }, `table.Sum: no column "x"`},
		"Sum text":    {func() { o.Sum("note") }, `table.Sum: column "note" has the text "first" in row 0, not a number; Sum needs numbers`},
		"Mean bools":  {func() { o.Mean("paid") }, `table.Mean: column "paid" has the bool true in row 0, not a number; Mean needs numbers`},
		"no columns":  {func() { Table{}.Sum("x") }, `table.Sum: no column "x"; the table has no columns`},
	} {
		if got := panicText(tt.f); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s panicked with %q, want %q", name, got, tt.want)
		}
	}
	// The error is an error value, for programs that recover it.
	func() {
		defer func() {
			if _, ok := recover().(error); !ok {
				t.Error("panic value is not an error")
			}
		}()
		o.Sum("x")
	}()
}

func TestString(t *testing.T) {
	o := mustCSV(t, orders)
	want := `id  region  total  paid   note
--  ------  -----  -----  ----------
 1  west     10.5  true   first
 2  east       20  false
 3  west        5  true   rush order
 4  north          false  x
 5  east     7.25  true
 6  west       30         says "hi"
`
	if got := o.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	var b strings.Builder
	b.WriteString("n,s\n")
	for i := 0; i < 25; i++ {
		fmt.Fprintf(&b, "%d,\"%s\"\n", i, strings.Repeat("x\n", i))
	}
	got := mustCSV(t, b.String()).String()
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 23 || lines[22] != "... 5 more rows" {
		t.Errorf("%d lines, last %q", len(lines), lines[len(lines)-1])
	}
	if cell := strings.TrimSpace(strings.TrimPrefix(lines[21], "19")); !strings.HasSuffix(cell, "…") || len([]rune(cell)) != maxWidth {
		t.Errorf("long cell %q", lines[21])
	}
	if got := o.Head(0).String(); !strings.HasSuffix(got, "(no rows)\n") {
		t.Errorf("no rows: %q", got)
	}
	if got := mustCSV(t, "a\n1\n2\n").Head(21).String(); strings.Contains(got, "more") {
		t.Errorf("short table: %q", got)
	}
	if got := FromRows([]string{"f"}, [][]any{{1e-7}, {1e20}, {0.1}}).String(); got != "    f\n-----\n1e-07\n1e+20\n  0.1\n" {
		t.Errorf("floats %q", got)
	}
}
