package cli

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// packageDoc opens the declaration of airlock/cli.
const packageDoc = `// Package cli runs the commands the policy declares. Each function runs one
// command on the machine outside the sandbox, under the policy, and returns
// its standard output. Arguments are substituted into the command's argument
// list directly, never through a shell; a value that would start an argument
// with "-" is refused, since the command would read it as an option. The
// error reports a non-zero exit status with the end of the command's
// standard error, a timeout, or output larger than the policy allows.
package cli
`

// results maps an output kind to the declared result type.
var results = map[string]string{
	outputText:  "string",
	outputLines: "[]string",
	outputJSON:  "any",
}

// generate writes the package's Go declaration: one bodiless function per
// tool, sorted by name.
func (p *Provider) generate() string {
	var b strings.Builder
	b.WriteString(packageDoc)
	for _, name := range slices.Sorted(maps.Keys(p.tools)) {
		t := p.tools[name]
		b.WriteString("\n")
		writeComment(&b, t.docText())
		params := make([]string, len(t.params))
		for i, pr := range t.params {
			params[i] = pr.name + " " + pr.typ
		}
		fmt.Fprintf(&b, "func %s(%s) (%s, error)\n", name, strings.Join(params, ", "), results[t.output])
	}
	return b.String()
}

// docText is a tool's doc comment: the policy's doc, the command template,
// the params and the result.
func (t *tool) docText() string {
	var parts []string
	if d := strings.TrimSpace(t.doc); d != "" {
		parts = append(parts, d)
	}
	words := make([]string, len(t.command))
	for i, w := range t.command {
		words[i] = w
		if strings.ContainsFunc(w, isControl) {
			words[i] = strconv.Quote(w)
		}
	}
	runs := "Runs: " + strings.Join(words, " ")
	if t.stdin != "" {
		runs += "\nwith {" + t.stdin + "} as standard input."
	}
	parts = append(parts, runs)
	if len(t.params) > 0 {
		var list []string
		for _, pr := range t.params {
			item := "  - " + pr.name
			if d := strings.Join(strings.Fields(pr.doc), " "); d != "" {
				item += ": " + d
			}
			list = append(list, item)
		}
		parts = append(parts, strings.Join(list, "\n"))
	}
	switch t.output {
	case outputText:
		parts = append(parts, "It returns the command's standard output.")
	case outputLines:
		parts = append(parts, "It returns the lines of the command's standard output.")
	case outputJSON:
		parts = append(parts, "It returns the command's standard output decoded as JSON.")
	}
	return strings.Join(parts, "\n\n")
}

// writeComment writes text as a // comment, one line per line.
func writeComment(b *strings.Builder, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimRightFunc(line, isSpace)
		line = strings.Map(func(r rune) rune {
			if isControl(r) {
				return ' '
			}
			return r
		}, line)
		if line == "" {
			b.WriteString("//\n")
			continue
		}
		b.WriteString("// " + line + "\n")
	}
}

func isControl(r rune) bool {
	return r < ' ' && r != '\t' || r == 0x7f || r == '\u2028' || r == '\u2029'
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }
