package sql

// source declares package airlock/sql as programs see it. Results cross the
// process boundary as JSON, so Rows here must match the provider's Rows; a
// test holds them together.
const source = `// Package sql runs SQL statements against the database the policy names
// (SQLite or PostgreSQL). Each call runs exactly one statement; put values in
// args and refer to them with placeholders (? or ?1 in SQLite, $1 in
// PostgreSQL) rather than writing them into the query text.
//
// Values arrive typed: integers as int64, other numbers as float64, text as
// string, booleans as bool and SQL NULL as nil. Binary values (BLOB, bytea)
// arrive as standard base64 text; dates and times the database returns as
// such arrive as RFC 3339 text ("2024-05-01T09:30:00Z"); PostgreSQL numeric
// and other types arrive as their text. A float that is infinite or NaN
// arrives as nil. Arguments may be strings, integers, floats, booleans or nil.
//
// A query that returns more rows than the policy's row limit fails with an
// error that says so: aggregate in SQL (COUNT, SUM, GROUP BY) or add a LIMIT.
// A statement that runs longer than the policy's timeout is stopped.
package sql

// Rows is a query's result in column order: cheaper than maps for large
// results, and it keeps columns that share a name.
type Rows struct {
	Columns []string // column names, in the order the query selects them
	Rows    [][]any  // one slice per row, values in column order
}

// Table describes one table or view of the database.
type Table struct {
	Name    string   // "orders"; PostgreSQL tables outside the public schema as "schema.orders"
	View    bool     // true for a view
	Columns []Column // in the table's order
}

// Column describes one column of a table.
type Column struct {
	Name string // "customer_id"
	Type string // the declared type, such as "INTEGER" or "text"; may be ""
}

// Tables lists the database's tables and views with their columns, sorted
// by name. Call it first to learn the schema.
func Tables() ([]Table, error)

// Query runs a statement that returns rows, such as SELECT, and returns one
// map per row, from column name to value. Two result columns with the same
// name are an error: alias one (AS), or use QueryRows.
func Query(query string, args ...any) ([]map[string]any, error)

// QueryRows runs a statement that returns rows and returns them in column
// order.
func QueryRows(query string, args ...any) (Rows, error)

// Exec runs a statement that changes the database (INSERT, UPDATE, DELETE,
// CREATE, ...) and returns the number of rows it affected. Under a read-only
// policy the database itself refuses every change.
func Exec(query string, args ...any) (int64, error)
`
