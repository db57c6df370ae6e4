//go:build race

package mcpserver_test

// raceBuild is set in -race builds, which need cgo. A cgo build's command
// helpers apply Landlock through libpsx, which does not finish under the
// race detector: scripts there run shell builtins only.
const raceBuild = true
