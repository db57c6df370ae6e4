package plan

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"time"

	"github.com/airlockhq/airlock/internal/compat"
	"github.com/airlockhq/airlock/plan/bound"
	"github.com/airlockhq/airlock/plan/flow"
	"github.com/airlockhq/airlock/plan/pass"
)

// Build plans the Go program src, read from filename. It returns an error
// only when there is nothing to plan: src is larger than MaxSource, does not
// parse or nests too deep to check safely (a *SyntaxError), or opts declare
// a tool package that does not type-check. Every other problem is a Finding
// in the plan.
func Build(filename string, src []byte, opts Options) (*Plan, error) {
	if len(src) > MaxSource {
		return nil, fmt.Errorf("%s: program is %d bytes, over the limit of %d", filename, len(src), MaxSource)
	}
	tools, err := indexTools(opts.Tools)
	if err != nil {
		return nil, err
	}
	if err := checkBrackets(filename, src); err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, syntaxError(fset, filename, err)
	}
	if err := checkDepth(fset, filename, file); err != nil {
		return nil, err
	}
	b := &builder{
		fset:    fset,
		tok:     fset.File(file.Pos()),
		file:    file,
		src:     src,
		tools:   tools,
		flagged: map[token.Pos]bool{},
		plan: &Plan{
			File:     filename,
			Language: "go",
			Package:  file.Name.Name,
			Imports:  []Import{},
			Uses:     []ToolUse{},
			Findings: []Finding{},
			Source:   src,
		},
	}
	b.checkImports()
	b.checkComments()
	b.checkPackage()

	// Type checking can cost time exponential in the size of a hostile
	// program (nested generic types), and go/types cannot be interrupted:
	// past the deadline the plan is given up on, and the abandoned check
	// works on its own copy of the plan.
	partial := clonePlan(b.plan)
	done := make(chan error, 1)
	go func() { done <- b.analyse() }()
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			return nil, err
		}
		return b.plan, nil
	case <-timer.C:
		partial.Findings = append(partial.Findings, Finding{
			Pos:     Pos{Line: 1, Col: 1},
			Rule:    "too-complex",
			Message: fmt.Sprintf("the program could not be analysed within %s", timeout),
			Hint:    "simplify the program: deeply nested generic types make type checking explode",
		})
		sortPlan(partial)
		return partial, nil
	}
}

// analyse type-checks the program and collects its tool uses, then runs
// the passes over it: the flows between uses, the call bound and notes,
// and the rewrites for the interpreter.
func (b *builder) analyse() error {
	clean, err := b.typeCheck()
	if err != nil {
		return err
	}
	b.collectUses()
	sortPlan(b.plan) // flows refer to uses by index
	prog := &pass.Program{Fset: b.fset, File: b.file, Src: b.src, Info: b.info, Tools: b.toolPkgs, Uses: b.plan.Uses, UseOf: b.use}
	flows, findings := flow.Analyse(prog)
	b.plan.Flows = flows
	b.plan.Findings = append(b.plan.Findings, findings...)
	b.plan.Notes, b.plan.CallBound = bound.Review(prog)
	b.plan.Clock = bound.Clock(prog)
	if clean {
		out, rewrites, findings := compat.Rewrite(b.fset, b.file, b.info, b.src, b.imp)
		b.plan.Source = out
		b.plan.Rewrites = rewrites
		b.plan.Findings = append(b.plan.Findings, findings...)
	}
	sortPlan(b.plan)
	return nil
}

// clonePlan copies the plan's lists, so the copy can be returned while the
// original is still being written.
func clonePlan(p *Plan) *Plan {
	c := *p
	c.Imports = slices.Clone(p.Imports)
	c.Uses = slices.Clone(p.Uses)
	c.Findings = slices.Clone(p.Findings)
	c.Rewrites = slices.Clone(p.Rewrites)
	c.Flows = slices.Clone(p.Flows)
	c.Notes = slices.Clone(p.Notes)
	return &c
}

// builder holds what the stages of Build share.
type builder struct {
	fset  *token.FileSet
	tok   *token.File
	file  *ast.File
	src   []byte
	tools map[string]ToolPackage
	info  *types.Info
	imp   types.Importer // the program's imports, for checking its rewritten source
	plan  *Plan

	// values follows arguments to the values they may take; made at the
	// first argument that is not a constant.
	values *values
	// toolPkgs are the tool packages the program imports, as checked.
	toolPkgs map[*types.Package]ToolPackage
	// flagged holds the import paths already reported as findings, so the
	// type checker's "could not import" does not repeat them.
	flagged map[token.Pos]bool
	// noMain is set when the declaration of main is reported.
	noMain bool
}

// indexTools indexes tool packages by import path.
func indexTools(list []ToolPackage) (map[string]ToolPackage, error) {
	tools := make(map[string]ToolPackage, len(list))
	for _, t := range list {
		switch {
		case t.Path == "" || t.Name == "":
			return nil, fmt.Errorf("tool package %q: path and name are required", t.Path)
		case t.Path == runtimePath:
			return nil, fmt.Errorf("tool package %s: the path is reserved for the runtime package", t.Path)
		}
		if _, dup := tools[t.Path]; dup {
			return nil, fmt.Errorf("tool package %s: declared twice", t.Path)
		}
		tools[t.Path] = t
	}
	return tools, nil
}

// pos converts a position in the program, ignoring //line directives.
func (b *builder) pos(p token.Pos) Pos {
	if !p.IsValid() {
		return Pos{}
	}
	q := b.tok.PositionFor(p, false)
	return Pos{Line: q.Line, Col: q.Column}
}

// text is the source text of n.
func (b *builder) text(n ast.Node) string {
	return string(b.src[b.tok.Offset(n.Pos()):b.tok.Offset(n.End())])
}

func (b *builder) finding(p token.Pos, rule, msg, hint string) {
	b.plan.Findings = append(b.plan.Findings, Finding{Pos: b.pos(p), Rule: rule, Message: msg, Hint: hint})
}

// typeCheck checks the program against the symbol tables and the tool
// declarations, recording type errors as findings. clean reports a check
// without any error.
func (b *builder) typeCheck() (clean bool, err error) {
	// Sized from typical programs (per byte of source: an expression per 8,
	// a use per 13, a definition per 50) to save rehashing, a tenth of the
	// time of a large check.
	n := len(b.src)
	b.info = &types.Info{
		Types:      make(map[ast.Expr]types.TypeAndValue, n/8),
		Defs:       make(map[*ast.Ident]types.Object, n/50),
		Uses:       make(map[*ast.Ident]types.Object, n/13),
		Implicits:  map[ast.Node]types.Object{},
		Selections: make(map[*ast.SelectorExpr]*types.Selection, n/100),
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     make(map[ast.Node]*types.Scope, n/50),
	}
	im := &importer{tools: b.tools, pkgs: map[string]*types.Package{}, loading: map[string]bool{}}
	b.imp = im
	var errs []types.Error
	conf := types.Config{
		GoVersion:   goVersion,
		Importer:    im,
		FakeImportC: true, // import "C" is a finding of its own
		Sizes:       goSizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				errs = append(errs, te)
			}
		},
	}
	pkg := types.NewPackage("main", b.file.Name.Name)
	// The result is reported through Error.
	_ = types.NewChecker(&conf, b.fset, pkg, b.info).Files([]*ast.File{b.file})
	if im.err != nil {
		return false, im.err
	}
	b.toolPkgs = map[*types.Package]ToolPackage{}
	for path, p := range im.pkgs {
		b.toolPkgs[p] = b.tools[path]
	}
	clean = len(errs) == 0
	b.typeFindings(errs)
	return clean, nil
}

// sortPlan orders everything for stable output.
func sortPlan(p *Plan) {
	slices.SortStableFunc(p.Imports, func(a, b Import) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), comparePos(a.Pos, b.Pos))
	})
	slices.SortStableFunc(p.Uses, func(a, b ToolUse) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Tool, b.Tool))
	})
	slices.SortStableFunc(p.Findings, func(a, b Finding) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	slices.SortStableFunc(p.Rewrites, func(a, b Rewrite) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.From, b.From))
	})
}

func comparePos(a, b Pos) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}
