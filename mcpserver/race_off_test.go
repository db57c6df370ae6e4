//go:build !race

package mcpserver_test

// raceBuild is set in -race builds; see race_on_test.go.
const raceBuild = false
