package main

import (
	"encoding/json"
	"fmt"
	"io"

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
			return output(c, eng.Registry().Tools(), tools.WriteSignatures)
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
			found := tools.Matching(pkgs, name)
			if len(found) == 0 {
				return usageError("no tool or tool package %q; `airlock tools list` shows them", args[0])
			}
			return output(c, found, tools.WriteDocs)
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
			return output(c, tools.Search(eng.Registry().Tools(), args), tools.WriteDocs)
		},
	})
	return cmd
}
