package shell

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/airlockhq/airlock/plan"
)

// fmtUse prints a use compactly: "line:col tool [context] args", each
// argument quoted when known and ?expr when not.
func fmtUse(u plan.ToolUse) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d:%d %s", u.Pos.Line, u.Pos.Col, u.Tool)
	if u.Context != "" {
		fmt.Fprintf(&b, " [%s]", u.Context)
	}
	for _, a := range u.Args {
		if a.Known {
			b.WriteString(" " + strconv.Quote(a.Value.(string)))
		} else {
			b.WriteString(" ?" + a.Expr)
		}
	}
	return b.String()
}

// fmtFinding prints a finding as "line:col rule".
func fmtFinding(f plan.Finding) string {
	return fmt.Sprintf("%d:%d %s", f.Pos.Line, f.Pos.Col, f.Rule)
}
