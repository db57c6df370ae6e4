// want+2 finding(build-constraint "do not stop the file from running")
// want+2 finding(build-constraint)
//go:build ignore
// +build ignore

// Directives and build constraints: none changes what runs, and each hides
// something.
package main

import (
	_ "embed"  // want finding(unavailable "package embed")
	_ "unsafe" // want finding(unavailable "package unsafe")
)

// want+2 finding(embed)
//
//go:embed secret.txt
var secret string

// want+2 finding(linkname)
//
//go:linkname now time.now
func now() (int64, int32, int64) // want finding(type "func now has no body")

// want+2 finding(directive "//go:noinline")
//
//go:noinline
func work() {}

// Positions stay those of this file, whatever //line says.
// want+2 finding(directive "//line")
//
//line other.go:100
func main() {
	work()
	/*line elsewhere.go:1:1*/ _ = secret // want finding(directive "//line")
	var n int = "one"                    // want finding(type "cannot use")
	_ = n
}
