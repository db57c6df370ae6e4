package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
)

// decode decodes one JSON argument strictly into the Go type typ and
// returns it in canonical form. A []string takes null as an empty list,
// since a nil slice encodes as null.
func decode(typ string, raw json.RawMessage) (any, error) {
	want := "a " + typ
	if typ == "int" {
		want = "an int"
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil, fmt.Errorf("want %s, got nothing", want)
	}
	if bytes.Equal(raw, []byte("null")) {
		if typ == typeStrings {
			return []any{}, nil
		}
		return nil, fmt.Errorf("want %s, got null", want)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("want %s: %w", want, err)
	}
	if dec.More() || dec.InputOffset() != int64(len(raw)) {
		return nil, fmt.Errorf("want %s, got more than one value", want)
	}
	switch typ {
	case "string":
		if s, ok := v.(string); ok {
			return s, nil
		}
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case "int":
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return i, nil
			}
		}
	case "float64":
		if n, ok := v.(json.Number); ok {
			if x, err := n.Float64(); err == nil {
				return x, nil
			}
		}
	case typeStrings:
		if list, ok := v.([]any); ok {
			for i, x := range list {
				if _, ok := x.(string); !ok {
					return nil, fmt.Errorf("want a []string, but element %d is %s", i, describe(x))
				}
			}
			return list, nil
		}
	}
	return nil, fmt.Errorf("want %s, got %s", want, describe(v))
}

// canonical checks that v holds a value of the Go type typ, as Prepare
// returns it or as a Go caller would write it, and returns its canonical
// form.
func canonical(typ string, v any) (any, error) {
	switch typ {
	case "string":
		if s, ok := v.(string); ok {
			return s, nil
		}
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
	case "int":
		switch n := v.(type) {
		case int64:
			return n, nil
		case int:
			return int64(n), nil
		}
	case "float64":
		switch x := v.(type) {
		case float64:
			if !math.IsNaN(x) && !math.IsInf(x, 0) {
				return x, nil
			}
		case int64:
			return float64(x), nil
		case int:
			return float64(x), nil
		}
	case typeStrings:
		switch list := v.(type) {
		case []string:
			out := make([]any, len(list))
			for i, s := range list {
				out[i] = s
			}
			return out, nil
		case []any:
			for i, x := range list {
				if _, ok := x.(string); !ok {
					return nil, fmt.Errorf("want a []string, but element %d is %T", i, x)
				}
			}
			return list, nil
		case nil:
			return []any{}, nil
		}
	}
	return nil, fmt.Errorf("want a %s, got %T", typ, v)
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case bool:
		return "a bool"
	case json.Number:
		return "the number " + v.String()
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}
