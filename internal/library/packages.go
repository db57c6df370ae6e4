package library

import (
	"go/types"
	"slices"
	"strings"
	"sync"
)

// sourcePackages are standard packages the sandbox offers without symbol
// tables: generic packages, whose functions the planner declares as source
// and the interpreter runs as the program's own code or through shims, and
// unsafe, whose constants (Sizeof, Alignof, Offsetof) the planner writes
// as numbers.
var sourcePackages = []string{"cmp", "iter", "maps", "slices", "unsafe"}

// packages is the set of standard packages a program may import at all.
var packages = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, len(Symbols)+len(sourcePackages))
	for key := range Symbols {
		if strings.HasPrefix(key, "airlock/") {
			continue // airlock's own packages, allowed by their own rules
		}
		// Keys are "importpath/name", e.g. "math/big/big"; "." holds MapTypes.
		if i := strings.LastIndexByte(key, '/'); i > 0 {
			set[key[:i]] = true
		}
	}
	for _, p := range sourcePackages {
		set[p] = true
	}
	return set
})

// Packages returns, sorted, the standard-library packages the sandbox
// offers: a policy can narrow the list, never widen it. This is the one
// list; the planner and the policy both ask it.
func Packages() []string {
	var out []string
	for p := range packages() {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Offers reports whether the sandbox offers the standard package path.
func Offers(path string) bool { return packages()[path] }

// Instead suggests, best first, what a program can import in place of a
// package the sandbox does not offer: tool packages (airlock/...) and
// standard ones. The planner's and the policy's hints both come from it,
// each keeping the suggestions the program or the policy can use.
var Instead = map[string][]string{
	"io/fs":                        {"airlock/fs"},
	"net":                          {"airlock/http"},
	"net/http":                     {"airlock/http", "net/url"},
	"net/http/httputil":            {"airlock/http", "net/url"},
	"log/slog":                     {"log", "fmt"},
	"math/rand/v2":                 {"math/rand"},
	"crypto/rand":                  {"math/rand"},
	"golang.org/x/exp/slices":      {"slices"},
	"golang.org/x/exp/maps":        {"maps"},
	"golang.org/x/exp/constraints": {"cmp"},
}

// GoVersion is the version of the Go language programs are checked
// against and the interpreter runs.
const GoVersion = "go1.26"

// Sizes are the sizes and alignments of types where programs run: unsafe's
// constants are written from them.
var Sizes = types.SizesFor("gc", "amd64")

// RuntimePath is the import path of airlock's own runtime package
// (airlock.Result); tool packages are under it ("airlock/fs").
const RuntimePath = "airlock"
