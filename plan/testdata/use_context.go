// Where a use runs: before main, later, or elsewhere.
package main

import (
	"fmt"

	"airlock/fs"
)

var preload, _ = fs.ReadFile("data/pre.txt") // want use(fs.ReadFile call context=package-var path="data/pre.txt")

var reader = fs.ReadFile // want use(fs.ReadFile value context=package-var)

var lazy = func() (string, error) {
	return fs.ReadFile("data/lazy.txt") // want use(fs.ReadFile call context=package-var path="data/lazy.txt")
}

func init() {
	fmt.Println(fs.ReadFile("data/init.txt")) // want use(fs.ReadFile call context=init path="data/init.txt")
	go func() {
		fs.Glob("data/*") // want use(fs.Glob call context=init pattern="data/*")
	}()
}

func main() {
	defer fs.ReadFile("data/deferred.txt") // want use(fs.ReadFile call context=defer path="data/deferred.txt")
	go fs.Glob("data/*.csv")               // want use(fs.Glob call context=go pattern="data/*.csv")

	// The arguments of a deferred call are evaluated at once.
	defer fmt.Println(fs.ReadFile("data/now.txt")) // want use(fs.ReadFile call path="data/now.txt")

	defer func() {
		fs.ReadFile("data/deferred-literal.txt") // want use(fs.ReadFile call context=defer path="data/deferred-literal.txt")
	}()
	go func() {
		fs.ReadFile("data/go-literal.txt") // want use(fs.ReadFile call context=go path="data/go-literal.txt")
	}()
	later := func() {
		fs.ReadFile("data/closure.txt") // want use(fs.ReadFile call context=closure path="data/closure.txt")
	}
	later()
	fmt.Println(preload, reader, lazy)
}

func helper() {
	fs.ReadFile("data/helper.txt") // want use(fs.ReadFile call path="data/helper.txt")
}
