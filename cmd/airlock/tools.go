package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/tools"
)

func newToolsCmd() *cobra.Command {
	var (
		policy string
		format string
	)
	cmd := &cobra.Command{
		Use:   "tools",
		Short: "List, show and search the tools programs can call",
		Long: `tools describes the tool functions of the providers a policy configures (the
built-in ones without --policy), with the Go signature and doc a model needs to
call them: list them all, show one tool or package, or search by words so a
model with many tools loads only what it needs.

` + exitCodesHelp,
	}
	cmd.PersistentFlags().StringVar(&policy, "policy", "", "policy whose providers are described (default: built-in)")
	cmd.PersistentFlags().StringVar(&format, "format", "text", "output format: text or json")
	output := func(c *cobra.Command, sigs []tools.ToolSig, text func(io.Writer, []tools.ToolSig)) error {
		switch format {
		case "json":
			enc := json.NewEncoder(c.OutOrStdout())
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if sigs == nil {
				sigs = []tools.ToolSig{}
			}
			return enc.Encode(sigs)
		case "text":
			text(c.OutOrStdout(), sigs)
			return nil
		}
		return usageError("unknown format %q: want text or json", format)
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List every tool with its signature",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			return output(c, eng.Registry().Tools(), writeSignatures)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "show NAME",
		Short: "Show a tool (fs.ReadCSV) or a whole tool package (fs, airlock/fs) with its docs",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			pkgs, name, err := eng.Describe(c.Context(), args[0])
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			for _, pkg := range pkgs {
				if pkg.Name == name && format == "text" {
					_, err := fmt.Fprintf(c.OutOrStdout(), "// import %q\n%s", pkg.Path, pkg.Source)
					return err
				}
			}
			found := matching(pkgs, name)
			if len(found) == 0 {
				return usageError("no tool or tool package %q; `airlock tools list` shows them", args[0])
			}
			return output(c, found, writeDocs)
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:   "search QUERY...",
		Short: "Find tools whose name or doc matches the words, best first",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			eng, err := loadEngine(policy)
			if err != nil {
				return err
			}
			defer eng.Close()
			return output(c, search(eng.Registry().Tools(), args), writeDocs)
		},
	})
	return cmd
}

// search ranks tools by how many query words their name and doc contain;
// a word in the name counts three times. Tools matching no word are left out.
func search(sigs []tools.ToolSig, query []string) []tools.ToolSig {
	type hit struct {
		sig   tools.ToolSig
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
	out := make([]tools.ToolSig, len(hits))
	for i, h := range hits {
		out[i] = h.sig
	}
	return out
}

func writeSignatures(w io.Writer, sigs []tools.ToolSig) {
	width := 16
	for _, sig := range sigs {
		width = max(width, len(sig.Name))
	}
	for _, sig := range sigs {
		pkg, _, _ := strings.Cut(sig.Name, ".")
		fmt.Fprintf(w, "%-*s %s\n", width, sig.Name, strings.Replace(sig.Signature, "func ", "func "+pkg+".", 1))
	}
}

func writeDocs(w io.Writer, sigs []tools.ToolSig) {
	for i, sig := range sigs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "// import %q\n", sig.Import)
		for _, line := range strings.Split(strings.TrimRight(sig.Doc, "\n"), "\n") {
			fmt.Fprintln(w, strings.TrimRight("// "+line, " "))
		}
		fmt.Fprintln(w, sig.Signature)
		if sig.Types != "" {
			fmt.Fprintf(w, "\n%s", sig.Types)
		}
	}
}
