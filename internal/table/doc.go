// Package table is compiled tabular work for sandboxed programs, which
// import it as "airlock/table": filtering, sorting, joining and grouping
// run at native speed instead of in the interpreter.
//
// A Table holds named columns; every cell is a string, an int64, a
// float64, a bool or nil (an empty or missing value). Build one from what
// the tools return, then chain methods that each return a new Table:
//
//	rows, err := fs.ReadCSV("data/orders.csv") // or read the text and call table.ParseCSV
//	t := table.FromRecords(rows)
//	top := t.Where("status", "==", "paid").
//		GroupBy("region").
//		Agg(table.Count(), table.Sum("total").As("revenue")).
//		Sort("revenue", true)
//	fmt.Println(top)                 // an aligned text table
//	airlock.Result(top.Rows())       // one map per row, for JSON
//
// Errors: a method given a column that does not exist, an unknown
// operator or a value of the wrong kind does not panic. The returned Table
// carries the error, every later method passes it along unchanged, and
// Err returns it. String and Rows report it in their output. Accessors
// that return plain values (Len, Columns, Column, Floats, Sum, Mean,
// Records) panic with the error instead, since they cannot carry it: call
// Err first when in doubt.
//
// Column names: an empty header cell becomes "column_N" (N counts from 1)
// and a repeated name gets "_2", "_3", ... appended, so every column can be
// named.
package table
