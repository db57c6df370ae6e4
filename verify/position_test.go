package verify

import (
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// TestLocate maps every character of rules written in each YAML style back
// to the file, and checks that the file holds that character there.
func TestLocate(t *testing.T) {
	tests := []struct {
		name string
		src  string
	}{
		{"plain", "r: args.path == 'données' and x\n"},
		{"plain over lines", "r: args.path ==\n   'x'   and\n\n   y\n"},
		{"single-quoted", "r: 'a == ''b'' and ü'\n"},
		{"single-quoted over lines", "r: 'a ==\n    b\n\n    and c'\n"},
		{"double-quoted", "r: \"a == \\\"b\\\" and \\u00fc \\t c\"\n"},
		{"double-quoted with an escaped line break", "r: \"abc \\\n    def\"\n"},
		{"literal", "r: |\n  first == 1\n    and second\n"},
		{"literal keeping trailing lines", "r: |+\n  a\n\n  b\n\n"},
		{"folded", "r: >-\n  one\n  two\n\n  three\n"},
		{"CRLF", "r: |\r\n  a and\r\n  b\r\n"},
		{"flow mapping", "x: {r: 'ab' }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLoader("p.yaml", []byte(tt.src), nil)
			s := ruleNamed(t, l, tt.src, "r")
			lines := newLineIndex([]byte(tt.src))
			for k, r := range []rune(s.value) {
				line, col := lines.locate(s, k)
				off := lines.offset(line, col)
				got, _ := utf8.DecodeRune([]byte(tt.src[off:]))
				switch {
				case got == r:
				case r == ' ' || r == '\n':
					if got != '\n' && got != '\r' {
						t.Errorf("value[%d] = %q (a folded line break) located at %d:%d holding %q", k, r, line, col, got)
					}
				default:
					// An escape sequence or doubled quote.
					if got != '\\' && got != '\'' {
						t.Errorf("value[%d] = %q located at %d:%d holding %q", k, r, line, col, got)
					}
				}
			}
		})
	}
}

// ruleNamed finds the scalar under key in src, at any depth.
func ruleNamed(t *testing.T, l *loader, src, key string) scalar {
	t.Helper()
	f, err := parser.ParseBytes([]byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	var found ast.Node
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		m, ok := n.(*ast.MappingNode)
		if !ok {
			return
		}
		for _, kv := range m.Values {
			if k, ok := kv.Key.(*ast.StringNode); ok && k.Value == key {
				found = kv.Value
			}
			walk(kv.Value)
		}
	}
	walk(f.Docs[0].Body)
	s, ok := l.ruleScalar(found, key)
	if !ok {
		t.Fatalf("no scalar %s in %q", key, src)
	}
	return s
}
