package table

import "reflect"

// Path is the import path programs use for this package.
const Path = "airlock/table"

// Symbols holds the package in the format of the interpreter's Use, as
// yaegi extract would write it: "path/name" to the exported functions and
// types. Methods are reached through the types.
var Symbols = map[string]map[string]reflect.Value{
	Path + "/table": {
		// function, constant and variable definitions
		"Count":          reflect.ValueOf(Count),
		"CountDistinct":  reflect.ValueOf(CountDistinct),
		"FromMaps":       reflect.ValueOf(FromMaps),
		"FromRecords":    reflect.ValueOf(FromRecords),
		"FromRows":       reflect.ValueOf(FromRows),
		"Max":            reflect.ValueOf(Max),
		"Mean":           reflect.ValueOf(Mean),
		"Min":            reflect.ValueOf(Min),
		"ParseCSV":       reflect.ValueOf(ParseCSV),
		"ParseJSON":      reflect.ValueOf(ParseJSON),
		"ParseJSONLines": reflect.ValueOf(ParseJSONLines),
		"Sum":            reflect.ValueOf(Sum),

		// type definitions
		"Agg":     reflect.ValueOf((*Agg)(nil)),
		"Grouped": reflect.ValueOf((*Grouped)(nil)),
		"Table":   reflect.ValueOf((*Table)(nil)),
	},
}
