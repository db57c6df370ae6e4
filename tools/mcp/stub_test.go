package mcp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// stubbed gives every function of a generated declaration the body the
// sandbox gives it (see exec/stub.go): the arguments go to rt.Call as a
// slice, and the result is decoded into the declared type.
func stubbed(t *testing.T, name, src string) string {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "decl.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	text := func(n ast.Node) string { return src[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset] }
	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport \"rt\"\n", name)
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			b.WriteString("\n" + text(d) + "\n")
			continue
		}
		res := text(fd.Type.Results.List[0].Type)
		fmt.Fprintf(&b, "\n%s {\n\tvar r %s\n\terr := rt.Call(%q, []any{args}, &r)\n\treturn r, err\n}\n",
			text(fd.Type), res, name+"."+fd.Name.Name)
	}
	return b.String()
}

// TestInterpretedStructs runs a program in yaegi against the stub of the
// memory server's package: its struct arguments must reach the server with
// the server's property names, and results must decode into the generated
// result types, through json tags on interpreted structs.
func TestInterpretedStructs(t *testing.T) {
	p := memory(t)
	pkg := p.Package()
	var sent []string
	call := func(tool string, args []any, out any) error {
		raw := make([]json.RawMessage, len(args))
		for i, a := range args { // as the child encodes them
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			raw[i] = b
			sent = append(sent, string(b))
		}
		fn := strings.TrimPrefix(tool, "memory.")
		canon, err := p.Prepare(fn, raw)
		if err != nil {
			return err
		}
		v, err := unwrap(p.Call(context.Background(), fn, canon))
		if err != nil {
			return err
		}
		b, err := json.Marshal(v) // as the parent encodes the result
		if err != nil {
			return err
		}
		return json.Unmarshal(b, out)
	}

	var out bytes.Buffer
	in := interp.New(interp.Options{
		GoPath: ".",
		SourcecodeFilesystem: fstest.MapFS{
			"src/airlock/mcp/memory/stub.go": &fstest.MapFile{Data: []byte(stubbed(t, "memory", pkg.Source))},
		},
		Stdout: &out,
	})
	if err := in.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if err := in.Use(interp.Exports{"rt/rt": {"Call": reflect.ValueOf(call)}}); err != nil {
		t.Fatal(err)
	}
	_, err := in.Eval(`package main

import (
	"fmt"

	"airlock/mcp/memory"
)

func main() {
	res, err := memory.CreateEntities(memory.CreateEntitiesArgs{Entities: []memory.Entity{
		{Name: "yaegi", EntityType: "interpreter", Observations: []string{"honours json tags"}},
	}})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(res.Entities), res.Entities[0].EntityType)
	g, err := memory.ReadGraph(memory.ReadGraphArgs{})
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Entities[0].Name, g.Entities[0].Observations[0])
	_, err = memory.CreateEntities(memory.CreateEntitiesArgs{})
	fmt.Println(err)
}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := "1 interpreter\nyaegi honours json tags\nargument args: at /entities: type: null has type \"null\", want \"array\"\n"
	if out.String() != want {
		t.Errorf("program printed:\n%s\nwant:\n%s", out.String(), want)
	}
	if len(sent) == 0 || !strings.Contains(sent[0], `"entityType":"interpreter"`) {
		t.Errorf("arguments sent: %q", sent)
	}
}
