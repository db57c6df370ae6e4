package wire

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDecode(t *testing.T) {
	// The Rows type as a program declares it.
	type Rows struct {
		Columns []string
		Rows    [][]any
	}
	var rows Rows
	if err := Decode([]byte(`{"Columns":["id","price","big","n","nested"],"Rows":[[42,3.0,9007199254740993,null,{"a":[1,2.5]}]]}`), &rows); err != nil {
		t.Fatal(err)
	}
	want := Rows{Columns: []string{"id", "price", "big", "n", "nested"},
		Rows: [][]any{{int64(42), 3.0, int64(9007199254740993), nil, map[string]any{"a": []any{int64(1), 2.5}}}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("Rows = %#v\nwant %#v", rows, want)
	}

	var maps []map[string]any
	if err := Decode([]byte(`[{"id":7,"f":1e3,"s":"x","neg":-12}]`), &maps); err != nil {
		t.Fatal(err)
	}
	if want := []map[string]any{{"id": int64(7), "f": 1000.0, "s": "x", "neg": int64(-12)}}; !reflect.DeepEqual(maps, want) {
		t.Errorf("maps = %#v", maps)
	}

	// Typed slots decode as encoding/json decodes them.
	var n int64
	if err := Decode([]byte(`5`), &n); err != nil || n != 5 {
		t.Errorf("int64 = %d, %v", n, err)
	}
	var f float64
	if err := Decode([]byte(`5`), &f); err != nil || f != 5 {
		t.Errorf("float64 = %v, %v", f, err)
	}
	var a any
	if err := Decode([]byte(`18446744073709551616`), &a); err != nil || a != 18446744073709551616.0 {
		t.Errorf("integer beyond int64 = %#v, %v", a, err)
	}
	if Number(json.Number("-0.0")) != 0.0 {
		t.Error("-0.0")
	}
}
