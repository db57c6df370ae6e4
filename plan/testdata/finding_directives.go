// want+1 finding(build-constraint "excludes this file")
//go:build ignore
// +build ignore

// Directives and build constraints that change what runs, or hide it. The
// // +build line does not count beside a //go:build line, as for go build.
package main

import (
	_ "embed" // want finding(unavailable "package embed")
	_ "unsafe"
)

// want+2 finding(embed)
//
//go:embed secret.txt
var secret string

// want+2 finding(linkname)
//
//go:linkname now time.now
func now() (int64, int32, int64) // want finding(type "func now has no body")

// want+2 finding(directive "//go:wasmexport")
//
//go:wasmexport work
func work() {}

// Directives that only steer code generation change nothing.
//
//go:noinline
//go:nosplit
func quiet() {}

// Positions stay those of this file, whatever //line says.
// want+2 finding(directive "//line")
//
//line other.go:100
func main() {
	work()
	quiet()
	/*line elsewhere.go:1:1*/ _ = secret // want finding(directive "//line")
	var n int = "one"                    // want finding(type "cannot use")
	_ = n
}
