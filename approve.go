package airlock

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/verify"
)

// Manifest is what a human or CI approves once: everything a program may
// do, and a digest that binds the program, the policy and the versions of
// the tools' declarations (an MCP server's generated package changes when
// its schemas do). airlock run --approved DIGEST runs only that exact
// combination.
type Manifest struct {
	Digest   string `json:"digest"`
	Program  string `json:"program"` // sha256 of the program's text
	Language string `json:"language"`
	Airlock  string `json:"airlock"` // airlock's version
	// PolicyDir is the folder the policy's relative paths (fs roots, the
	// shell's folder, MCP servers' folders) resolve against: the same
	// policy bytes elsewhere reach other data.
	PolicyDir string `json:"policy_dir,omitempty"`
	// Resolved is what the policy's providers resolve to on this machine:
	// root folders with links followed, servers' commands as found on
	// $PATH with ${VAR} expanded, databases (see provider.Resolver).
	Resolved     []string          `json:"resolved,omitempty"`
	Policy       string            `json:"policy"` // the policy's name
	PolicyDigest string            `json:"policy_sha256"`
	ToolSchemas  map[string]string `json:"tool_schemas"` // import path -> sha256 of its Go declaration
	Imports      []string          `json:"imports"`
	Tools        []ManifestTool    `json:"tools"`
	Flows        []plan.Flow       `json:"flows"`
	// MaxToolCalls is a static upper bound on the tool calls the program
	// can make, or null when a loop leaves it unbounded.
	MaxToolCalls *int `json:"max_tool_calls"`
}

// ManifestTool is one tool the program uses, with the shapes of its
// arguments.
type ManifestTool struct {
	Tool string        `json:"tool"`
	Uses int           `json:"uses"`
	Args []ManifestArg `json:"args"`
}

// ManifestArg is one parameter: the literal values written in the program,
// and how many uses pass a value only known at run time.
type ManifestArg struct {
	Name     string `json:"name"`
	Literals []any  `json:"literals,omitempty"`
	Dynamic  int    `json:"dynamic,omitempty"`
}

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Manifest describes a planned program under the engine's policy: what it
// may do, and the digest that binds it.
func (e *Engine) Manifest(p *plan.Plan, src []byte) Manifest {
	m := Manifest{
		Program:      sha(src),
		Language:     p.Language,
		Airlock:      Version(),
		PolicyDir:    e.policy.Dir,
		Resolved:     e.registry.Resolved(),
		Policy:       e.policy.Name,
		PolicyDigest: sha(e.policyData),
		ToolSchemas:  map[string]string{},
		Imports:      []string{},
		Tools:        []ManifestTool{},
		Flows:        p.Flows,
	}
	if m.Flows == nil {
		m.Flows = []plan.Flow{}
	}
	var paths []string
	for _, imp := range p.Imports {
		m.Imports = append(m.Imports, imp.Path)
		if imp.Tool {
			paths = append(paths, imp.Path)
		}
	}
	for _, pkg := range e.registry.PackagesFor(paths) {
		m.ToolSchemas[pkg.Path] = sha([]byte(pkg.Source))
	}
	byTool := map[string]*ManifestTool{}
	for _, u := range p.Uses {
		t := byTool[u.Tool]
		if t == nil {
			t = &ManifestTool{Tool: u.Tool, Args: []ManifestArg{}}
			byTool[u.Tool] = t
		}
		t.Uses++
		args := u.Args
		for _, c := range u.Calls {
			args = append(slices.Clone(args), c.Args...)
		}
		for _, a := range args {
			name, _, _ := strings.Cut(a.Name, "[")
			i := slices.IndexFunc(t.Args, func(x ManifestArg) bool { return x.Name == name })
			if i < 0 {
				t.Args = append(t.Args, ManifestArg{Name: name})
				i = len(t.Args) - 1
			}
			vals := a.Values // the values it may take, each a value the run may use
			if a.Known {
				vals = []any{a.Value}
			}
			if len(vals) == 0 {
				t.Args[i].Dynamic++
				continue
			}
			for _, v := range vals {
				if !slices.ContainsFunc(t.Args[i].Literals, func(x any) bool { return fmt.Sprint(x) == fmt.Sprint(v) }) {
					t.Args[i].Literals = append(t.Args[i].Literals, v)
				}
			}
		}
	}
	for _, t := range byTool {
		m.Tools = append(m.Tools, *t)
	}
	sort.Slice(m.Tools, func(i, j int) bool { return m.Tools[i].Tool < m.Tools[j].Tool })
	if p.CallBound != nil && p.CallBound.Bounded {
		n := p.CallBound.Max
		m.MaxToolCalls = &n
	}
	// The digest binds exactly what decides a run: the program read as
	// its language (a Go/shell polyglot is two programs), the policy and
	// where its paths resolve, the tools, and airlock itself.
	h := sha256.New()
	fmt.Fprintf(h, "airlock approval v2\nprogram %s\nlanguage %s\npolicy %s\npolicy-dir %q\nairlock %q\n",
		m.Program, m.Language, m.PolicyDigest, m.PolicyDir, m.Airlock)
	for _, path := range slices.Sorted(mapKeys(m.ToolSchemas)) {
		fmt.Fprintf(h, "tool %s %s\n", path, m.ToolSchemas[path])
	}
	for _, line := range m.Resolved {
		fmt.Fprintf(h, "resolved %q\n", line)
	}
	m.Digest = "sha256:" + hex.EncodeToString(h.Sum(nil))
	return m
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// verdictCache keeps the verdicts of approved digests, so a pipeline that
// re-runs an approved program finds its verdict without a reviewer.
// $AIRLOCK_CACHE, else the user's cache folder, /airlock/verdicts.
func verdictCache() string {
	if dir := os.Getenv("AIRLOCK_CACHE"); dir != "" {
		return filepath.Join(dir, "verdicts")
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "airlock", "verdicts")
}

// cachedVerdict is one entry of the verdict cache.
type cachedVerdict struct {
	Digest   string    `json:"digest"`
	Approved bool      `json:"approved"`
	Policy   string    `json:"policy"`
	Time     time.Time `json:"time"`
}

func cacheFile(digest string) string {
	dir := verdictCache()
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, strings.TrimPrefix(digest, "sha256:")+".json")
}

// remember stores a verdict under its digest; failures only lose the cache.
func remember(m Manifest, v *verify.Verdict) {
	f := cacheFile(m.Digest)
	if f == "" || os.MkdirAll(filepath.Dir(f), 0o700) != nil {
		return
	}
	b, _ := json.Marshal(cachedVerdict{Digest: m.Digest, Approved: v.Approved(), Policy: m.Policy, Time: time.Now().UTC()})
	tmp := f + ".tmp"
	if os.WriteFile(tmp, b, 0o600) == nil {
		os.Rename(tmp, f)
	}
}

// recall returns the cached verdict of a digest.
func recall(digest string) (cachedVerdict, bool) {
	f := cacheFile(digest)
	if f == "" {
		return cachedVerdict{}, false
	}
	b, err := os.ReadFile(f)
	if err != nil {
		return cachedVerdict{}, false
	}
	var c cachedVerdict
	if json.Unmarshal(b, &c) != nil || c.Digest != digest {
		return cachedVerdict{}, false
	}
	return c, true
}

// errNotApproved is a run refused because its digest is not the approved one.
var errNotApproved = errors.New("not approved")
