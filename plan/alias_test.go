package plan

import (
	"fmt"
	"testing"
)

// TestCallsThrough: a tool assigned to a variable that is only ever called
// is judged by those calls' arguments; assigned again, passed on or taken
// by address, it is a value whose calls are only known at run time.
func TestCallsThrough(t *testing.T) {
	for _, c := range []struct {
		name, body string
		calls      string // the calls' first arguments, "" for none
	}{
		{"called twice", "read := fs.ReadFile\n\tread(\"data/a\")\n\tread(\"data/\" + \"b\")", `[data/a data/b]`},
		{"var form", "var read = fs.ReadFile\n\tread(\"data/a\")", `[data/a]`},
		{"reassigned", "read := fs.ReadFile\n\tread = fs.ReadFile\n\tread(\"data/a\")", ""},
		{"passed on", "read := fs.ReadFile\n\tread(\"data/a\")\n\tuse(read)", ""},
		{"address taken", "read := fs.ReadFile\n\tp := &read\n\t(*p)(\"data/a\")", ""},
		{"never called", "read := fs.ReadFile\n\t_ = read", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "package main\n\nimport \"airlock/fs\"\n\nfunc use(f func(string) (string, error)) {}\n\nfunc main() {\n\t" + c.body + "\n}\n"
			p, err := Build("p.go", []byte(src), Options{Tools: testTools})
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for _, u := range p.Uses {
				if u.Kind != "value" || len(u.Calls) == 0 {
					continue
				}
				var firsts []any
				for _, call := range u.Calls {
					firsts = append(firsts, call.Args[0].Value)
				}
				got = fmt.Sprint(firsts)
			}
			if got != c.calls {
				t.Errorf("calls %q, want %q", got, c.calls)
			}
		})
	}
}
