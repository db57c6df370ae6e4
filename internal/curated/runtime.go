package curated

import (
	"reflect"
	"runtime"
	"sync/atomic"
)

// The runtime a program sees is a subset of Go's (internal/library lists
// it); NumGoroutine here replaces the runtime's, which would count the
// sandbox's own goroutines too.

// goroutineBase is how many goroutines the process ran, besides the
// program's main, when the program started.
var goroutineBase atomic.Int64

// ProgramStarts records the goroutines running before the program, which
// NumGoroutine leaves out.
func ProgramStarts() { goroutineBase.Store(int64(runtime.NumGoroutine() - 1)) }

// NumGoroutine returns the number of goroutines of the program, main
// included.
func NumGoroutine() int { return runtime.NumGoroutine() - int(goroutineBase.Load()) }

// Overrides replace symbols of the generated tables for the packages whose
// subsets internal/library lists.
var Overrides = map[string]map[string]reflect.Value{
	"runtime/runtime": {"NumGoroutine": reflect.ValueOf(NumGoroutine)},
}
