package cli

import (
	"fmt"
	"math"
)

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
