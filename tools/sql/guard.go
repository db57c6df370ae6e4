package sql

import (
	"fmt"
	"strings"
	"sync"

	"modernc.org/sqlite"
)

// guard is the SQLite authorizer: SQLite asks it about every operation a
// statement performs while compiling it. It refuses, whatever the policy
// said:
//
//   - ATTACH and DETACH, which would reach other files on the host;
//   - load_extension, which would load native code;
//   - under a read-only provider, every change: writes to tables, schema
//     changes, and pragmas that set rather than read;
//   - reads and writes of a table that the call's canonical arguments do
//     not name, so the tables the policy judged are the tables touched.
//     Names a WITH clause defines are allowed, and so are the tables of a
//     view the statement names (the policy judged the view) and access made
//     inside a trigger (the policy judged the statement that fired it).
//     SQLite's own schema tables are allowed: schema changes use them.
type guard struct {
	readOnly bool

	mu     sync.Mutex
	active bool
	tables map[string]bool // the call's tables, lowercased
	denied string          // why the last operation was refused
}

// begin arms the guard for one call that may use tables.
func (g *guard) begin(tables []string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active, g.denied = true, ""
	g.tables = make(map[string]bool, len(tables))
	for _, t := range tables {
		g.tables[strings.ToLower(t)] = true
	}
}

// end disarms the guard; between calls it allows what the driver itself
// prepares (none of it user SQL).
func (g *guard) end() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.active = false
}

// reason returns why the guard refused an operation during this call, or "".
func (g *guard) reason() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.denied
}

func (g *guard) deny(format string, args ...any) sqlite.AuthorizerReturnCode {
	if g.denied == "" {
		g.denied = fmt.Sprintf(format, args...)
	}
	return sqlite.AuthorizerDeny
}

// internalTables are the schema tables SQLite itself writes when a
// statement changes the schema.
var internalTables = map[string]bool{
	"sqlite_master": true, "sqlite_temp_master": true, "sqlite_schema": true,
	"sqlite_temp_schema": true, "sqlite_sequence": true, "sqlite_stat1": true,
}

// readPragmas are pragmas that take an argument and only read.
var readPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true, "index_info": true,
	"index_xinfo": true, "foreign_key_list": true, "foreign_key_check": true, "integrity_check": true,
	"quick_check": true,
}

func (g *guard) authorize(action sqlite.AuthorizerActionCode, arg1, arg2, dbName, inside string) sqlite.AuthorizerReturnCode {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch action {
	case sqlite.AuthAttach, sqlite.AuthDetach:
		return g.deny("ATTACH, DETACH and VACUUM INTO are not allowed: the policy names one database file")
	case sqlite.AuthFunction:
		if strings.EqualFold(arg2, "load_extension") {
			return g.deny("load_extension is not allowed")
		}
	}
	if !g.active {
		return sqlite.AuthorizerOK
	}
	if g.readOnly {
		switch action {
		case sqlite.AuthInsert, sqlite.AuthUpdate, sqlite.AuthDelete:
			return g.deny("the database is read-only: %s refused", strings.ToUpper(actionVerb(action))+" on "+arg1)
		case sqlite.AuthCreateIndex, sqlite.AuthCreateTable, sqlite.AuthCreateTempIndex, sqlite.AuthCreateTempTable,
			sqlite.AuthCreateTempTrigger, sqlite.AuthCreateTempView, sqlite.AuthCreateTrigger, sqlite.AuthCreateView,
			sqlite.AuthDropIndex, sqlite.AuthDropTable, sqlite.AuthDropTempIndex, sqlite.AuthDropTempTable,
			sqlite.AuthDropTempTrigger, sqlite.AuthDropTempView, sqlite.AuthDropTrigger, sqlite.AuthDropView,
			sqlite.AuthAlterTable, sqlite.AuthReindex, sqlite.AuthAnalyze, sqlite.AuthCreateVTable, sqlite.AuthDropVTable:
			return g.deny("the database is read-only: schema changes are refused")
		case sqlite.AuthPragma:
			if arg2 != "" && !readPragmas[strings.ToLower(arg1)] {
				return g.deny("the database is read-only: PRAGMA %s with a value is refused", arg1)
			}
		}
	}
	switch action {
	case sqlite.AuthRead, sqlite.AuthInsert, sqlite.AuthUpdate, sqlite.AuthDelete:
		if inside != "" {
			return sqlite.AuthorizerOK
		}
		t := strings.ToLower(arg1)
		if g.tables[t] || g.tables[strings.ToLower(dbName)+"."+t] {
			return sqlite.AuthorizerOK
		}
		if internalTables[t] {
			return sqlite.AuthorizerOK // the schema, which schema changes read and write
		}
		return g.deny("the statement uses table %s, which its canonical arguments do not name: name the table plainly (no tricks) so the policy can see it", arg1)
	}
	return sqlite.AuthorizerOK
}

func actionVerb(a sqlite.AuthorizerActionCode) string {
	switch a {
	case sqlite.AuthInsert:
		return "insert"
	case sqlite.AuthUpdate:
		return "update"
	}
	return "delete"
}
