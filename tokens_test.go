package airlock_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/airlockhq/airlock"
	airexec "github.com/airlockhq/airlock/exec"
	"github.com/airlockhq/airlock/fixtures"
	"github.com/airlockhq/airlock/tools"

	_ "modernc.org/sqlite"
)

// TestToolDataTokens holds stats.tool_data_tokens to its definition: the
// tokens of what an agent calling the same tools directly would have had
// put in its context. A file's text (not its decoded rows), an HTTP body,
// SQL rows as one JSON result set, a command's output, a workspace file,
// an MCP result's text content, and every command of a script, each stage
// of a pipeline included. Each run's figure is compared with the raw
// text's own count, within 5%.
func TestToolDataTokens(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	os.Mkdir(data, 0o755)
	var csv strings.Builder
	csv.WriteString("id,name,region,active,mrr\n")
	for i := range 2000 {
		fmt.Fprintf(&csv, "%d,customer %d,%s,%v,%d.50\n", i, i, []string{"emea", "apac", "na"}[i%3], i%4 != 0, 100+i*7)
	}
	var log strings.Builder
	for i := range 3000 {
		level := []string{"INFO", "WARN", "ERROR"}[i%3]
		fmt.Fprintf(&log, "2026-12-07T10:%02d:%02dZ %s request %d took %dms for user-%d\n", (i/60)%60, i%60, level, i, 10+i%900, i%97)
	}
	os.WriteFile(filepath.Join(data, "accounts.csv"), []byte(csv.String()), 0o644)
	os.WriteFile(filepath.Join(data, "app.log"), []byte(log.String()), 0o644)
	shop, _ := filepath.Abs(filepath.Join("testdata", "shop.db"))
	page := strings.Repeat("<p>An HTML page, as a site serves it, with some markup &amp; text.</p>\n", 400)
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	defer web.Close()
	servers := fixtures.MCPServers(t)
	mcpGrant, mcp := fixtures.FilesServer(servers)
	policy := `name: accounting
imports: [fmt, strings]
tools:
  fs.ReadFile: {}
  fs.ReadCSV: {}
  fs.ReadCSVRows: {}
  http.Get: {}
  cli.Grep: {}
  workspace.WriteFile: {}
  workspace.ReadFile: {}
  sql.Query: {allow: 'args.read_only'}
  shell.Run: {}
  sh.grep: {}
  sh.sort: {}
  sh.tail: {}
  shell.Open: {allow: 'args.mode == "read"'}
` + mcpGrant + `providers:
  fs:
    roots: {data: data}
  sql:
    database: ` + shop + `
    read_only: true
  shell:
    dir: data
  http:
    allow_private: true
  cli:
    Grep:
      doc: The lines of the log that mention a word.
      command: [grep, "{word}", app.log]
      params: [{name: word}]
      dir: data
` + mcp + `limits:
  timeout: 60s
  memory: 1GiB
`
	path := filepath.Join(dir, "policy.yaml")
	os.WriteFile(path, []byte(policy), 0o644)
	eng, err := airlock.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()

	grepOut, _ := exec.Command("grep", "ERROR", filepath.Join(data, "app.log")).Output()
	cmd := exec.Command("sh", "-c", "grep WARN app.log")
	cmd.Dir = data
	warn, _ := cmd.Output()
	cmd = exec.Command("sh", "-c", "grep WARN app.log | sort -k4")
	cmd.Dir = data
	sorted, _ := cmd.Output()
	cmd = exec.Command("sh", "-c", "grep WARN app.log | sort -k4 | tail -20")
	cmd.Dir = data
	top, _ := cmd.Output()
	sqlJSON := sqlResultSet(t, shop, "SELECT id, customer_id, status, total FROM orders LIMIT 500")

	cases := []struct {
		name, file, src string
		raw             string // what a direct agent would have read
	}{
		{"fs.ReadFile", "p.go", program(`b, err := fs.ReadFile("data/app.log"); fmt.Println(len(b), err)`, "airlock/fs"), log.String()},
		{"fs.ReadCSV", "p.go", program(`rows, err := fs.ReadCSV("data/accounts.csv"); fmt.Println(len(rows), err)`, "airlock/fs"), csv.String()},
		{"fs.ReadCSVRows", "p.go", program(`rows, err := fs.ReadCSVRows("data/accounts.csv"); fmt.Println(len(rows), err)`, "airlock/fs"), csv.String()},
		{"http.Get", "p.go", program(`r, err := http.Get("`+web.URL+`/page"); fmt.Println(len(r.Body), err)`, "airlock/http"), page},
		{"sql.Query", "p.go", program(`rows, err := sql.Query("SELECT id, customer_id, status, total FROM orders LIMIT 500"); fmt.Println(len(rows), err)`, "airlock/sql"), sqlJSON},
		{"cli", "p.go", program(`lines, err := cli.Grep("ERROR"); fmt.Println(len(lines), err)`, "airlock/cli"), string(grepOut)},
		{"workspace.ReadFile", "p.go", program(`workspace.WriteFile("log.txt", strings.Repeat("a workspace line of text\n", 2000)); s, err := workspace.ReadFile("log.txt"); fmt.Println(len(s), err)`, "airlock/workspace"), strings.Repeat("a workspace line of text\n", 2000)},
		{"a script's pipeline", "p.sh", "grep WARN app.log | sort -k4 | tail -20\n", string(warn) + string(sorted) + string(top)},
		{"shell.Run", "p.go", program(`out, err := shell.Run("grep WARN app.log | sort -k4 | tail -20"); fmt.Println(len(out), err)`, "airlock/shell"), string(warn) + string(sorted) + string(top)},
	}
	if servers != "" {
		content, _ := os.ReadFile(filepath.Join(data, "app.log"))
		cases = append(cases, struct{ name, file, src, raw string }{"mcp", "p.go",
			program(`r, err := files.ReadTextFile(files.ReadTextFileArgs{Path: "app.log"}); fmt.Println(len(r.Content), err)`, "airlock/mcp/files"), string(content)})
	} else {
		t.Log("no MCP servers from the npm registry: the MCP case is left out")
	}
	t.Logf("%-22s %10s %16s %8s", "provider", "raw tokens", "tool_data_tokens", "ratio")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws, err := tools.OpenWorkspace(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			defer ws.Close()
			s := eng.Run(tools.WithWorkspace(context.Background(), ws), c.file, []byte(c.src), airlock.RunOptions{})
			if s.Status != airexec.StatusOK {
				t.Fatalf("status %s: %+v %q", s.Status, s.Error, s.Output)
			}
			want := airexec.CountTokens(c.raw)
			got := s.Stats.ToolDataTokens
			ratio := float64(got) / float64(want)
			t.Logf("%-22s %10d %16d %8.3f", c.name, want, got, ratio)
			if want == 0 || math.Abs(ratio-1) > 0.05 {
				t.Errorf("tool_data_tokens %d, raw tokens %d (%.3f): not within 5%%", got, want, ratio)
			}
		})
	}
}

// program is a Go program whose main is body, importing fmt, strings and
// the tool package.
func program(body, pkg string) string {
	return "package main\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\n\t\"" + pkg + "\"\n)\n\nvar _ = strings.Repeat\n\nfunc main() {\n\t" + strings.ReplaceAll(body, "; ", "\n\t") + "\n}\n"
}

// sqlResultSet is the JSON result set a direct SQL tool returns for query:
// an array of one object per row.
func sqlResultSet(t *testing.T, db, query string) string {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []map[string]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := map[string]any{}
		for i, c := range cols {
			row[c] = vals[i]
		}
		out = append(out, row)
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
