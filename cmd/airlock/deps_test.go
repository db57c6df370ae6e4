package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies pins what the binary links and what it must not: yaegi's
// full stdlib symbol table would hand programs os/exec, syscall and unsafe,
// and the planner must stay free of the interpreter and the policy language.
func TestDependencies(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	deps := func(pkg string) map[string]bool {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		m := map[string]bool{}
		for _, p := range strings.Fields(string(out)) {
			m[p] = true
		}
		return m
	}
	bin := deps(".")
	for _, p := range []string{"github.com/traefik/yaegi/stdlib", "github.com/traefik/yaegi/stdlib/unsafe", "github.com/traefik/yaegi/stdlib/syscall"} {
		if bin[p] {
			t.Errorf("airlock links %s", p)
		}
	}
	if !bin["github.com/traefik/yaegi/interp"] {
		t.Errorf("airlock does not link the interpreter: the check above proves nothing")
	}
	pl := deps("github.com/airlockhq/airlock/plan")
	for p := range pl {
		if strings.HasPrefix(p, "github.com/traefik/yaegi") || strings.HasPrefix(p, "github.com/expr-lang/expr") {
			t.Errorf("plan imports %s", p)
		}
	}
	for _, p := range []string{"github.com/airlockhq/airlock/verify", "github.com/airlockhq/airlock/exec"} {
		if pl[p] {
			t.Errorf("plan imports %s: imports must flow cmd -> exec -> verify -> plan", p)
		}
	}
	if v := deps("github.com/airlockhq/airlock/verify"); v["github.com/airlockhq/airlock/exec"] || v["github.com/traefik/yaegi/interp"] {
		t.Errorf("verify imports exec or the interpreter")
	}
}
