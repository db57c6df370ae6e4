package sql

import (
	"context"
	dbsql "database/sql"
	"fmt"
	"sort"
)

// Table and Column are Tables's result, as declared in the package source.
type (
	Table struct {
		Name    string
		View    bool
		Columns []Column
	}
	Column struct {
		Name string
		Type string
	}
)

// tables lists the schema. The queries are the provider's own, so SQLite's
// authorizer is not armed for them; it still refuses ATTACH.
func (p *Provider) tables(ctx context.Context, db *dbsql.DB) ([]Table, error) {
	var out []Table
	var err error
	if p.driver == "postgres" {
		out, err = postgresTables(ctx, db)
	} else {
		out, err = sqliteTables(ctx, db)
	}
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func sqliteTables(ctx context.Context, db *dbsql.DB) ([]Table, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, type = 'view' FROM sqlite_schema
		WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var out []Table
	for rows.Next() {
		var t Table
		if err := rows.Scan(&t.Name, &t.View); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		cols, err := db.QueryContext(ctx, `SELECT name, type FROM pragma_table_info(?) ORDER BY cid`, out[i].Name)
		if err != nil {
			return nil, err
		}
		out[i].Columns = []Column{}
		for cols.Next() {
			var c Column
			if err := cols.Scan(&c.Name, &c.Type); err != nil {
				cols.Close()
				return nil, err
			}
			out[i].Columns = append(out[i].Columns, c)
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func postgresTables(ctx context.Context, db *dbsql.DB) ([]Table, error) {
	tx, err := db.BeginTx(ctx, &dbsql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT c.table_schema, c.table_name, t.table_type = 'VIEW', c.column_name, c.data_type
		FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
		WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
		ORDER BY c.table_schema, c.table_name, c.ordinal_position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Table
	for rows.Next() {
		var schema, name string
		var view bool
		var c Column
		if err := rows.Scan(&schema, &name, &view, &c.Name, &c.Type); err != nil {
			return nil, err
		}
		if schema != "public" {
			name = schema + "." + name
		}
		if n := len(out); n == 0 || out[n-1].Name != name {
			out = append(out, Table{Name: name, View: view, Columns: []Column{}})
		}
		out[len(out)-1].Columns = append(out[len(out)-1].Columns, c)
	}
	return out, rows.Err()
}
