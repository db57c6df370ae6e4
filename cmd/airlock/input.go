package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/tools"
	"github.com/airlockhq/airlock/verify"
)

// readProgram reads a program from a file or, for "-", from stdin. Reading
// stops just past plan.MaxSource so an oversized input costs no memory.
func readProgram(cmd *cobra.Command, arg string) (name string, src []byte, err error) {
	var r io.Reader
	if arg == "-" {
		name, r = "<stdin>", cmd.InOrStdin()
	} else {
		f, err := os.Open(arg)
		if err != nil {
			return "", nil, usageError("reading program: %v", err)
		}
		defer f.Close()
		name, r = arg, f
	}
	src, err = io.ReadAll(io.LimitReader(r, plan.MaxSource+1))
	if err != nil {
		return "", nil, usageError("reading %s: %v", name, err)
	}
	return name, src, nil
}

// setup is what every command needs: the policy and the tools it configures.
type setup struct {
	policy   *verify.Policy
	registry *tools.Registry
}

// loadSetup loads the policy at path, or the built-in default when path is
// empty, and builds the tool registry it configures.
func loadSetup(path string) (*setup, error) {
	known, err := verify.ToolSigs(tools.BuiltinPackages()...)
	if err != nil {
		return nil, err
	}
	for i := range known {
		known[i].Params = append(known[i].Params, tools.Derived(known[i].Name)...)
	}
	if path == "" {
		reg, err := tools.New(nil, "")
		if err != nil {
			return nil, err
		}
		return &setup{policy: verify.Default(), registry: reg}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError("reading policy: %v", err)
	}
	pol, err := verify.Load(path, data, known)
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	reg, err := tools.FromPolicy(pol.Providers, filepath.Dir(path))
	if err != nil {
		return nil, usageError("policy %s: %v", path, err)
	}
	return &setup{policy: pol, registry: reg}, nil
}

// buildPlan plans one program with the tools of the setup.
func (s *setup) buildPlan(name string, src []byte) (*plan.Plan, error) {
	p, err := plan.Build(name, src, plan.Options{Tools: s.registry.Packages()})
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	return p, nil
}

// canonical puts known arguments in the form the tool's provider will use at
// run time, for verify.CheckOptions.Canonical. The plan names the extra
// arguments of a variadic call "args[0]", "args[1]"...: they are sent as one
// list, as the sandbox's stub does.
func (s *setup) canonical(tool string, args []plan.Arg) (map[string]any, error) {
	p, fn, ok := s.registry.Lookup(tool)
	if !ok {
		return nil, nil
	}
	params, _ := p.Params(fn)
	values := map[string]any{}
	for _, a := range args {
		if base, _, variadic := strings.Cut(a.Name, "["); variadic {
			list, _ := values[base].([]any)
			values[base] = append(list, a.Value)
			continue
		}
		values[a.Name] = a.Value
	}
	raw := make([]json.RawMessage, len(params))
	for i, name := range params {
		b, err := json.Marshal(values[name]) // a variadic parameter with no values is null
		if err != nil {
			return nil, nil
		}
		raw[i] = b
	}
	return p.Prepare(fn, raw)
}

// checkOptions are the options every command judges programs with.
func (s *setup) checkOptions(strict bool) verify.CheckOptions {
	return verify.CheckOptions{Strict: strict, Canonical: s.canonical}
}
