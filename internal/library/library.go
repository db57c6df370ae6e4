// Package library is the compiled code programs may import: the standard
// library's symbol tables (internal/symbols) and airlock's native helpers
// (internal/table), under one index.
package library

import (
	"reflect"

	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/airlockhq/airlock/internal/table"
)

// Symbols holds every package's symbols keyed "importpath/name", as yaegi
// extract writes them, plus "." for the interpreter's map types.
var Symbols = func() map[string]map[string]reflect.Value {
	all := make(map[string]map[string]reflect.Value, len(symbols.Symbols)+len(table.Symbols))
	for k, v := range symbols.Symbols {
		all[k] = v
	}
	for k, v := range table.Symbols {
		all[k] = v
	}
	return all
}()
