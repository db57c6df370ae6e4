package exec

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools"
)

// TestStubSource checks that every built-in tool package turns into a stub
// that parses and forwards each function under its tool name.
func TestStubSource(t *testing.T) {
	for _, pkg := range tools.BuiltinPackages() {
		src, err := stubSource(pkg)
		if err != nil {
			t.Fatalf("%s: %v", pkg.Path, err)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "stub.go", src, 0); err != nil {
			t.Fatalf("%s: stub does not parse: %v\n%s", pkg.Path, err, src)
		}
		sigs, err := tools.Signatures(pkg)
		if err != nil {
			t.Fatal(err)
		}
		for _, sig := range sigs {
			if !strings.Contains(src, `airlockrt.Call("`+sig.Name+`"`) {
				t.Errorf("%s: no forwarding call for %s", pkg.Path, sig.Name)
			}
		}
	}
}

func TestStubSourceRejectsBadDeclarations(t *testing.T) {
	for _, src := range []string{
		"package x\nfunc F(a string) int\n",           // no error result
		"package x\nfunc F(string) error\n",           // unnamed parameter
		"package x\nfunc F() error { return nil }\n",  // a body
		"package x\nfunc F() (int, string, error)\n",  // too many results
		"package x\ntype T int\nfunc (T) F() error\n", // a method
	} {
		if _, err := stubSource(plan.ToolPackage{Path: "airlock/x", Name: "x", Source: src}); err == nil {
			t.Errorf("accepted:\n%s", src)
		}
	}
}
