package tools

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/airlockhq/airlock/plan"
)

// Search ranks tools by how many query words their name and doc contain;
// a word in the name counts three times. Tools matching no word are left out.
func Search(sigs []ToolSig, query []string) []ToolSig {
	type hit struct {
		sig   ToolSig
		score int
	}
	var hits []hit
	for _, sig := range sigs {
		name, doc := strings.ToLower(sig.Name), strings.ToLower(sig.Doc)
		score := 0
		for _, q := range query {
			for _, w := range strings.Fields(strings.ToLower(q)) {
				if strings.Contains(name, w) {
					score += 3
				}
				if strings.Contains(doc, w) {
					score++
				}
			}
		}
		if score > 0 {
			hits = append(hits, hit{sig, score})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score > hits[j].score })
	out := make([]ToolSig, len(hits))
	for i, h := range hits {
		out[i] = h.sig
	}
	return out
}

// WriteSignatures writes a line per tool: its name and Go signature.
func WriteSignatures(w io.Writer, sigs []ToolSig) {
	width := 16
	for _, sig := range sigs {
		width = max(width, len(sig.Name))
	}
	for _, sig := range sigs {
		pkg, _, _ := strings.Cut(sig.Name, ".")
		fmt.Fprintf(w, "%-*s %s\n", width, sig.Name, strings.Replace(sig.Signature, "func ", "func "+pkg+".", 1))
	}
}

// WriteDocs writes each tool as Go: its import path, doc comment,
// signature and the types it uses.
func WriteDocs(w io.Writer, sigs []ToolSig) { WriteMarkedDocs(w, sigs, nil) }

// WriteMarkedDocs is WriteDocs with a line of mark's under each import,
// when mark is set and says something of the tool.
func WriteMarkedDocs(w io.Writer, sigs []ToolSig, mark func(name string) string) {
	for i, sig := range sigs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "// import %q\n", sig.Import)
		if mark != nil {
			if m := mark(sig.Name); m != "" {
				fmt.Fprintf(w, "// %s\n", m)
			}
		}
		for _, line := range strings.Split(strings.TrimRight(sig.Doc, "\n"), "\n") {
			fmt.Fprintln(w, strings.TrimRight("// "+line, " "))
		}
		fmt.Fprintln(w, sig.Signature)
		if sig.Types != "" {
			fmt.Fprintf(w, "\n%s", sig.Types)
		}
	}
}

// Matching lists the tools of pkgs called name, or in the package name.
func Matching(pkgs []plan.ToolPackage, name string) []ToolSig {
	var found []ToolSig
	for _, pkg := range pkgs {
		sigs, _ := Signatures(pkg)
		for _, sig := range sigs {
			if sig.Name == name || strings.HasPrefix(sig.Name, name+".") {
				found = append(found, sig)
			}
		}
	}
	return found
}
