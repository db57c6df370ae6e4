package airlock

import "runtime/debug"

// version is set by a release build with
// -ldflags "-X github.com/airlockhq/airlock.version=v1.2.3"; otherwise the
// module version the Go toolchain recorded is used.
var version = ""

// Version is airlock's version: the one a release build stamps, else the
// module's, else "(devel)". An approval digest binds it.
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
