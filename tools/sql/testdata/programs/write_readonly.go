// A statement that writes, under a read-only policy.
//
// Under testdata/shop.yaml: status blocked. The DELETE is a literal, but
// args.read_only is derived by the provider, so the static verdict is
// deferred and the run-time check refuses the call (rule sql.Query).
//
// Under a policy that allows any sql.Query (allow: 'true'), the call reaches
// the database, which refuses it: the program gets the error
// "sql.Query: the database is read-only: DELETE on orders refused" and
// panics with it, so the status is error, and the orders table is intact.
package main

import (
	"airlock"
	"airlock/sql"
)

func main() {
	_, err := sql.Query("DELETE FROM orders WHERE id > ? RETURNING id", 0)
	if err != nil {
		panic(err)
	}
	airlock.Result("deleted")
}
