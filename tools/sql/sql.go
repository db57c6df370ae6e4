// Package sql serves the airlock/sql tool package: SQL statements against
// one database the policy names, SQLite (through the pure-Go
// modernc.org/sqlite) or PostgreSQL (through pgx).
//
// Prepare puts a call's arguments in the form the policy judges: the
// statement's text, its arguments, and facts read from the text (its kind,
// the tables it names, whether it only reads; see package sqltext). It
// refuses more than one statement per call.
//
// A read-only provider does not trust that reading. SQLite is opened
// read-only with PRAGMA query_only, behind an authorizer that refuses every
// change and any table the canonical arguments do not name; PostgreSQL runs
// each statement in a READ ONLY transaction that is always rolled back, in a
// session whose default is read-only too. So a write the policy failed to
// see still fails in the database. Whatever the setting, SQLite refuses
// ATTACH, DETACH, VACUUM INTO and load_extension, which would reach other
// files or load native code.
//
// Tables lists the schema, so a program can learn it before querying.
package sql

import (
	"context"
	dbsql "database/sql"
	"database/sql/driver"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"modernc.org/sqlite"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/provider"
	"github.com/airlockhq/airlock/tools/sql/sqltext"
)

// Defaults for settings the policy leaves out.
const (
	DefaultMaxRows = 10000
	DefaultTimeout = 10 * time.Second
)

// Rows is QueryRows's result, as declared in the package source.
type Rows struct {
	Columns []string
	Rows    [][]any
}

// MarshalJSON writes r with floats that hold whole numbers marked as floats
// ("3.0"), so a reader can tell them from integers.
func (r Rows) MarshalJSON() ([]byte, error) {
	b := []byte(`{"Columns":`)
	cols, err := json.Marshal(r.Columns)
	if err != nil {
		return nil, err
	}
	b = append(append(b, cols...), `,"Rows":`...)
	b, err = appendJSON(b, r.Rows)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// Records is Query's result: one map per row.
type Records []map[string]any

// MarshalJSON writes r as Rows.MarshalJSON writes values.
func (r Records) MarshalJSON() ([]byte, error) { return appendJSON(nil, []map[string]any(r)) }

// Declaration returns the package's Go declaration, without any policy's
// configuration.
func Declaration() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/sql", Name: "sql", Source: source}
}

// funcs indexes the declared functions by name, parsed on first use.
var funcs = sync.OnceValue(func() map[string]decl.Func { return decl.MustIndex(source) })

// Provider serves airlock/sql for one policy. It connects on its first call
// and runs one statement at a time. It is safe for concurrent use.
type Provider struct {
	driver   string // "sqlite" or "postgres"; "" when the policy names no database
	database string // SQLite: absolute path of the database file
	dsn      string // PostgreSQL: connection string, ${VAR} not yet expanded
	readOnly bool
	maxRows  int
	timeout  time.Duration

	mu    sync.Mutex // serialises calls: the authorizer's state is per call
	db    *dbsql.DB
	guard *guard
}

// New returns a provider configured by the policy's providers.sql section:
//
//	driver:    sqlite               # or postgres; sqlite when left out
//	database:  ../testdata/shop.db  # SQLite: the database file, relative to baseDir
//	dsn:       "${PG_DSN}"          # PostgreSQL: connection string, ${VAR} from the environment
//	read_only: true                 # default true: the database refuses every change
//	max_rows:  10000                # more rows than this is an error
//	timeout:   10s                  # per statement
//
// A nil section configures no database: every call then fails with an error
// that says so. New does no I/O; the database is opened on the first call.
func New(cfg map[string]any, baseDir string) (*Provider, error) {
	p := &Provider{readOnly: true, maxRows: DefaultMaxRows, timeout: DefaultTimeout}
	// The shared Section has no string or count getters: those keys are
	// read here, read_only and timeout by it.
	known := []string{"database", "driver", "dsn", "max_rows", "read_only", "timeout"}
	rest := map[string]any{}
	strs := map[string]string{}
	for _, k := range slices.Sorted(maps.Keys(cfg)) {
		v := cfg[k]
		switch k {
		case "driver", "database", "dsn":
			s, ok := v.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return nil, fmt.Errorf("providers.sql.%s: want a non-empty string, got %v", k, v)
			}
			strs[k] = s
		case "max_rows":
			n, ok := count(v)
			if !ok {
				return nil, fmt.Errorf("providers.sql.max_rows: want a positive whole number, got %v", v)
			}
			p.maxRows = n
		case "read_only", "timeout":
			rest[k] = v
		default:
			return nil, fmt.Errorf("providers.sql: unknown key %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	s := config.New("sql", rest)
	p.readOnly = s.Bool("read_only", true)
	p.timeout = s.Duration("timeout", DefaultTimeout)
	if err := s.Err(); err != nil {
		return nil, err
	}
	if cfg == nil {
		return p, nil
	}
	p.driver = strs["driver"]
	if p.driver == "" {
		p.driver = "sqlite"
	}
	switch p.driver {
	case "sqlite":
		if strs["dsn"] != "" {
			return nil, errors.New("providers.sql.dsn: a SQLite database is named by database, not dsn")
		}
		db := strs["database"]
		if db == "" {
			return nil, errors.New("providers.sql.database: SQLite needs the database file")
		}
		if !filepath.IsAbs(db) {
			db = filepath.Join(baseDir, db)
		}
		p.database = filepath.Clean(db)
	case "postgres":
		if strs["database"] != "" {
			return nil, errors.New("providers.sql.database: a PostgreSQL database is named by dsn, not database")
		}
		if strs["dsn"] == "" {
			return nil, errors.New(`providers.sql.dsn: PostgreSQL needs a connection string, such as "${PG_DSN}"`)
		}
		p.dsn = strs["dsn"]
	default:
		return nil, fmt.Errorf("providers.sql.driver: want sqlite or postgres, got %q", p.driver)
	}
	return p, nil
}

// count reads a positive whole number as YAML decodes it.
func count(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, n > 0
	case int64:
		return int(n), n > 0 && n <= math.MaxInt32
	case uint64:
		return int(n), n > 0 && n <= math.MaxInt32
	case float64:
		return int(n), n > 0 && n == math.Trunc(n) && n <= math.MaxInt32
	}
	return 0, false
}

// Close closes the connection, if there is one.
func (p *Provider) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.db == nil {
		return nil
	}
	err := p.db.Close()
	p.db = nil
	return err
}

// Package returns the declaration, its package comment saying which kind
// of database this policy names and whether it is read-only.
func (p *Provider) Package() plan.ToolPackage {
	pkg := Declaration()
	var what string
	switch {
	case p.driver == "":
		what = "none (every call fails)"
	case p.driver == "sqlite":
		what = "SQLite"
	default:
		what = "PostgreSQL"
	}
	if p.driver != "" && p.readOnly {
		what += ", read-only"
	}
	pkg.Source = strings.Replace(pkg.Source, "\npackage sql\n",
		"\n//\n// Database configured by this policy: "+what+".\npackage sql\n", 1)
	return pkg
}

// Params returns the parameter names of the tool function fn.
func (p *Provider) Params(fn string) ([]string, bool) {
	f, ok := funcs()[fn]
	return f.Params, ok
}

// dialect returns the lexical rules of the configured database.
func (p *Provider) dialect() sqltext.Dialect {
	if p.driver == "postgres" {
		return sqltext.PostgreSQL
	}
	return sqltext.SQLite
}

// Prepare decodes the JSON arguments of a call, [query, [args...]], and
// returns them in canonical form:
//
//	query      the statement, without surrounding space or a trailing ';'
//	args       its arguments: string, int64, float64, bool or nil
//	statement  the statement's first keyword, lowercased ("select")
//	tables     the tables it names, sorted
//	read_only  whether the statement only reads, by its text
//
// It refuses more than one statement. It does no I/O.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	f, ok := funcs()[fn]
	if !ok {
		return nil, fmt.Errorf("sql has no function %s", fn)
	}
	if fn == "Tables" {
		if len(raw) != 0 {
			return nil, fmt.Errorf("sql.Tables takes no arguments, got %d", len(raw))
		}
		return map[string]any{}, nil
	}
	if len(raw) != 2 {
		return nil, fmt.Errorf("%s takes a query and its arguments, got %d value(s)", fn, len(raw))
	}
	var query string
	if err := json.Unmarshal(raw[0], &query); err != nil {
		return nil, fmt.Errorf("argument %s: want a string", f.Params[0])
	}
	args, err := decodeArgs(raw[1])
	if err != nil {
		return nil, err
	}
	return p.canonical(query, args)
}

// canonical reads query and returns the arguments the policy judges.
func (p *Provider) canonical(query string, args []any) (map[string]any, error) {
	info, err := sqltext.Analyze(query, p.dialect())
	if err != nil {
		return nil, fmt.Errorf("query: %w", err)
	}
	if info.Query == "" {
		return nil, errors.New("query is empty")
	}
	return map[string]any{
		"query":     info.Query,
		"args":      args,
		"statement": info.Statement,
		"tables":    info.Tables,
		"read_only": info.ReadOnly,
	}, nil
}

// decodeArgs decodes the variadic arguments, a JSON array or null.
func decodeArgs(raw json.RawMessage) ([]any, error) {
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	var vals []any
	if err := dec.Decode(&vals); err != nil {
		return nil, errors.New("argument args: want a list of values")
	}
	out := make([]any, len(vals))
	for i, v := range vals {
		switch v := v.(type) {
		case nil, string, bool:
			out[i] = v
		case json.Number:
			s := v.String()
			if !strings.ContainsAny(s, ".eE") {
				if n, err := strconv.ParseInt(s, 10, 64); err == nil {
					out[i] = n
					continue
				}
			}
			x, err := v.Float64()
			if err != nil {
				return nil, fmt.Errorf("argument args[%d]: number %s is out of range", i, s)
			}
			out[i] = x
		default:
			return nil, fmt.Errorf("argument args[%d]: want a string, number, bool or nil, got %s", i, describe(v))
		}
	}
	return out, nil
}

func describe(v any) string {
	switch v.(type) {
	case []any:
		return "a list"
	case map[string]any:
		return "a map or struct"
	}
	return fmt.Sprintf("%T", v)
}

// Call performs fn with arguments that Prepare made canonical.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	if _, ok := funcs()[fn]; !ok {
		return nil, fmt.Errorf("sql has no function %s", fn)
	}
	if fn == "Tables" {
		if len(args) != 0 {
			return nil, errors.New("arguments are not in canonical form")
		}
		return p.withDB(ctx, func(ctx context.Context, db *dbsql.DB) (any, error) {
			return p.tables(ctx, db)
		})
	}
	query, _ := args["query"].(string)
	vals, _ := args["args"].([]any)
	want, err := p.canonical(query, vals)
	if err != nil || want["query"] != query || want["statement"] != args["statement"] ||
		want["read_only"] != args["read_only"] || !slices.Equal(want["tables"].([]string), tablesOf(args["tables"])) {
		return nil, errors.New("arguments are not in canonical form")
	}
	return p.withDB(ctx, func(ctx context.Context, db *dbsql.DB) (any, error) {
		return p.run(ctx, db, fn, query, vals)
	})
}

// withDB runs f with the database, connecting first if need be, under the
// statement timeout.
func (p *Provider) withDB(ctx context.Context, f func(context.Context, *dbsql.DB) (any, error)) (any, error) {
	if p.driver == "" {
		return nil, errors.New("the policy names no database (providers.sql)")
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	db, err := p.open()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	v, err := f(ctx, db)
	if err != nil {
		return nil, p.explain(ctx, err)
	}
	return v, nil
}

// run performs one statement of fn.
func (p *Provider) run(ctx context.Context, db *dbsql.DB, fn, query string, vals []any) (any, error) {
	if p.guard != nil {
		allowed, err := p.allowedTables(ctx, db, query)
		if err != nil {
			return nil, err
		}
		p.guard.begin(allowed)
		defer p.guard.end()
	}
	var result any
	var err error
	if fn == "Exec" {
		result, err = p.exec(ctx, db, query, vals)
	} else {
		var rows Rows
		rows, err = p.query(ctx, db, query, vals)
		if err == nil {
			result, err = shape(fn, rows)
		}
	}
	return result, err
}

func tablesOf(v any) []string {
	switch t := v.(type) {
	case []string:
		return t
	case []any:
		out := make([]string, len(t))
		for i, x := range t {
			out[i], _ = x.(string)
		}
		return out
	}
	return nil
}

// allowedTables returns the names a SQLite statement may use: the tables
// it names, the names its WITH clause defines, and the tables of the views
// it names, through views of views.
func (p *Provider) allowedTables(ctx context.Context, db *dbsql.DB, query string) ([]string, error) {
	info, err := sqltext.Analyze(query, sqltext.SQLite)
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, "SELECT lower(name), sql FROM sqlite_schema WHERE type = 'view'")
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	defer rows.Close()
	views := map[string]string{}
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, fmt.Errorf("reading the schema: %w", err)
		}
		views[name] = def
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	allowed := map[string]bool{}
	for _, w := range info.With {
		allowed[strings.ToLower(w)] = true
	}
	queue := slices.Clone(info.Tables)
	for len(queue) > 0 {
		t := strings.ToLower(queue[0])
		queue = queue[1:]
		if allowed[t] {
			continue
		}
		allowed[t] = true
		_, bare, _ := strings.Cut(t, ".")
		if def, ok := views[t]; ok || bare != "" && views[bare] != "" {
			if !ok {
				def = views[bare]
			}
			// A view's body is "CREATE VIEW name AS SELECT ...".
			vi, err := sqltext.Analyze(def, sqltext.SQLite)
			if err != nil {
				return nil, fmt.Errorf("reading view %s: %w", t, err)
			}
			queue = append(queue, vi.Tables...)
			for _, w := range vi.With {
				allowed[strings.ToLower(w)] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(allowed)), nil
}

// explain restates a database error in terms the program's author can act
// on: the timeout, or the authorizer's reason for refusing.
func (p *Provider) explain(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("statement ran longer than the timeout of %s and was stopped", p.timeout)
	}
	if p.guard != nil {
		if reason := p.guard.reason(); reason != "" {
			return errors.New(reason)
		}
	}
	return err
}

// shape turns rows into fn's result.
func shape(fn string, rows Rows) (any, error) {
	if fn == "QueryRows" {
		return rows, nil
	}
	for i, c := range rows.Columns {
		if j := slices.Index(rows.Columns[:i], c); j >= 0 {
			return nil, fmt.Errorf("the result names column %q twice (columns %d and %d): alias one with AS, or use QueryRows", c, j+1, i+1)
		}
	}
	out := make(Records, len(rows.Rows))
	for i, r := range rows.Rows {
		m := make(map[string]any, len(r))
		for j, c := range rows.Columns {
			m[c] = r[j]
		}
		out[i] = m
	}
	return out, nil
}

// open connects on first use.
func (p *Provider) open() (*dbsql.DB, error) {
	if p.db != nil {
		return p.db, nil
	}
	var err error
	switch p.driver {
	case "sqlite":
		p.db, p.guard, err = openSQLite(p.database, p.readOnly)
	case "postgres":
		p.db, err = openPostgres(p.dsn, p.readOnly, p.timeout)
	}
	return p.db, err
}

// openSQLite opens the database file through a driver of its own, whose
// connections all carry the guard's authorizer. The file must exist.
func openSQLite(path string, readOnly bool) (*dbsql.DB, *guard, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil, fmt.Errorf("opening database: %w", err)
	}
	g := &guard{readOnly: readOnly}
	d := &sqlite.Driver{}
	d.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		reg, ok := c.(sqlite.AuthorizerRegisterer)
		if !ok {
			return errors.New("sqlite driver offers no authorizer")
		}
		return reg.RegisterAuthorizer(g.authorize)
	})
	q := url.Values{}
	if readOnly {
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("mode", "rw")
	}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "trusted_schema(0)")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db := dbsql.OpenDB(connector{d, dsn})
	// One connection: the authorizer's state belongs to the one call
	// running, and SQLite serialises writers anyway.
	db.SetMaxOpenConns(1)
	return db, g, nil
}

// connector opens connections through one sqlite.Driver.
type connector struct {
	d   *sqlite.Driver
	dsn string
}

func (c connector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return c.d }

// openPostgres connects with the DSN expanded from the environment. A
// read-only provider makes read-only the session's default too, besides the
// READ ONLY transaction each statement runs in.
// Resolved names the database: a SQLite file, links followed, or the
// PostgreSQL server, database and user the connection string names with
// ${VAR} expanded (its password left out).
func (p *Provider) Resolved() []string {
	switch p.driver {
	case "sqlite":
		return []string{"sqlite " + config.RealPath(p.database)}
	case "postgres":
		cfg, err := pgx.ParseConfig(config.ExpandOrKeep(p.dsn))
		if err != nil {
			return []string{"postgres unparsed"}
		}
		return []string{fmt.Sprintf("postgres %s:%d/%s user %s", cfg.Host, cfg.Port, cfg.Database, cfg.User)}
	}
	return nil
}

func openPostgres(dsn string, readOnly bool, timeout time.Duration) (*dbsql.DB, error) {
	var missing []string
	dsn = os.Expand(dsn, func(k string) string {
		v, ok := os.LookupEnv(k)
		if !ok {
			missing = append(missing, k)
		}
		return v
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("providers.sql.dsn: environment variable %s is not set", missing[0])
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		// The error may quote the DSN, credentials and all.
		return nil, errors.New("providers.sql.dsn: not a valid PostgreSQL connection string")
	}
	if readOnly {
		cfg.RuntimeParams["default_transaction_read_only"] = "on"
	}
	cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(timeout.Milliseconds()+1000, 10)
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(1)
	return db, nil
}

// query runs a statement and reads at most maxRows rows.
func (p *Provider) query(ctx context.Context, db *dbsql.DB, query string, args []any) (Rows, error) {
	var rows *dbsql.Rows
	var err error
	if p.driver == "postgres" && p.readOnly {
		tx, terr := db.BeginTx(ctx, &dbsql.TxOptions{ReadOnly: true})
		if terr != nil {
			return Rows{}, terr
		}
		defer tx.Rollback() // a read-only statement has nothing to keep
		rows, err = tx.QueryContext(ctx, query, args...)
	} else {
		rows, err = db.QueryContext(ctx, query, args...)
	}
	if err != nil {
		return Rows{}, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return Rows{}, err
	}
	types, err := rows.ColumnTypes()
	if err != nil {
		return Rows{}, err
	}
	out := Rows{Columns: cols, Rows: [][]any{}}
	dest := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range dest {
		ptrs[i] = &dest[i]
	}
	for rows.Next() {
		if len(out.Rows) == p.maxRows {
			return Rows{}, fmt.Errorf("the query returns more than %d rows, the policy's limit: aggregate in SQL (COUNT, SUM, GROUP BY) or add a LIMIT", p.maxRows)
		}
		if err := rows.Scan(ptrs...); err != nil {
			return Rows{}, err
		}
		row := make([]any, len(cols))
		for i, v := range dest {
			row[i] = p.value(v, types[i].DatabaseTypeName())
		}
		out.Rows = append(out.Rows, row)
	}
	if err := rows.Err(); err != nil {
		return Rows{}, err
	}
	return out, nil
}

// exec runs a statement and returns the rows it affected.
func (p *Provider) exec(ctx context.Context, db *dbsql.DB, query string, args []any) (int64, error) {
	var res dbsql.Result
	var err error
	if p.driver == "postgres" && p.readOnly {
		tx, terr := db.BeginTx(ctx, &dbsql.TxOptions{ReadOnly: true})
		if terr != nil {
			return 0, terr
		}
		defer tx.Rollback()
		res, err = tx.ExecContext(ctx, query, args...)
	} else {
		res, err = db.ExecContext(ctx, query, args...)
	}
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, nil // the statement ran; the driver cannot count
	}
	return n, nil
}

// value converts a driver value to one of the types the declaration
// promises.
func (p *Provider) value(v any, dbType string) any {
	switch v := v.(type) {
	case nil, int64, float64, bool, string:
		return v
	case []byte:
		if p.driver == "sqlite" || dbType == "BYTEA" {
			return base64.StdEncoding.EncodeToString(v)
		}
		return strings.ToValidUTF8(string(v), "\uFFFD")
	case time.Time:
		return v.Format(time.RFC3339Nano)
	case int:
		return int64(v)
	case int32:
		return int64(v)
	case float32:
		return float64(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// appendJSON appends the JSON encoding of v, writing float64s that hold
// whole numbers with a ".0" and infinities and NaN as null.
func appendJSON(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return append(b, "null"...), nil
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return append(b, s...), nil
	case [][]any:
		b = append(b, '[')
		for i, row := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, row); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendJSON(b, x); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case []map[string]any:
		b = append(b, '[')
		for i, m := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for j, k := range keys {
				if j > 0 {
					b = append(b, ',')
				}
				kb, _ := json.Marshal(k)
				b = append(append(b, kb...), ':')
				var err error
				if b, err = appendJSON(b, m[k]); err != nil {
					return nil, err
				}
			}
			b = append(b, '}')
		}
		return append(b, ']'), nil
	}
	x, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, x...), nil
}

// Derived lists the canonical arguments Prepare adds to a call of fn beyond
// its parameters, so a policy's rules may read them.
func Derived(fn string) []string {
	if fn == "Tables" {
		return nil
	}
	return []string{"statement", "tables", "read_only"}
}

// Kind is the sql provider, to the registry.
var Kind = provider.Kind{
	Name:    "sql",
	Declare: provider.Static(Declaration),
	New:     func(cfg map[string]any, baseDir string) (provider.Provider, error) { return New(cfg, baseDir) },
	Derived: Derived,
}
