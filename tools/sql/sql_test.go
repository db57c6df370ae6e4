package sql

import (
	"context"
	dbsql "database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/airlockhq/airlock/plan/decl"
)

// newDB creates a SQLite database at a temporary path with the given
// statements and returns its path.
func newDB(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := dbsql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}

var testSchema = []string{
	`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, vip BOOLEAN)`,
	`INSERT INTO customers VALUES (1, 'Ada', 1), (2, 'Grace', 0), (3, 'O''Brien', 0)`,
	`CREATE TABLE secrets (k TEXT, v TEXT)`,
	`INSERT INTO secrets VALUES ('token', 'hunter2')`,
	`CREATE VIEW names AS SELECT name FROM customers`,
}

// newProvider returns a provider over path with extra settings.
func newProvider(t *testing.T, path string, extra map[string]any) *Provider {
	t.Helper()
	cfg := map[string]any{"database": path}
	for k, v := range extra {
		cfg[k] = v
	}
	p, err := New(cfg, "/")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// call sends fn its arguments as the child's stub does: a JSON array of
// [query, args], where args is the variadic slice (null when empty).
func call(p *Provider, fn, query string, args ...any) (any, error) {
	raw, err := encodeArgs(query, args)
	if err != nil {
		return nil, err
	}
	canon, err := p.Prepare(fn, raw)
	if err != nil {
		return nil, err
	}
	return p.Call(context.Background(), fn, canon)
}

func encodeArgs(query string, args []any) ([]json.RawMessage, error) {
	var raw []json.RawMessage
	for _, a := range []any{query, args} {
		b, err := json.Marshal(a)
		if err != nil {
			return nil, err
		}
		raw = append(raw, b)
	}
	return raw, nil
}

func TestTypedValues(t *testing.T) {
	path := newDB(t,
		`CREATE TABLE v (i INTEGER, f REAL, s TEXT, b BLOB, n TEXT, whole REAL, big INTEGER, d DATETIME)`,
		`INSERT INTO v VALUES (42, 2.5, 'héllo', x'00ff', NULL, 3.0, 9007199254740993, '2024-05-01 09:30:00')`)
	p := newProvider(t, path, nil)
	got, err := call(p, "Query", "SELECT * FROM v")
	if err != nil {
		t.Fatal(err)
	}
	want := Records{{"i": int64(42), "f": 2.5, "s": "héllo", "b": "AP8=", "n": nil, "whole": 3.0,
		"big": int64(9007199254740993), "d": "2024-05-01T09:30:00Z"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Query = %#v\nwant %#v", got, want)
	}
	// On the wire, a whole float stays a float and a big integer exact.
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `[{"b":"AP8=","big":9007199254740993,"d":"2024-05-01T09:30:00Z","f":2.5,"i":42,"n":null,"s":"héllo","whole":3.0}]`
	if string(b) != wantJSON {
		t.Errorf("JSON = %s\nwant %s", b, wantJSON)
	}

	rows, err := call(p, "QueryRows", "SELECT i, whole, i AS i FROM v")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := json.Marshal(rows); string(b) != `{"Columns":["i","whole","i"],"Rows":[[42,3.0,42]]}` {
		t.Errorf("QueryRows JSON = %s", b)
	}
	// Query refuses two columns of the same name rather than lose one.
	if _, err := call(p, "Query", "SELECT i, i FROM v"); err == nil || !strings.Contains(err.Error(), `names column "i" twice`) {
		t.Errorf("duplicate columns: %v", err)
	}
}

func TestArgs(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), nil)
	tests := []struct {
		query string
		args  []any
		want  Records
	}{
		{"SELECT name FROM customers WHERE id = ?", []any{2}, Records{{"name": "Grace"}}},
		{"SELECT name FROM customers WHERE id = ?1 OR id = ?1 + 1 ORDER BY id", []any{int64(1)}, Records{{"name": "Ada"}, {"name": "Grace"}}},
		{"SELECT ? AS f, ? AS b, ? AS n, ? AS s", []any{1.5, true, nil, "x"}, Records{{"f": 1.5, "b": int64(1), "n": nil, "s": "x"}}},
		{"SELECT count(*) AS n FROM customers", nil, Records{{"n": int64(3)}}},
		// Injection attempts in arguments are values, never SQL.
		{"SELECT count(*) AS n FROM customers WHERE name = ?", []any{"x' OR '1'='1"}, Records{{"n": int64(0)}}},
		{"SELECT count(*) AS n FROM customers WHERE name = ?", []any{"Ada'; DROP TABLE customers; --"}, Records{{"n": int64(0)}}},
		{"SELECT name FROM customers WHERE name = ?", []any{"O'Brien"}, Records{{"name": "O'Brien"}}},
		{"SELECT count(*) AS n FROM customers WHERE id = ?", []any{"1 OR 1=1"}, Records{{"n": int64(0)}}},
	}
	for _, tt := range tests {
		got, err := call(p, "Query", tt.query, tt.args...)
		if err != nil {
			t.Errorf("%s %v: %v", tt.query, tt.args, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %v = %v; want %v", tt.query, tt.args, got, tt.want)
		}
	}
	if got, _ := call(p, "Query", "SELECT count(*) AS n FROM customers"); !reflect.DeepEqual(got, Records{{"n": int64(3)}}) {
		t.Errorf("customers changed after injection attempts: %v", got)
	}

	// Arguments that are not plain values are refused before the policy.
	for _, arg := range []any{[]int{1}, map[string]int{"a": 1}} {
		if _, err := call(p, "Query", "SELECT ?", arg); err == nil || !strings.Contains(err.Error(), "args[0]: want a string, number, bool or nil") {
			t.Errorf("argument %v: %v", arg, err)
		}
	}
}

func TestPrepareCanonical(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), nil)
	raw, _ := encodeArgs("  /* top */ SELECT c.name FROM customers c JOIN secrets s ON 1 WHERE c.id = ? ;  ", []any{7, "a", 2.5, nil})
	got, err := p.Prepare("Query", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"query":     "/* top */ SELECT c.name FROM customers c JOIN secrets s ON 1 WHERE c.id = ?",
		"args":      []any{int64(7), "a", 2.5, nil},
		"statement": "select",
		"tables":    []string{"customers", "secrets"},
		"read_only": true,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Prepare = %#v\nwant %#v", got, want)
	}
	// No variadic arguments arrive as null.
	got, err = p.Prepare("Exec", []json.RawMessage{json.RawMessage(`"DELETE FROM customers"`), json.RawMessage(`null`)})
	if err != nil || !reflect.DeepEqual(got["args"], []any{}) || got["read_only"] != false || got["statement"] != "delete" {
		t.Errorf("Prepare(Exec, null args) = %v, %v", got, err)
	}

	refused := []struct {
		raw  []json.RawMessage
		want string
	}{
		{[]json.RawMessage{json.RawMessage(`"SELECT 1; DELETE FROM customers"`), json.RawMessage(`[]`)}, "one statement per call"},
		{[]json.RawMessage{json.RawMessage(`"SELECT 1 /* */ ; /* */ DROP TABLE secrets"`), json.RawMessage(`null`)}, "one statement per call"},
		{[]json.RawMessage{json.RawMessage(`"  ;  "`), json.RawMessage(`null`)}, "query is empty"},
		{[]json.RawMessage{json.RawMessage(`1`), json.RawMessage(`null`)}, "argument query: want a string"},
		{[]json.RawMessage{json.RawMessage(`"SELECT 1"`)}, "takes a query and its arguments"},
		{[]json.RawMessage{json.RawMessage(`"SELECT 1"`), json.RawMessage(`{"a":1}`)}, "want a list of values"},
		{[]json.RawMessage{json.RawMessage(`"SELECT 'x"`), json.RawMessage(`null`)}, "unterminated string"},
	}
	for _, tt := range refused {
		if _, err := p.Prepare("Query", tt.raw); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Prepare(%s) = %v; want an error containing %q", tt.raw, err, tt.want)
		}
	}

	// Call takes only canonical arguments.
	canon, _ := p.Prepare("Query", raw)
	canon["tables"] = []string{"customers"}
	if _, err := p.Call(context.Background(), "Query", canon); err == nil || !strings.Contains(err.Error(), "not in canonical form") {
		t.Errorf("Call with altered tables: %v", err)
	}
}

func TestMaxRows(t *testing.T) {
	path := newDB(t, `CREATE TABLE n (x INTEGER)`,
		`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 250) INSERT INTO n SELECT x FROM c`)
	p := newProvider(t, path, map[string]any{"max_rows": 100})
	if _, err := call(p, "Query", "SELECT x FROM n"); err == nil || !strings.Contains(err.Error(), "more than 100 rows") {
		t.Errorf("250 rows under max_rows 100: %v", err)
	}
	got, err := call(p, "QueryRows", "SELECT x FROM n ORDER BY x LIMIT 100")
	if err != nil || len(got.(Rows).Rows) != 100 {
		t.Errorf("LIMIT 100 under max_rows 100: %v", err)
	}
	if got, err := call(p, "Query", "SELECT count(*) AS n FROM n"); err != nil || !reflect.DeepEqual(got, Records{{"n": int64(250)}}) {
		t.Errorf("count = %v, %v", got, err)
	}
}

func TestTimeout(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), map[string]any{"timeout": "300ms"})
	start := time.Now()
	_, err := call(p, "Query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c")
	elapsed := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "longer than the timeout of 300ms") {
		t.Errorf("endless query: %v", err)
	}
	if elapsed > 3*time.Second {
		t.Errorf("endless query stopped after %s; timeout is 300ms", elapsed)
	}
	// The connection is still usable afterwards.
	if _, err := call(p, "Query", "SELECT 1 AS one"); err != nil {
		t.Errorf("query after timeout: %v", err)
	}
}

// writes are statements a read-only provider must refuse in the database,
// whatever a policy said. Each succeeds, as a positive control, on a
// writable provider unless alwaysRefused.
var writes = []struct {
	query         string
	alwaysRefused bool
}{
	{query: "INSERT INTO customers (id, name) VALUES (9, 'Mallory')"},
	{query: "UPDATE customers SET name = 'x'"},
	{query: "DELETE FROM customers"},
	{query: "REPLACE INTO customers (id, name) VALUES (1, 'x')"},
	{query: "CREATE TABLE t2 (x)"},
	{query: "CREATE TEMP TABLE t3 (x)"},
	{query: "CREATE INDEX ix ON customers(name)"},
	{query: "DROP VIEW names"},
	{query: "ALTER TABLE customers ADD COLUMN y"},
	{query: "PRAGMA writable_schema = 1"},
	{query: "PRAGMA query_only = 0"},
	{query: "PRAGMA user_version = 7"},
	{query: "ATTACH DATABASE 'other.db' AS other", alwaysRefused: true},
	{query: "VACUUM INTO 'copy.db'", alwaysRefused: true},
	{query: "WITH x AS (SELECT 1) DELETE FROM customers"},
}

func TestReadOnly(t *testing.T) {
	path := newDB(t, testSchema...)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	p := newProvider(t, path, map[string]any{"read_only": true})
	for _, w := range writes {
		for _, fn := range []string{"Exec", "Query"} {
			if _, err := call(p, fn, w.query); err == nil {
				t.Errorf("read-only %s(%q) succeeded", fn, w.query)
			}
		}
	}
	if _, err := call(p, "Query", "DELETE FROM customers WHERE id > ? RETURNING id", 0); err == nil || err.Error() != "the database is read-only: DELETE on customers refused" {
		t.Errorf("DELETE ... RETURNING through Query: %v", err)
	}
	// Reading still works, and the file is unchanged, with nothing beside it.
	if got, err := call(p, "Query", "SELECT count(*) AS n FROM customers"); err != nil || !reflect.DeepEqual(got, Records{{"n": int64(3)}}) {
		t.Errorf("count after refused writes = %v, %v", got, err)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("the database file changed under a read-only provider")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files beside the database: %v", entries)
	}
	// The read-only session cannot be switched back by a pragma.
	if got, err := call(p, "Query", "PRAGMA query_only"); err != nil || !reflect.DeepEqual(got, Records{{"query_only": int64(1)}}) {
		t.Errorf("PRAGMA query_only = %v, %v", got, err)
	}
}

func TestWritable(t *testing.T) {
	for _, w := range writes {
		p := newProvider(t, newDB(t, testSchema...), map[string]any{"read_only": false})
		_, err := call(p, "Exec", w.query)
		if w.alwaysRefused {
			if err == nil {
				t.Errorf("writable Exec(%q) succeeded; it must always be refused", w.query)
			}
			continue
		}
		if err != nil {
			t.Errorf("writable Exec(%q): %v", w.query, err)
		}
	}
	p := newProvider(t, newDB(t, testSchema...), map[string]any{"read_only": false})
	n, err := call(p, "Exec", "UPDATE customers SET vip = ? WHERE id > ?", true, 1)
	if err != nil || n != int64(2) {
		t.Errorf("UPDATE affected %v, %v; want 2", n, err)
	}
}

// TestGuardTables checks that the database refuses a table the canonical
// arguments do not name, should the reading of the text ever miss one.
func TestGuardTables(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), nil)
	if _, err := call(p, "Query", "SELECT 1 AS one"); err != nil { // connects
		t.Fatal(err)
	}
	ctx := context.Background()
	p.guard.begin([]string{"customers"})
	_, err := p.query(ctx, p.db, "SELECT * FROM secrets", nil)
	reason := p.guard.reason()
	p.guard.end()
	if err == nil || !strings.Contains(reason, "uses table secrets, which its canonical arguments do not name") {
		t.Errorf("unnamed table: %v (%s)", err, reason)
	}
	// A view's own tables are judged through the view.
	if got, err := call(p, "Query", "SELECT count(*) AS n FROM names"); err != nil || !reflect.DeepEqual(got, Records{{"n": int64(3)}}) {
		t.Errorf("view = %v, %v", got, err)
	}
	if _, err := call(p, "Query", "SELECT load_extension('x')"); err == nil || !strings.Contains(err.Error(), "load_extension is not allowed") {
		t.Errorf("load_extension: %v", err)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		cfg  map[string]any
		want string
	}{
		{map[string]any{"database": "x.db", "colour": "red"}, `providers.sql: unknown key "colour" (known: database, driver, dsn, max_rows, read_only, timeout)`},
		{map[string]any{"driver": "oracle", "database": "x.db"}, `providers.sql.driver: want sqlite or postgres, got "oracle"`},
		{map[string]any{"read_only": true}, "providers.sql.database: SQLite needs the database file"},
		{map[string]any{"driver": "postgres"}, "providers.sql.dsn: PostgreSQL needs a connection string"},
		{map[string]any{"driver": "postgres", "dsn": "x", "database": "y"}, "providers.sql.database: a PostgreSQL database is named by dsn"},
		{map[string]any{"database": "x.db", "max_rows": 0}, "providers.sql.max_rows: want a positive whole number"},
		{map[string]any{"database": "x.db", "max_rows": "lots"}, "providers.sql.max_rows: want a positive whole number"},
		{map[string]any{"database": "x.db", "timeout": "soon"}, "providers.sql.timeout: want a duration"},
		{map[string]any{"database": "x.db", "read_only": "yes"}, "providers.sql.read_only: want true or false"},
		{map[string]any{"database": 7}, "providers.sql.database: want a non-empty string"},
	}
	for _, tt := range tests {
		if _, err := New(tt.cfg, "/base"); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("New(%v) = %v; want %q", tt.cfg, err, tt.want)
		}
	}

	// Relative paths resolve against the policy's directory; opening waits
	// for the first call.
	p, err := New(map[string]any{"database": "../data/missing.db"}, "/base/policies")
	if err != nil {
		t.Fatal(err)
	}
	if p.database != "/base/data/missing.db" || !p.readOnly || p.maxRows != DefaultMaxRows || p.timeout != DefaultTimeout {
		t.Errorf("provider = %+v", p)
	}
	if _, err := call(p, "Query", "SELECT 1"); err == nil || !strings.Contains(err.Error(), "opening database") {
		t.Errorf("missing database: %v", err)
	}

	// No section: calls fail saying so.
	p, err = New(nil, "/base")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := call(p, "Query", "SELECT 1"); err == nil || !strings.Contains(err.Error(), "the policy names no database") {
		t.Errorf("unconfigured: %v", err)
	}
	if !strings.Contains(p.Package().Source, "Database configured by this policy: none") {
		t.Error("unconfigured package comment")
	}
}

func TestPostgresDSNFromEnvironment(t *testing.T) {
	p, err := New(map[string]any{"driver": "postgres", "dsn": "${AIRLOCK_TEST_UNSET_DSN}"}, "/")
	if err != nil {
		t.Fatal(err)
	}
	os.Unsetenv("AIRLOCK_TEST_UNSET_DSN")
	if _, err := call(p, "Query", "SELECT 1"); err == nil || err.Error() != "providers.sql.dsn: environment variable AIRLOCK_TEST_UNSET_DSN is not set" {
		t.Errorf("unset DSN variable: %v", err)
	}
	t.Setenv("AIRLOCK_TEST_BAD_DSN", "postgres://user:s3cret@[::1")
	p, _ = New(map[string]any{"driver": "postgres", "dsn": "${AIRLOCK_TEST_BAD_DSN}"}, "/")
	if _, err := call(p, "Query", "SELECT 1"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("bad DSN: %v (must not quote the DSN)", err)
	}
	if strings.Contains(p.Package().Source, "AIRLOCK_TEST") {
		t.Error("the package declaration mentions the DSN")
	}
}

// TestDeclaration holds the declared functions and Rows to the provider's.
func TestDeclaration(t *testing.T) {
	funcs, err := decl.Parse(source)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range funcs {
		names = append(names, f.Name)
		if f.Name == "Tables" {
			if len(f.Params) != 0 {
				t.Errorf("Tables params %v", f.Params)
			}
			continue
		}
		if !reflect.DeepEqual(f.Params, []string{"query", "args"}) || !reflect.DeepEqual(f.Types, []string{"string", "...any"}) {
			t.Errorf("%s params %v %v", f.Name, f.Params, f.Types)
		}
	}
	if !reflect.DeepEqual(names, []string{"Tables", "Query", "QueryRows", "Exec"}) {
		t.Errorf("functions %v", names)
	}
	if !strings.Contains(source, "Columns []string") || !strings.Contains(source, "Rows    [][]any") {
		t.Error("Rows in the declaration no longer matches the provider's Rows")
	}
	for _, typ := range []any{Rows{}, Table{}, Column{}} {
		rt := reflect.TypeOf(typ)
		for i := range rt.NumField() {
			f := rt.Field(i)
			if !strings.Contains(source, "\t"+f.Name+" ") {
				t.Errorf("declared %s has no field %s %s", rt.Name(), f.Name, f.Type)
			}
		}
	}
	p := newProvider(t, "/x.db", nil)
	if !strings.Contains(p.Package().Source, "Database configured by this policy: SQLite, read-only.") {
		t.Error("package comment does not say read-only SQLite")
	}
}

func TestTables(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), nil)
	raw, _ := json.Marshal([]any{})
	var none []json.RawMessage
	json.Unmarshal(raw, &none)
	canon, err := p.Prepare("Tables", none)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.Call(context.Background(), "Tables", canon)
	if err != nil {
		t.Fatal(err)
	}
	want := []Table{
		{Name: "customers", Columns: []Column{{"id", "INTEGER"}, {"name", "TEXT"}, {"vip", "BOOLEAN"}}},
		{Name: "names", View: true, Columns: []Column{{"name", "TEXT"}}},
		{Name: "secrets", Columns: []Column{{"k", "TEXT"}, {"v", "TEXT"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tables = %+v\nwant %+v", got, want)
	}
	if _, err := p.Prepare("Tables", []json.RawMessage{json.RawMessage(`1`)}); err == nil {
		t.Error("Tables took an argument")
	}
}

// TestShippedDatabase queries the example database under testdata/.
func TestShippedDatabase(t *testing.T) {
	p, err := New(map[string]any{"database": "../../testdata/shop.db"}, ".")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	got, err := call(p, "Query", `SELECT (SELECT count(*) FROM orders) AS orders,
		(SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM products) AS products`)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Records{{"orders": int64(12000), "customers": int64(2000), "products": int64(120)}}); !reflect.DeepEqual(got, want) {
		t.Errorf("counts = %v; want %v", got, want)
	}
	got, err = call(p, "Query", `SELECT c.country, count(*) AS n, round(sum(o.total), 2) AS revenue
		FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = ? GROUP BY c.country ORDER BY revenue DESC LIMIT 3`, "delivered")
	if err != nil {
		t.Fatal(err)
	}
	if rows := got.(Records); len(rows) != 3 || rows[0]["country"] != "US" {
		t.Errorf("top countries = %v", got)
	}
}

func BenchmarkQueryShop(b *testing.B) {
	p, err := New(map[string]any{"database": "../../testdata/shop.db", "max_rows": 20000}, ".")
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	for _, bm := range []struct {
		name, fn, query string
		encode          bool
	}{
		{"all-orders-maps", "Query", "SELECT * FROM orders", true},
		{"all-orders-rows", "QueryRows", "SELECT * FROM orders", true},
		{"all-orders-rows-no-json", "QueryRows", "SELECT * FROM orders", false},
		{"aggregate", "Query", "SELECT status, count(*) AS n, sum(total) AS total FROM orders GROUP BY status", true},
		{"point", "Query", "SELECT * FROM orders WHERE id = 777", true},
	} {
		b.Run(bm.name, func(b *testing.B) {
			var size int
			for b.Loop() {
				v, err := call(p, bm.fn, bm.query)
				if err != nil {
					b.Fatal(err)
				}
				if bm.encode {
					out, _ := json.Marshal(v)
					size = len(out)
				}
			}
			b.ReportMetric(float64(size), "json-bytes")
		})
	}
}

// TestReadOnlyLayers checks that the read-only connection holds without the
// authorizer's read-only rules: PRAGMA query_only refuses writes, and when
// a statement turns it off, the read-only open mode still does.
func TestReadOnlyLayers(t *testing.T) {
	p := newProvider(t, newDB(t, testSchema...), nil)
	if _, err := call(p, "Query", "SELECT 1 AS one"); err != nil { // connects
		t.Fatal(err)
	}
	p.guard.readOnly = false
	const insert = "INSERT INTO customers (id, name) VALUES (9, 'Mallory')"
	if _, err := call(p, "Exec", insert); err == nil || !strings.Contains(err.Error(), "readonly") {
		t.Errorf("insert under query_only: %v", err)
	}
	if _, err := call(p, "Exec", "PRAGMA query_only = 0"); err != nil {
		t.Fatalf("turning query_only off (allowed with the authorizer's rules off): %v", err)
	}
	if _, err := call(p, "Exec", insert); err == nil || !strings.Contains(err.Error(), "attempt to write a readonly database") {
		t.Errorf("insert on a read-only connection: %v", err)
	}
}

// BenchmarkConnect measures a provider's first call: opening the database
// and running a point query.
func BenchmarkConnect(b *testing.B) {
	for b.Loop() {
		p, err := New(map[string]any{"database": "../../testdata/shop.db"}, ".")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := call(p, "Query", "SELECT * FROM orders WHERE id = 777"); err != nil {
			b.Fatal(err)
		}
		p.Close()
	}
}
