//go:build !race

package main

// raceBuild is set in -race builds; see race_on_test.go.
const raceBuild = false
