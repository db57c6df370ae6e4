package verify

import (
	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
)

// ToolSigs lists the tools of tool packages: one per exported function,
// named "<provider>.<Func>", with its parameter names in order. Every
// parameter must be named, since rules read arguments by name.
func ToolSigs(pkgs ...plan.ToolPackage) ([]ToolSig, error) {
	var sigs []ToolSig
	for _, pkg := range pkgs {
		some, err := decl.Sigs(pkg.Path, pkg.Name, pkg.Source)
		if err != nil {
			return nil, err
		}
		for _, sig := range some {
			// Rules read names and parameters; the rest is for people.
			sigs = append(sigs, ToolSig{Name: sig.Name, Params: sig.Params, Provider: sig.Provider})
		}
	}
	return sigs, nil
}
