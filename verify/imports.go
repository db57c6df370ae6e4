package verify

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/internal/library"
)

// sandboxPackages returns the set of standard-library packages a sandboxed
// program can import at all (library.Packages): a policy can narrow it,
// never widen it.
var sandboxPackages = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, p := range library.Packages() {
		set[p] = true
	}
	return set
})

// SandboxPackages returns, sorted, the standard-library packages the sandbox
// provides. A policy's imports must be among them.
func SandboxPackages() []string {
	return library.Packages()
}

// toolPackagePrefix starts the import path of every tool package:
// "airlock/fs" holds the tools of provider "fs".
const toolPackagePrefix = "airlock/"

// resultPackage is the package every program may import to hand back a
// structured result.
const resultPackage = "airlock"

// tablePackage holds the native helpers for tabular data: compiled code
// without any I/O, which every program may import.
const tablePackage = "airlock/table"

// alwaysAllowed reports the airlock packages every program may import.
func alwaysAllowed(path string) bool { return path == resultPackage || path == tablePackage }

// providerOf returns the provider of a tool name: "fs" for "fs.ReadFile".
func providerOf(tool string) string {
	provider, _, _ := strings.Cut(tool, ".")
	return provider
}

// apartFromFamily are packages that share a first path element with
// packages the sandbox offers but do something else entirely: os/exec runs
// programs, which os cannot; net/http talks to servers, which net's
// addresses cannot.
var apartFromFamily = map[string]bool{
	"os/exec": true, "os/signal": true, "os/user": true,
	"net/http": true, "net/http/httputil": true, "net/http/httptest": true, "net/smtp": true, "net/rpc": true,
}

// alternatives returns up to four packages among allowed that could stand in
// for path: curated replacements first, then packages in the same family
// ("encoding/..."), then near spellings.
func alternatives(path string, allowed map[string]bool) []string {
	var out []string
	add := func(p string) {
		if allowed[p] && p != path && !slices.Contains(out, p) && len(out) < 4 {
			out = append(out, p)
		}
	}
	for _, p := range library.Instead[path] {
		add(p)
	}
	sorted := sortedKeys(allowed)
	family, _, _ := strings.Cut(path, "/")
	for _, p := range sorted {
		if f, _, _ := strings.Cut(p, "/"); f == family && !apartFromFamily[path] {
			add(p)
		}
	}
	for _, p := range sorted {
		if d := editDistance(p, path); d <= 2 && 2*d < len(path) && !apartFromFamily[path] {
			add(p)
		}
	}
	return out
}

// importHint is the hint for an import the policy does not allow.
func importHint(path string, allowed map[string]bool) string {
	if alts := alternatives(path, allowed); len(alts) > 0 {
		return "use " + orList(alts) + " instead"
	}
	return "allowed imports: " + abbreviate(sortedKeys(allowed), 12)
}

// nearest returns the candidate closest to s in spelling, if any is close
// enough to be a likely typo.
func nearest(s string, candidates []string) (string, bool) {
	best, bestDist := "", 3
	for _, c := range candidates {
		a, b := s, c
		// Tools of one provider compare by function: sh.rm is not near sh.wc.
		if pa, fa, ok := strings.Cut(a, "."); ok {
			if pb, fb, ok := strings.Cut(b, "."); ok && pa == pb {
				a, b = fa, fb
			}
		}
		d := editDistance(strings.ToLower(a), strings.ToLower(b))
		if d < bestDist && 2*d < len(a) {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// didYouMean returns a hint naming the candidate closest to s, or listing
// all candidates when none is close.
func didYouMean(s string, candidates []string) string {
	if c, ok := nearest(s, candidates); ok {
		return fmt.Sprintf("did you mean %s?", c)
	}
	if len(candidates) == 0 {
		return ""
	}
	return "known: " + abbreviate(candidates, 12)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
// Past a difference in length of three it returns that difference, which is
// a lower bound: callers only care about distances of two or less.
func editDistance(a, b string) int {
	if d := len(a) - len(b); d > 3 || d < -3 {
		return max(d, -d)
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// orList joins items as "a", "a or b", "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}

// abbreviate joins up to n items and says how many more there are.
func abbreviate(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
