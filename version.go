package airlock

import "runtime/debug"

// version and revision are set by a release build with
// -ldflags "-X github.com/airlockhq/airlock.version=v1.2.3
// -X github.com/airlockhq/airlock.revision=<commit>"; otherwise what the Go
// toolchain recorded is used.
var (
	version  = ""
	revision = ""
)

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

// Revision is the commit airlock was built from: the one a release build
// stamps, else the one the Go toolchain recorded (with "-modified" when the
// sources had changes), else "" (a build with -buildvcs=false, or from
// outside a repository).
func Revision() string {
	if revision != "" {
		return revision
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" && modified == "true" {
		rev += "-modified"
	}
	return rev
}
