package exec_test

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/airlockhq/airlock"
	"github.com/airlockhq/airlock/exec"
)

// TestEarlyAnswer: a run answered as soon as its child's final report and
// output are in (Options.Early, as airlock mcp runs) says what a run
// answered after the child has ended says, for every way a program ends;
// Wait then returns, and nothing of the children is left.
func TestEarlyAnswer(t *testing.T) {
	self := selfBinary(t)
	timeout := "1s"
	if raceBuild {
		timeout = "5s"
	}
	policy := "name: early\nimports: [fmt, log, os, strings, time]\nlimits:\n  timeout: " + timeout + "\n  output_bytes: 64KiB\n"
	eng, err := airlock.LoadPolicy("early.yaml", []byte(policy), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	pool := exec.NewPool(2, eng.Policy(), self)
	defer pool.Close()
	programs := map[string]string{
		"ok":           `fmt.Println("hello")`,
		"last lines":   `for i := range 20000 { fmt.Println("line", i) }`,
		"no newline":   `fmt.Print(strings.Repeat("x", 70000))`,
		"stderr":       `fmt.Fprintln(os.Stderr, "to stderr"); fmt.Println("to stdout")`,
		"result":       `fmt.Println("before"); airlock.Result(map[string]int{"n": 3})`,
		"exit":         `fmt.Println("leaving"); os.Exit(3)`,
		"log.Fatal":    `log.SetFlags(0); log.Fatal("fatal")`,
		"panic":        `fmt.Println("x"); panic("boom")`,
		"goroutine":    `done := make(chan bool); go func() { fmt.Println("from a goroutine"); done <- true }(); <-done`,
		"crash":        `go func() { panic("in a goroutine") }(); time.Sleep(time.Second)`,
		"timeout":      `for { time.Sleep(time.Millisecond) }`,
		"output flood": `for { fmt.Println(strings.Repeat("y", 1000)) }`,
	}
	for name, body := range programs {
		t.Run(name, func(t *testing.T) {
			src := fmt.Sprintf("package main\n\nimport (\n\t\"fmt\"\n\t\"log\"\n\t\"os\"\n\t\"strings\"\n\t\"time\"\n\n\t\"airlock\"\n)\n\nvar _, _, _, _, _ = fmt.Print, log.Print, os.Exit, strings.Repeat, time.Now\nvar _ = airlock.Result\n\nfunc main() {\n\t%s\n}\n", body)
			var got [2]*exec.Summary
			for i, early := range []bool{false, true} {
				s := eng.Run(context.Background(), "p.go", []byte(src), airlock.RunOptions{Options: exec.Options{Self: self, Pool: pool, Early: early}})
				waited := make(chan struct{})
				go func() { s.Wait(); close(waited) }()
				select {
				case <-waited:
				case <-time.After(10 * time.Second):
					t.Fatal("Wait did not return")
				}
				got[i] = s
			}
			late, soon := got[0], got[1]
			if late.Status != soon.Status || late.Output != soon.Output || late.Limit != soon.Limit ||
				!reflect.DeepEqual(late.Error, soon.Error) || string(late.Result) != string(soon.Result) || !reflect.DeepEqual(late.Truncated, soon.Truncated) {
				t.Errorf("answered after the child ended: %s %q %+v %s\nanswered early: %s %q %+v %s",
					late.Status, clip(late.Output), late.Error, late.Result, soon.Status, clip(soon.Output), soon.Error, soon.Result)
			}
			if soon.Status == exec.StatusOK && (soon.Stats.CPUMillis <= 0 || soon.Stats.PeakMemoryBytes <= 0) {
				t.Errorf("an early answer without the child's usage: %+v", soon.Stats)
			}
		})
	}
	pool.Close()
	time.Sleep(100 * time.Millisecond)
	if left := descendants(os.Getpid()); len(left) > 0 {
		t.Fatalf("processes left behind: %v", left)
	}
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:100] + "…" + s[len(s)-100:]
	}
	return s
}
