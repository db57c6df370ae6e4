// Values with a String or Error method, held in interfaces, matched by
// type switches and assertions to fmt.Stringer and error.
package main

import (
	"fmt"
	"strings"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type label struct{ name string }

func (l label) String() string { return "label " + l.name }

type textError struct{ text string }

func (e textError) Error() string { return "text " + e.text }

type codeError struct{ code int }

func (e *codeError) Error() string { return fmt.Sprint("code ", e.code) }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case []string:
		return "strings " + strings.Join(x, "+")
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func asText(v any) string {
	if s, ok := v.(fmt.Stringer); ok {
		return "String: " + s.String()
	}
	if e, ok := v.(error); ok {
		return "Error: " + e.Error()
	}
	return "neither"
}

func main() {
	t := celsius(21.55)
	values := []any{nil, 42, t, label{"l"}, textError{"x"}, &codeError{7}, fmt.Errorf("oops"), []string{"a", "b"}, 3.5}
	for _, v := range values {
		fmt.Println(describe(v))
	}
	for _, v := range values {
		fmt.Println(asText(v))
	}
	var s fmt.Stringer = t
	fmt.Println(s.String(), s)
}
