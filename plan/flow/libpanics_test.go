package flow

import (
	"slices"
	"strings"
	"testing"

	"github.com/airlockhq/airlock/internal/library"
)

// documentedPanics lists the offered functions and methods whose
// documentation says they may panic, named as LibName names them.
func documentedPanics(t *testing.T) []string {
	var out []string
	for _, pkg := range library.Packages() {
		if pkg == "unsafe" {
			continue
		}
		for name, fd := range sourceFuncs(t, pkg) {
			if fd.Doc == nil {
				continue
			}
			text := strings.ToLower(fd.Doc.Text())
			if !strings.Contains(text, "panic") || strings.Contains(text, "not panic") || strings.Contains(text, "never panic") {
				continue
			}
			if fd.Recv != nil && !strings.Contains(name, ".") {
				continue // a method of an unexported or unnamed type
			}
			if !sourcePackages[pkg] {
				if _, _, ok := resolve(pkg + "." + name); !ok {
					continue // not in the sandbox's subset
				}
			}
			out = append(out, pkg+"."+name)
		}
	}
	slices.Sort(out)
	return out
}
