// Package conformance measures airlock against Go programs nobody wrote for
// it: Go's own test programs ($(go env GOROOT)/test/*.go marked "// run")
// and the yaegi module's corpus (_test/*.go with an "// Output:" block).
//
// Each program is built and run natively twice (programs whose exit status
// or output differ between the two runs are dropped), then run through
// `airlock run` under a policy that allows every package the sandbox offers.
// Native Go is the truth. Each program falls into one class:
//
//	MATCH    airlock gives what native Go gives: status ok and the same
//	         output, or the same exit code or panic message and the output
//	         before it
//	REFUSED  denied before running, with a finding
//	RUNERR   airlock fails (compile error, panic, limit) where native Go
//	         succeeds, or fails differently
//	WRONG    status ok with another output, or ok where native Go fails
//	CRASH    the interpreter's process died, or airlock gave no summary
//	HANG     airlock hit its wall clock where native Go finished
//
// The classes are kept in testdata/<suite>.golden; the test fails on any
// WRONG, CRASH or HANG and on any class that differs from the golden file
// (run with -update to accept a change, which then shows in review).
// Native results are cached in testdata/native.json, keyed by the
// program's digest and the Go version; a program whose key changed is run
// natively again.
package conformance
