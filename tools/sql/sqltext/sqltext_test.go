package sqltext

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	tests := []struct {
		d        Dialect
		query    string
		stmt     string
		tables   []string
		readOnly bool
		canon    string // the canonical query, when it differs from the trimmed input
	}{
		{SQLite, "SELECT * FROM orders", "select", []string{"orders"}, true, ""},
		{SQLite, "  select id from Orders where id = ?;  ", "select", []string{"orders"}, true, "select id from Orders where id = ?"},
		{SQLite, "select 1;;", "select", nil, true, "select 1"},
		{SQLite, "-- leading comment\n/* block */ SELECT name FROM customers c JOIN orders o ON o.customer_id = c.id", "select", []string{"customers", "orders"}, true, ""},
		{SQLite, "SELECT * FROM a, b AS x, c y WHERE 1", "select", []string{"a", "b", "c"}, true, ""},
		{SQLite, "SELECT * FROM main.orders", "select", []string{"main.orders"}, true, ""},
		{SQLite, `SELECT * FROM "Odd Name" JOIN [br] JOIN ` + "`bt`", "select", []string{"br", "bt", "odd name"}, true, ""},
		{SQLite, "SELECT 'FROM secrets' AS s FROM orders -- FROM hidden", "select", []string{"orders"}, true, ""},
		{SQLite, "SELECT (SELECT max(id) FROM secrets) FROM orders", "select", []string{"orders", "secrets"}, true, ""},
		{SQLite, "SELECT * FROM (orders JOIN secrets)", "select", []string{"orders", "secrets"}, true, ""},
		{SQLite, "SELECT * FROM ((orders))", "select", []string{"orders"}, true, ""},
		{SQLite, "SELECT * FROM (SELECT * FROM orders)", "select", []string{"orders"}, true, ""},
		{SQLite, "(SELECT 1)", "select", nil, true, ""},
		{SQLite, "WITH big AS (SELECT * FROM orders WHERE total > 100) SELECT count(*) FROM big", "with", []string{"orders"}, true, ""},
		{SQLite, "WITH orders AS (SELECT * FROM secrets) SELECT * FROM orders", "with", []string{"secrets"}, true, ""},
		{SQLite, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c", "with", nil, true, ""},
		{SQLite, "WITH d AS (DELETE FROM orders RETURNING *) SELECT * FROM d", "with", []string{"orders"}, false, ""},
		{SQLite, "INSERT INTO orders (id) VALUES (1)", "insert", []string{"orders"}, false, ""},
		{SQLite, "INSERT OR REPLACE INTO products SELECT * FROM staging", "insert", []string{"products", "staging"}, false, ""},
		{SQLite, "UPDATE customers SET name = 'x' WHERE id IN (SELECT customer_id FROM orders)", "update", []string{"customers", "orders"}, false, ""},
		{SQLite, "DELETE FROM orders WHERE id = 1", "delete", []string{"orders"}, false, ""},
		{SQLite, "CREATE TABLE IF NOT EXISTS t2 AS SELECT * FROM orders", "create", []string{"orders", "t2"}, false, ""},
		{SQLite, "CREATE INDEX ix ON orders(total)", "create", []string{"orders"}, false, ""},
		{SQLite, "DROP TABLE IF EXISTS orders", "drop", []string{"orders"}, false, ""},
		{SQLite, "ALTER TABLE orders RENAME TO o2", "alter", []string{"orders"}, false, ""},
		{SQLite, "ATTACH DATABASE '/etc/x.db' AS x", "attach", nil, false, ""},
		{SQLite, "PRAGMA table_info(orders)", "pragma", []string{"orders"}, true, ""},
		{SQLite, "PRAGMA user_version", "pragma", nil, true, ""},
		{SQLite, "PRAGMA writable_schema = 1", "pragma", nil, false, ""},
		{SQLite, "PRAGMA query_only(0)", "pragma", nil, false, ""},
		{SQLite, "EXPLAIN QUERY PLAN SELECT * FROM orders", "explain", []string{"orders"}, true, ""},
		{SQLite, "VALUES (1), (2)", "values", nil, true, ""},
		{SQLite, "VACUUM INTO '/tmp/copy.db'", "vacuum", nil, false, ""},
		{SQLite, "SELECT * FROM json_each('[1]')", "select", []string{"json_each"}, true, ""},
		{SQLite, "", "", nil, false, ""},
		{SQLite, "-- only a comment", "", nil, false, ""},
		{PostgreSQL, "SELECT $1::int FROM public.orders o", "select", []string{"public.orders"}, true, ""},
		{PostgreSQL, "SELECT $$ ; DROP TABLE x; $$ FROM t", "select", []string{"t"}, true, ""},
		{PostgreSQL, "SELECT $tag$ ; $$ ; $tag$ FROM t", "select", []string{"t"}, true, ""},
		{PostgreSQL, `SELECT E'it\'s; FROM x' FROM t`, "select", []string{"t"}, true, ""},
		{PostgreSQL, "/* outer /* inner */ ; still comment */ SELECT 1", "select", nil, true, ""},
		{PostgreSQL, `SELECT * FROM "Mixed"`, "select", []string{"Mixed"}, true, ""},
		{PostgreSQL, "SELECT * INTO copy FROM orders", "select", []string{"copy", "orders"}, false, ""},
		{PostgreSQL, "EXPLAIN ANALYZE DELETE FROM orders", "explain", []string{"orders"}, false, ""},
		{PostgreSQL, "SELECT nextval('s')", "select", nil, false, ""},
		{PostgreSQL, "SET TRANSACTION READ WRITE", "set", nil, false, ""},
		{PostgreSQL, "TRUNCATE orders", "truncate", []string{"orders"}, false, ""},
		{PostgreSQL, "DELETE FROM orders USING customers WHERE true", "delete", []string{"customers", "orders"}, false, ""},
		{PostgreSQL, "SELECT * FROM ONLY orders", "select", []string{"orders"}, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			info, err := Analyze(tt.query, tt.d)
			if err != nil {
				t.Fatalf("Analyze: %v", err)
			}
			canon := tt.canon
			if canon == "" {
				canon = strings.TrimSpace(tt.query)
				if info.Statement == "" {
					canon = info.Query // a comment only
				}
			}
			if info.Query != canon || info.Statement != tt.stmt || !slices.Equal(info.Tables, tt.tables) || info.ReadOnly != tt.readOnly {
				t.Errorf("got query %q statement %q tables %q read-only %v; want %q %q %q %v",
					info.Query, info.Statement, info.Tables, info.ReadOnly, canon, tt.stmt, tt.tables, tt.readOnly)
			}
		})
	}
}

func TestAnalyzeRefuses(t *testing.T) {
	tests := []struct {
		d     Dialect
		query string
		want  string
	}{
		{SQLite, "SELECT 1; DROP TABLE orders", "one statement per call"},
		{SQLite, "SELECT 1; -- fine\n SELECT 2", "one statement per call"},
		{SQLite, "SELECT '; '; DELETE FROM orders", "one statement per call"},
		// SQLite comments do not nest: the ';' after the first "*/" is live.
		{SQLite, "SELECT 1 /* /* */ ; DELETE FROM orders /* */", "one statement per call"},
		{PostgreSQL, "SELECT 1; COMMIT", "one statement per call"},
		{PostgreSQL, "SELECT $$a$$; SELECT 2", "one statement per call"},
		{SQLite, "SELECT 'unterminated", "unterminated string"},
		{SQLite, `SELECT "unterminated`, "unterminated quoted identifier"},
		{SQLite, "SELECT 1 /* open", "unterminated comment"},
		{PostgreSQL, "SELECT $x$ open", "unterminated dollar-quoted string"},
	}
	for _, tt := range tests {
		_, err := Analyze(tt.query, tt.d)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Analyze(%q) = %v; want an error containing %q", tt.query, err, tt.want)
		}
		if strings.Contains(tt.want, "one statement") && !errors.Is(err, ErrMultiple) {
			t.Errorf("Analyze(%q) error %v is not ErrMultiple", tt.query, err)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("SELECT * FROM orders WHERE id = ?", false)
	f.Add("WITH x AS (SELECT 1) SELECT * FROM x; ", true)
	f.Add("SELECT $$;$$, E'\\'' /* /* */ */", true)
	f.Fuzz(func(t *testing.T, q string, pg bool) {
		d := SQLite
		if pg {
			d = PostgreSQL
		}
		info, err := Analyze(q, d)
		if err != nil {
			return
		}
		// The canonical query reads the same as the original.
		again, err := Analyze(info.Query, d)
		if err != nil {
			t.Fatalf("canonical query %q does not analyze: %v", info.Query, err)
		}
		if again.Query != info.Query || again.Statement != info.Statement || !slices.Equal(again.Tables, info.Tables) || again.ReadOnly != info.ReadOnly {
			t.Fatalf("analysis of %q changed after canonicalising to %q", q, info.Query)
		}
	})
}

func TestAnalyzeAny(t *testing.T) {
	info, err := AnalyzeAny(`SELECT * FROM "Orders" JOIN customers`)
	if err != nil || !slices.Equal(info.Tables, []string{"Orders", "customers", "orders"}) || !info.ReadOnly {
		t.Errorf("AnalyzeAny = %+v, %v", info, err)
	}
	// $$ quotes a string in PostgreSQL only: the SQLite reading sees a
	// second statement, so the query is refused.
	if _, err := AnalyzeAny("SELECT $$;DELETE FROM orders$$"); err == nil {
		t.Error("AnalyzeAny accepted a query that is two statements in SQLite")
	}
	// Nested comments hide a ';' in PostgreSQL only.
	if _, err := AnalyzeAny("SELECT 1 /* /* */ ; DELETE FROM orders /* */"); err == nil {
		t.Error("AnalyzeAny accepted a query that is two statements in SQLite")
	}
}

func BenchmarkAnalyze(b *testing.B) {
	const q = `SELECT c.country, count(*) AS orders, round(sum(o.total), 2) AS revenue
		FROM orders o JOIN customers c ON c.id = o.customer_id
		WHERE o.status = ? GROUP BY c.country ORDER BY revenue DESC LIMIT 5`
	for b.Loop() {
		if _, err := Analyze(q, SQLite); err != nil {
			b.Fatal(err)
		}
	}
}
