//go:build !cgo

package sandbox

// cgoBuild is set when the binary is built with cgo; see cgo_on_linux.go.
const cgoBuild = false
