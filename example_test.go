package airlock_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"testing"

	"github.com/airlockhq/airlock"
)

// TestMain makes the test binary able to serve as airlock's sandboxed
// child, as an embedding program's main does.
func TestMain(m *testing.M) {
	airlock.Child()
	os.Exit(m.Run())
}

// A Go agent wrapper embedding airlock: load the policy once, then run
// each program the model writes and hand the model the summary. The
// wrapper's main calls airlock.Child first, since the sandboxed child is
// the wrapper's own binary, re-executed.
func Example() {
	eng, err := airlock.Load("policies/spreadsheet.yaml")
	if err != nil {
		log.Fatal(err)
	}
	defer eng.Close()

	program := []byte(`package main

import (
	"fmt"

	"airlock"
	"airlock/fs"
)

func main() {
	rows, err := fs.ReadCSV("data/accounts.csv")
	if err != nil {
		fmt.Println("read failed:", err)
		return
	}
	active := 0
	for _, row := range rows {
		if row["status"] == "active" {
			active++
		}
	}
	fmt.Println("active accounts:", active)
	airlock.Result(map[string]int{"rows": len(rows), "active": active})
}
`)
	s := eng.Run(context.Background(), "agent.go", program, airlock.RunOptions{})
	fmt.Print(s.Status, "\n", s.Output)
	fmt.Printf("%s\n", s.Result)
	fmt.Println("tool calls:", s.Stats.ToolCalls, "- tool data kept out of the context:", s.Stats.ToolDataBytes, "bytes")
	// The summary the model reads: one JSON document within 2,000 tokens.
	_ = s.Encode(2000)

	// A program the policy does not allow is refused before it runs.
	s = eng.Run(context.Background(), "agent.go", []byte(`package main

import "airlock/http"

func main() { http.Get("https://example.com/") }
`), airlock.RunOptions{})
	fmt.Println(s.Status, s.Violations[0].Rule)

	// Output:
	// ok
	// active accounts: 5036
	// {"active":5036,"rows":10000}
	// tool calls: 1 - tool data kept out of the context: 2136952 bytes
	// denied import
}
