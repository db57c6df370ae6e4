package exec

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/airlockhq/airlock/verify"
)

// Run-time flow checks. For every data-flow rule (and always for those
// that say "uncertain: check", which the static check lets through), the
// parent remembers the text of every result a source tool hands the
// program, and refuses a call to a sink tool whose arguments carry any of
// it: the values are tagged as they cross the RPC boundary. It is a second
// line behind the static analysis, and the only one for data that travels
// through a tool (written to the workspace and read back).
//
// What is remembered: each line of a result's text, and each word of it
// (split at spaces and punctuation that is not part of an address or a
// number) that has a digit or a symbol in it or is long, of minTagged
// bytes or more; and each of those reversed, in
// ROT13, in upper and lower case, hex-encoded and base64-encoded (standard
// and URL alphabets, padded or not). A sink's argument that contains any of
// them anywhere is refused. What passes: text shorter than minTagged,
// pieces of a word, and transformations other than these (xor, bits,
// arithmetic on the bytes, a hash, an encoding of a piece not aligned with
// a word).
const (
	minTagged = 8       // shorter strings are too common to mean anything
	maxTagged = 1024    // longer ones are remembered by their first maxTagged bytes
	maxTags   = 500_000 // remembered strings per run, each form counted; past it every external call is refused
)

type taint struct {
	rules []verify.FlowRule
	pol   *verify.Policy

	mu   sync.Mutex
	tags map[string]map[string][]string // label -> first minTagged bytes -> remembered strings
	seen map[string]bool
	n    int
	// full is set when a labelled result could not be remembered: from
	// then on no sink call can be checked, and each is refused.
	full bool
	// received holds the labels of every result the run was handed: what
	// it writes to the workspace carries them (see received).
	received map[string]bool
}

func newTaint(pol *verify.Policy) *taint {
	var rules []verify.FlowRule
	for _, r := range pol.FlowRules() {
		if r.Kind != "control" && r.To != "output" {
			rules = append(rules, r)
		}
	}
	if len(rules) == 0 {
		return nil
	}
	return &taint{rules: rules, pol: pol, tags: map[string]map[string][]string{}, seen: map[string]bool{}, received: map[string]bool{}}
}

// result remembers what a source tool returned; extra are labels the
// result carries besides the tool's (a workspace file's).
func (t *taint) result(tool string, body []byte, extra ...string) {
	if t == nil {
		return
	}
	labels := append(t.pol.Labels(tool), extra...)
	t.mu.Lock()
	for _, l := range labels {
		t.received[l] = true
	}
	t.mu.Unlock()
	var from []string
	for _, r := range t.rules {
		if slices.Contains(labels, r.From) {
			from = append(from, r.From)
		}
	}
	if len(from) == 0 {
		return
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	walkStrings(v, func(s string) {
		for _, line := range strings.Split(s, "\n") {
			line = strings.TrimSpace(line)
			if len(line) < minTagged {
				continue
			}
			if len(line) > maxTagged {
				line = line[:maxTagged]
			}
			pieces := []string{line}
			for _, w := range strings.FieldsFunc(line, wordBreak) {
				if len(w) >= minTagged && w != line && looksLikeData(w) {
					pieces = append(pieces, w)
				}
			}
			for _, piece := range pieces {
				for _, form := range forms(piece) {
					for _, label := range from {
						t.remember(label, form)
					}
				}
			}
		}
	})
}

// remember adds one string to a label's tags.
func (t *taint) remember(label, s string) {
	s = strings.ToLower(s) // matched whatever the case
	key := label + "\x00" + s
	if len(s) < minTagged || t.seen[key] {
		return
	}
	if t.n >= maxTags {
		t.full = true
		return
	}
	t.seen[key] = true
	t.n++
	idx := t.tags[label]
	if idx == nil {
		idx = map[string][]string{}
		t.tags[label] = idx
	}
	idx[s[:minTagged]] = append(idx[s[:minTagged]], s)
}

// wordBreak splits a line into words: at spaces and punctuation, keeping
// what addresses, numbers and identifiers are made of.
func wordBreak(r rune) bool {
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return !strings.ContainsRune("@.-_+/", r)
}

// looksLikeData reports a word worth remembering on its own: one with a
// digit or a symbol in it (an address, a number, a key), or a long one. A
// word of letters alone is too likely to be written by the program itself
// ("customer").
func looksLikeData(w string) bool {
	return len(w) >= 20 || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
}

// forms returns s and the transformations of it a program makes most
// cheaply on its way out: reversed, ROT13, case changed, hex, base64.
func forms(s string) []string {
	b := []byte(s)
	rev := []rune(s)
	slices.Reverse(rev)
	rot := strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z':
			return 'a' + (r-'a'+13)%26
		case 'A' <= r && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		}
		return r
	}, s)
	return []string{s, string(rev), rot, hex.EncodeToString(b),
		base64.StdEncoding.EncodeToString(b), base64.URLEncoding.EncodeToString(b),
		base64.RawStdEncoding.EncodeToString(b), base64.RawURLEncoding.EncodeToString(b)}
}

// receivedLabels returns, sorted, the labels of everything the run has
// been handed so far.
func (t *taint) receivedLabels() []string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for l := range t.received {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// check returns the rule a call to a sink tool breaks, with the argument
// that carries tagged data, or ok. Each argument is scanned once, looking
// up every window of minTagged bytes among the tags' beginnings.
func (t *taint) check(tool string, args map[string]any) (rule verify.FlowRule, arg string, broken bool) {
	if t == nil {
		return
	}
	labels := t.pol.Labels(tool)
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, r := range t.rules {
		if !slices.Contains(labels, r.To) {
			continue
		}
		if t.full {
			return r, "", true
		}
		idx := t.tags[r.From]
		if len(idx) == 0 {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(args)) {
			if r.Arg != "" && name != r.Arg {
				continue
			}
			hit := false
			walkStrings(args[name], func(s string) {
				s = strings.ToLower(s)
				for i := 0; !hit && i+minTagged <= len(s); i++ {
					for _, tag := range idx[s[i:i+minTagged]] {
						if strings.HasPrefix(s[i:], tag) {
							hit = true
							break
						}
					}
				}
			})
			if hit {
				return r, name, true
			}
		}
	}
	return
}

// walkStrings calls f with every string in a decoded JSON value; numbers
// count as their text.
func walkStrings(v any, f func(string)) {
	switch x := v.(type) {
	case string:
		f(x)
	case map[string]any:
		for _, e := range x {
			walkStrings(e, f)
		}
	case []any:
		for _, e := range x {
			walkStrings(e, f)
		}
	}
}
