package plan

import (
	"encoding/json"
	"testing"
)

// mcpTools declares a tool package shaped like a generated MCP package:
// one struct argument with json tags.
var mcpTools = []ToolPackage{{Path: "airlock/mcp/files", Name: "files", Source: `package files

type Range struct {
	From int ` + "`json:\"from\"`" + `
	To   int ` + "`json:\"to,omitempty\"`" + `
}

type ReadArgs struct {
	Path   string   ` + "`json:\"path\"`" + `
	Head   float64  ` + "`json:\"head,omitempty\"`" + `
	Tags   []string ` + "`json:\"tags,omitempty\"`" + `
	Lines  Range    ` + "`json:\"lines\"`" + `
	Hidden string   ` + "`json:\"-\"`" + `
	Plain  bool
}

func Read(args ReadArgs) (string, error)
`}}

// TestStructLiterals checks that a composite literal of a tool package's
// struct type is known before run time as the JSON its stub sends.
func TestStructLiterals(t *testing.T) {
	for _, tt := range []struct {
		expr string
		want string // JSON of the argument's value; "" when unknown
	}{
		{`files.ReadArgs{Path: "a.txt"}`, `{"Plain":false,"lines":{"from":0},"path":"a.txt"}`},
		{`files.ReadArgs{Path: "a" + ".txt", Head: 3, Tags: []string{"x"}, Lines: files.Range{From: 1, To: 2}, Hidden: "h", Plain: true}`,
			`{"Plain":true,"head":3,"lines":{"from":1,"to":2},"path":"a.txt","tags":["x"]}`},
		{`files.ReadArgs{Tags: nil}`, `{"Plain":false,"lines":{"from":0},"path":""}`},
		{`(files.ReadArgs{Path: p})`, ``},
		{`files.ReadArgs{Tags: []string{p}}`, ``},
		{`args`, ``},
	} {
		src := `package main

import "airlock/mcp/files"

var p = "dyn"
var args files.ReadArgs

func main() {
	files.Read(` + tt.expr + `)
}
`
		pl, err := Build("m.go", []byte(src), Options{Tools: mcpTools})
		if err != nil {
			t.Fatal(err)
		}
		if len(pl.Findings) > 0 || len(pl.Uses) != 1 {
			t.Fatalf("%s: findings %v, uses %v", tt.expr, pl.Findings, pl.Uses)
		}
		a := pl.Uses[0].Args[0]
		got := ""
		if a.Known {
			b, _ := json.Marshal(a.Value)
			got = string(b)
		}
		if got != tt.want {
			t.Errorf("%s: value %s; want %s", tt.expr, got, tt.want)
		}
	}
}
