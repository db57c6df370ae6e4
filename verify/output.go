package verify

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/airlockhq/airlock/plan"
)

// FileResult is the outcome of verifying one file.
type FileResult struct {
	File    string
	Verdict *Verdict // nil when Err is set
	Err     error    // the file could not be read or planned
}

// entry is one line of text output: a violation, or a note about a use that
// is checked at run time.
type entry struct {
	pos     plan.Pos
	note    bool
	rule    string
	message string
	hint    string
}

// entries returns what to report about one file, sorted by position.
func (r FileResult) entries() []entry {
	v := r.Verdict
	if v == nil {
		return nil
	}
	var out []entry
	for _, x := range v.Violations {
		out = append(out, entry{pos: x.Pos, rule: x.Rule, message: x.Message, hint: x.Hint})
	}
	if v.plan != nil {
		for _, n := range append(slices.Clone(v.plan.Notes), v.notes...) {
			out = append(out, entry{pos: n.Pos, note: true, rule: n.Rule, message: n.Message, hint: n.Hint})
		}
	}
	if !v.strict {
		for _, u := range v.Uses {
			if u.Decision == Deferred {
				out = append(out, entry{
					pos: u.Use.Pos, note: true, rule: RuleDeferred,
					message: fmt.Sprintf("%s is checked when the program runs: %s", describeUse(u.Use), u.Reason),
				})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b entry) int {
		return cmp.Or(
			cmp.Compare(a.pos.Line, b.pos.Line),
			cmp.Compare(a.pos.Col, b.pos.Col),
			compareBool(a.note, b.note),
			strings.Compare(a.message, b.message),
		)
	})
	return out
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// sortResults returns the results ordered by file name.
func sortResults(results []FileResult) []FileResult {
	sorted := slices.Clone(results)
	slices.SortStableFunc(sorted, func(a, b FileResult) int { return strings.Compare(a.File, b.File) })
	return sorted
}

// WriteText writes one line per violation, like go vet:
//
//	prog.go:12:2: import "os" is not allowed: the sandbox does not provide it
//		hint: use airlock/fs or fmt instead
//	prog.go:20:9: note: fs.ReadFile(name) is checked when the program runs: argument path is only known at run time
//
// Files are in name order, lines in position order. An approved file with
// nothing checked at run time prints nothing.
func WriteText(w io.Writer, results []FileResult) error {
	var b strings.Builder
	for _, r := range sortResults(results) {
		if r.Err != nil {
			msg := r.Err.Error()
			if !strings.HasPrefix(msg, r.File+":") {
				msg = r.File + ": " + msg
			}
			b.WriteString(msg)
			b.WriteByte('\n')
			continue
		}
		for _, e := range r.entries() {
			fmt.Fprintf(&b, "%s:%d:%d: ", r.File, e.pos.Line, e.pos.Col)
			if e.note {
				b.WriteString("note: ")
			}
			b.WriteString(e.message)
			b.WriteByte('\n')
			if e.hint != "" {
				fmt.Fprintf(&b, "\thint: %s\n", e.hint)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes all results as one JSON document:
//
//	{"approved": false, "files": [{"file": ..., "policy": ..., "approved": ...,
//	  "tool_uses": [...], "violations": [...]}, {"file": ..., "error": ...}]}
func WriteJSON(w io.Writer, results []FileResult) error {
	type fileError struct {
		File     string `json:"file"`
		Approved bool   `json:"approved"`
		Error    string `json:"error"`
	}
	doc := struct {
		Approved bool  `json:"approved"`
		Files    []any `json:"files"`
	}{Approved: true, Files: []any{}}
	for _, r := range sortResults(results) {
		switch {
		case r.Err != nil:
			doc.Files = append(doc.Files, fileError{File: r.File, Error: r.Err.Error()})
			doc.Approved = false
		case r.Verdict != nil:
			doc.Files = append(doc.Files, r.Verdict)
			doc.Approved = doc.Approved && r.Verdict.Approved()
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ruleDescriptions describe the rule identifiers of violations in SARIF.
var ruleDescriptions = map[string]string{
	RuleImport:   "Import not allowed by the policy",
	RuleTool:     "Tool not granted by the policy",
	RuleDenied:   "Tool use denied by its rule",
	RuleArgument: "Tool argument the tool itself refuses",
	RuleDeferred: "Tool use only checkable at run time",
	RuleProgram:  "Program denied by a program rule",
	RuleFlow:     "Tool result reaches a sink the policy forbids",
	RulePolicy:   "No usable policy",
}

// SARIF 2.1.0, only the parts airlock fills in.
type (
	sarifLog struct {
		Version string     `json:"version"`
		Schema  string     `json:"$schema"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool        sarifTool         `json:"tool"`
		Invocations []sarifInvocation `json:"invocations"`
		Results     []sarifResult     `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID               string    `json:"id"`
		ShortDescription sarifText `json:"shortDescription"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// WriteSARIF writes the results as a SARIF 2.1.0 log, for code-scanning
// services: violations are errors, uses checked at run time are notes, and
// files that could not be read or planned are tool execution
// notifications.
func WriteSARIF(w io.Writer, results []FileResult) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: "airlock", InformationURI: "https://github.com/airlockhq/airlock", Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		Results:     []sarifResult{},
	}
	rules := map[string]bool{}
	for _, r := range sortResults(results) {
		uri := filepath.ToSlash(r.File)
		if r.Err != nil {
			inv := &run.Invocations[0]
			inv.ExecutionSuccessful = false
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{Text: r.Err.Error()},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri}}}},
			})
			continue
		}
		for _, e := range r.entries() {
			level, text := "error", e.message
			if e.note {
				level = "note"
			}
			if e.hint != "" {
				text += "\nhint: " + e.hint
			}
			rules[e.rule] = true
			run.Results = append(run.Results, sarifResult{
				RuleID:  e.rule,
				Level:   level,
				Message: sarifText{Text: text},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
					ArtifactLocation: sarifArtifact{URI: uri},
					Region:           &sarifRegion{StartLine: max(e.pos.Line, 1), StartColumn: e.pos.Col},
				}}},
			})
		}
	}
	for _, id := range sortedKeys(rules) {
		desc, ok := ruleDescriptions[id]
		if !ok {
			desc = "Program cannot run as written (" + id + ")"
		}
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifText{Text: desc}})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []sarifRun{run},
	})
}
