// Reaches a table the policy does not list, with its name known only at run
// time.
//
// Under testdata/shop.yaml: status blocked (args.tables holds
// sqlite_schema, which the rule does not allow).
package main

import (
	"airlock"
	"airlock/sql"
	"strings"
)

func main() {
	table := strings.Join([]string{"sqlite", "schema"}, "_")
	rows, err := sql.Query("SELECT name, sql FROM " + table)
	if err != nil {
		panic(err)
	}
	airlock.Result(rows)
}
