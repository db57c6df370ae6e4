package launch

import (
	"debug/buildinfo"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// SandboxBinary is the name of the child-only binary a build installs next
// to airlock (cmd/airlock-sandbox).
const SandboxBinary = "airlock-sandbox"

// ChildBinary says which binary runs the sandboxed children when Options.Self
// is not set: the airlock-sandbox next to the running executable when it
// comes from the same build, else the running executable itself. why says
// why a sandbox binary found is not used; it is empty otherwise.
func ChildBinary() (path string, why string) {
	b := sandboxBinary()
	if b.file != nil && !sandboxBinaryFailed.Load() {
		return b.path, ""
	}
	if b.file != nil {
		b.why = "a child could not be started from it"
	}
	exe, _ := os.Executable()
	return exe, b.why
}

// childBin is the airlock-sandbox binary found for this process, held open
// so that a child whose user cannot reach its folder still executes it
// (through /proc/self/fd), and so that it cannot be swapped after the check.
type childBin struct {
	path string
	file *os.File
	why  string
}

var sandboxBinary = sync.OnceValue(findSandboxBinary)

// findSandboxBinary looks for airlock-sandbox next to the running executable
// and keeps it when both come from one build that can be told apart from
// another: the same module version, or the same clean VCS revision, or the
// same stamped -ldflags, with the same toolchain and settings. A local
// build of modified sources carries none of these, so it runs its children
// from its own binary rather than risk a child from other sources.
func findSandboxBinary() childBin {
	exe, err := os.Executable()
	if err != nil {
		return childBin{}
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	path := filepath.Join(filepath.Dir(exe), SandboxBinary)
	f, err := os.Open(path)
	if err != nil {
		return childBin{}
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Mode()&0o001 == 0 || fi.Mode()&0o022 != 0 {
		// The child executes it as another user: it must be executable
		// by anyone, and writable by its owner alone.
		f.Close()
		return childBin{path: path, why: "not a regular file executable by all and writable only by its owner (mode 0755)"}
	}
	theirs, err := buildinfo.Read(f)
	if err != nil {
		f.Close()
		return childBin{path: path, why: "no Go build information: " + err.Error()}
	}
	ours, ok := debug.ReadBuildInfo()
	if !ok {
		f.Close()
		return childBin{path: path, why: "this binary has no Go build information"}
	}
	if why := sameBuild(ours, theirs); why != "" {
		f.Close()
		return childBin{path: path, why: why}
	}
	return childBin{path: path, file: f}
}

// sameBuild says why two binaries' build information does not show that
// they come from one build, or "" when it does.
func sameBuild(a, b *debug.BuildInfo) string {
	if a.GoVersion != b.GoVersion || a.Main.Path != b.Main.Path || a.Main.Version != b.Main.Version || a.Main.Sum != b.Main.Sum {
		return "another toolchain or module version"
	}
	sa, sb := settings(a), settings(b)
	for _, k := range []string{"-ldflags", "-tags", "-trimpath", "CGO_ENABLED", "GOOS", "GOARCH", "vcs.revision", "vcs.time", "vcs.modified"} {
		if sa[k] != sb[k] {
			return "built with another " + k
		}
	}
	switch {
	case a.Main.Version != "" && a.Main.Version != "(devel)":
	case strings.Contains(sa["-ldflags"], "-X"):
	case sa["vcs.revision"] != "" && sa["vcs.modified"] == "false":
	default:
		return "a development build without a version, a stamp or a clean revision to match"
	}
	return ""
}

func settings(bi *debug.BuildInfo) map[string]string {
	m := map[string]string{}
	for _, s := range bi.Settings {
		m[s.Key] = s.Value
	}
	return m
}

// sandboxBinaryFailed is set once a child could not be started from the
// sandbox binary (a folder mounted noexec, say): later children start from
// the running executable.
var sandboxBinaryFailed atomic.Bool

// Path is the binary a child is started from: self when set, else the
// airlock-sandbox binary kept open, else the running executable. sandbox
// reports the second case.
func Path(self string) (path string, sandbox bool) {
	if self != "" {
		return self, false
	}
	if b := sandboxBinary(); b.file != nil && !sandboxBinaryFailed.Load() {
		return "/proc/self/fd/" + strconv.Itoa(int(b.file.Fd())), true
	}
	if _, err := os.Stat("/proc/self/exe"); err == nil {
		return "/proc/self/exe", false
	}
	exe, _ := os.Executable()
	return exe, false
}
