// Package library is the compiled code programs may import: the standard
// library's symbol tables (internal/symbols), the hand-written subsets of
// standard packages (internal/curated) and airlock's native helpers
// (internal/table), under one index.
package library

import (
	"fmt"
	"log"
	"reflect"

	"github.com/airlockhq/airlock/internal/curated"
	"github.com/airlockhq/airlock/internal/shims"
	"github.com/airlockhq/airlock/internal/symbols"
	"github.com/airlockhq/airlock/internal/table"
)

// Symbols holds every package's symbols keyed "importpath/name", as yaegi
// extract writes them, plus "." for the interpreter's map types.
var Symbols = func() map[string]map[string]reflect.Value {
	all := make(map[string]map[string]reflect.Value, len(symbols.Symbols)+len(curated.Symbols)+len(table.Symbols))
	for _, tables := range []map[string]map[string]reflect.Value{symbols.Symbols, curated.Symbols, table.Symbols} {
		for k, v := range tables {
			all[k] = v
		}
	}
	for pkg, names := range readsFiles {
		for _, name := range names {
			delete(all[pkg], name)
		}
	}
	addMapTypes()
	return all
}()

// readsFiles lists the functions of the generated tables that read the
// file system. The sandbox would refuse the reads anyway; leaving them out
// makes a program that calls one fail before it runs, with a finding that
// says so, instead of at run time.
var readsFiles = map[string][]string{
	"text/template/template": {"ParseFiles", "ParseGlob", "ParseFS"},
	"html/template/template": {"ParseFiles", "ParseGlob", "ParseFS"},
}

// addMapTypes tells the interpreter which functions outside fmt format
// their arguments with fmt, so program values keep their String and Error
// methods there too.
func addMapTypes() {
	text := []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
	for _, f := range []any{log.Print, log.Printf, log.Println, log.Panic, log.Panicf, log.Panicln,
		curated.Fatal, curated.Fatalf, curated.Fatalln,
		shims.Sprintf, shims.Printf, shims.Fprintf, shims.Appendf, shims.Errorf,
		shims.Sprint, shims.Print, shims.Fprint, shims.Append} {
		symbols.MapTypes[reflect.ValueOf(f)] = text
	}
}
