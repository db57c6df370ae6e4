// Package pass holds what the planner's passes read: the program as the
// planner parsed and type-checked it, with the tool uses it collected. The
// planner (package plan) builds a Program and runs the passes beside it
// (plan/flow, plan/bound, internal/compat) over it; each writes its part of
// the plan's data (plan/model).
package pass

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/airlockhq/airlock/plan/model"
)

// Program is a parsed and type-checked program.
type Program struct {
	Fset *token.FileSet
	File *ast.File
	Src  []byte
	// Info holds Types, Defs, Uses, Implicits, Selections, Instances and
	// Scopes; nil when the program could not be checked.
	Info *types.Info
	// Tools are the tool packages the program imports, as checked.
	Tools map[*types.Package]model.ToolPackage
	// Uses are the program's tool uses, sorted: passes refer to them by
	// index.
	Uses []model.ToolUse
	// UseOf describes the use of the tool function fn that the identifier
	// id makes, stack being id's ancestors, as the planner describes it in
	// Uses: to match identifiers to uses.
	UseOf func(tool model.ToolPackage, fn *types.Func, id *ast.Ident, stack []ast.Node) model.ToolUse
}

// Pos converts a position in the program, ignoring //line directives.
func (p *Program) Pos(q token.Pos) model.Pos {
	if !q.IsValid() {
		return model.Pos{}
	}
	r := p.Fset.File(p.File.Pos()).PositionFor(q, false)
	return model.Pos{Line: r.Line, Col: r.Column}
}

// Offset is the byte offset of q in Src.
func (p *Program) Offset(q token.Pos) int { return p.Fset.File(p.File.Pos()).Offset(q) }

// Text is the source text of n.
func (p *Program) Text(n ast.Node) string { return string(p.Src[p.Offset(n.Pos()):p.Offset(n.End())]) }

// ToolName is a tool function's name as the policy knows it:
// "<provider>.<Func>", or "<provider>.<Type>.<Method>".
func ToolName(tool model.ToolPackage, fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		if n, ok := types.Unalias(Deref(recv.Type())).(*types.Named); ok {
			return tool.Name + "." + n.Obj().Name() + "." + fn.Name()
		}
	}
	return tool.Name + "." + fn.Name()
}

// Deref is the type a pointer type points to, or t itself.
func Deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// ParamName is a parameter's name, or fallback for an unnamed one.
func ParamName(name, fallback string) string {
	if name == "" || name == "_" {
		return fallback
	}
	return name
}
