package launch

import (
	"runtime/debug"
	"testing"
)

// TestSameBuild: airlock runs its children from airlock-sandbox only when
// the two binaries' build information shows one build; anything that
// cannot tell two builds apart falls back to airlock's own binary.
func TestSameBuild(t *testing.T) {
	build := func(version string, settings ...string) *debug.BuildInfo {
		bi := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/airlockhq/airlock", Version: version}}
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: "CGO_ENABLED", Value: "0"})
		for i := 0; i+1 < len(settings); i += 2 {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return bi
	}
	stamp := "-X github.com/airlockhq/airlock.version=v1.2.3"
	for _, c := range []struct {
		name string
		a, b *debug.BuildInfo
		same bool
	}{
		{"module version (go install @v1.2.3)", build("v1.2.3"), build("v1.2.3"), true},
		{"another module version", build("v1.2.3"), build("v1.2.4"), false},
		{"stamped release build", build("(devel)", "-ldflags", stamp), build("(devel)", "-ldflags", stamp), true},
		{"stamped differently", build("(devel)", "-ldflags", stamp), build("(devel)", "-ldflags", stamp+"x"), false},
		{"clean checkout", build("(devel)", "vcs.revision", "abc", "vcs.modified", "false"), build("(devel)", "vcs.revision", "abc", "vcs.modified", "false"), true},
		{"modified checkout", build("(devel)", "vcs.revision", "abc", "vcs.modified", "true"), build("(devel)", "vcs.revision", "abc", "vcs.modified", "true"), false},
		{"other revision", build("(devel)", "vcs.revision", "abc", "vcs.modified", "false"), build("(devel)", "vcs.revision", "abd", "vcs.modified", "false"), false},
		{"no version control information", build("(devel)"), build("(devel)"), false},
		{"cgo and not", build("v1.2.3"), build("v1.2.3", "CGO_ENABLED", "1"), false},
	} {
		why := sameBuild(c.a, c.b)
		if (why == "") != c.same {
			t.Errorf("%s: same build %v (%q), want %v", c.name, why == "", why, c.same)
		}
	}
	mixed := build("v1.2.3")
	mixed.GoVersion = "go1.26.7"
	if sameBuild(build("v1.2.3"), mixed) == "" {
		t.Error("binaries of two toolchains taken for one build")
	}
}
