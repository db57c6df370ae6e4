// Package compat is the source half of running Go in the interpreter: it
// rewrites a type-checked program so that yaegi runs it with Go's
// semantics, and refuses, with a finding and a hint, what it cannot. Its
// run-time half is internal/shims (the package the rewrites import as
// "airlockshim"); exec's sandboxed child loads both into the interpreter.
// The planner (package plan) calls Rewrite as one of its passes; it lives
// here, beside the shims and apart from the planner, because what it knows
// is the interpreter, not the plan.
package compat

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"github.com/airlockhq/airlock/internal/library"
	"github.com/airlockhq/airlock/plan/model"
)

// The interpreter (yaegi v0.16.1) runs Go up to about 1.21 and gets some of
// it wrong. Rewrite turns the modern idioms models write into code it
// runs with Go's semantics, and reports what it cannot (rule "unsupported",
// with a hint). Each rewrite is a byte splice at an AST position that never
// adds or removes a newline, so run-time errors keep the program's lines.
// Every rewrite is checked end to end in internal/shims: the rewritten
// corpus of testdata, run by the interpreter, must print what the Go
// toolchain's build of the original prints.
//
// The rewrites:
//
//   - range over an integer becomes a three-clause loop; range over a
//     function a call of it with the loop body as the yield function
//     (break, continue and return translated), or a plain range loop over
//     maps.Keys, maps.Values, maps.All, slices.All, slices.Values and
//     strings.SplitSeq and its kin; a loop variable that a closure, defer,
//     go or pointer captures is copied per iteration, as Go 1.22 does
//     (loops.go);
//   - min, max and clear become function literals; calls of slices, maps
//     and cmp reach the reflect-based shims of internal/shims, with untyped
//     arguments typed, variadic arguments passed as a slice and generic
//     results asserted to their instantiated type; the shims used as values
//     become typed function literals; iter.Seq and iter.Seq2 become
//     function types and cmp.Ordered its type set; implicit type arguments
//     of program generic functions are made explicit; method expressions
//     become function literals; methods promoted through an embedded
//     interface are called through it (calls.go);
//   - errors.As, errors.Is and errors.Unwrap become interpreted equivalents
//     that see the methods of program types; program error values given to
//     native code are passed as error; values with a String method given
//     to fmt for %d are passed as their number (errors.go);
//   - type switches with an interface case and assertions to interfaces
//     with methods, which the interpreter gets wrong, become assertions it
//     gets right (switch.go);
//   - break and continue in select cases, which the interpreter sends to
//     the wrong statement, are made to leave a one-pass loop
//     (select.go);
//   - the operands of a deferred call that may change before it runs are
//     copied at the defer statement, and closures that deferred calls use
//     are created outside the deferring function's frame (defer.go);
//   - recover() hands the program the value it panicked with, and a panic
//     with a program error is reported by its Error text
//     (panic.go);
//   - functions of the program and tool functions used as values become
//     package-level function literals (calls.go); conversions to a
//     type parameter and instantiations by a lone type parameter are
//     written so the interpreter can instantiate them with program types
//     (generics.go);
//   - slices, maps and structs holding values with a String or Error
//     method are formatted for fmt by interpreted helpers (values.go).
//
// Some rewrites call native shims of their own (shimPath), which the child
// loads into every run.

// Compat parses and type-checks the program src and applies the
// compatibility rewrites: the stand-alone entry used by tests and tools.
// Imports resolve through imp, except the generic standard packages
// declared by Source. It returns the program to run, the rewrites and
// the findings; the error is a parse or type error.
func Apply(filename string, src []byte, imp types.Importer) ([]byte, []model.Rewrite, []model.Finding, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, nil, nil, err
	}
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
		Instances:  map[*ast.Ident]types.Instance{},
		Scopes:     map[ast.Node]*types.Scope{},
	}
	conf := types.Config{
		GoVersion: library.GoVersion,
		Importer:  &compatImporter{fset: fset, base: imp, pkgs: map[string]*types.Package{}},
		Sizes:     library.Sizes,
	}
	if _, err := conf.Check(file.Name.Name, fset, []*ast.File{file}, info); err != nil {
		return nil, nil, nil, err
	}
	out, rewrites, findings := Rewrite(fset, file, info, src, conf.Importer)
	return out, rewrites, findings, nil
}

// compatImporter serves the packages of Source from their
// declarations and everything else from base.
type compatImporter struct {
	fset *token.FileSet
	base types.Importer
	pkgs map[string]*types.Package
}

func (im *compatImporter) Import(path string) (*types.Package, error) {
	if pkg, ok := im.pkgs[path]; ok {
		return pkg, nil
	}
	src, ok := Source(path)
	if !ok {
		return im.base.Import(path)
	}
	f, err := parser.ParseFile(im.fset, path+".go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("declarations of %s: %w", path, err)
	}
	conf := types.Config{GoVersion: library.GoVersion, Importer: im}
	pkg, err := conf.Check(path, im.fset, []*ast.File{f}, nil)
	if err != nil {
		return nil, fmt.Errorf("declarations of %s: %w", path, err)
	}
	im.pkgs[path] = pkg
	return pkg, nil
}

// Rewrite rewrites the idioms of a type-checked program the
// interpreter cannot run. info must hold Types, Defs, Uses, Selections,
// Instances and Scopes. It returns the source to run (src itself when
// nothing changes), what it rewrote, and findings for what it cannot.
func Rewrite(fset *token.FileSet, file *ast.File, info *types.Info, src []byte, imp types.Importer) (out []byte, rewrites []model.Rewrite, findings []model.Finding) {
	if folded := foldConstants(fset, file, info, src); !bytes.Equal(folded, src) {
		// The other rules work on the program with its constants folded;
		// should that not check (a bug of the fold), on the program as it is.
		name := fset.File(file.Pos()).Name()
		fset2 := token.NewFileSet()
		if f2, info2, err := reparse(fset2, name, folded, imp); err == nil {
			fset, file, info, src = fset2, f2, info2, folded
			rewrites = append(rewrites, model.Rewrite{Pos: model.Pos{Line: 1, Col: 1}, From: "constant expressions evaluated as Go evaluates them"})
		}
	}
	r := &compatRewriter{
		tok:     fset.File(file.Pos()),
		file:    file,
		info:    info,
		src:     src,
		imports: map[string]string{},
		helpers: map[string]string{},

		selectSent: map[*ast.SendStmt]bool{},
	}
	for _, obj := range info.Defs { // the package clause's identifier has no object
		if obj != nil && obj.Pkg() != nil {
			r.pkg = obj.Pkg()
			break
		}
	}
	for _, spec := range file.Imports {
		if pkgName := info.PkgNameOf(spec); pkgName != nil {
			r.imports[pkgName.Imported().Path()] = pkgName.Name()
		}
	}
	if r.pkg == nil {
		return src, nil, nil
	}
	r.initOrder()
	r.dropUnsafe()
	ast.PreorderStack(file, nil, r.visit)
	r.finishDefers()
	r.markStructs()
	r.instances()
	r.describeTypes()
	r.selfMethods()
	r.addHelpers()
	return r.apply(), append(rewrites, r.rewrites...), r.findings
}

// compatRewriter holds the state of one rewrite.
type compatRewriter struct {
	tok     *token.File
	file    *ast.File
	info    *types.Info
	src     []byte
	pkg     *types.Package
	imports map[string]string // import path -> name in the file

	edits    []compatEdit
	rewrites []model.Rewrite
	findings []model.Finding

	idents   map[string]bool   // every identifier of the file, for fresh names
	captures []token.Pos       // where variables may be captured, in order
	fresh    int               // counter of fresh names
	helpers  map[string]string // helper key -> its name
	decls    []string          // helper declarations, appended after the imports
	shim     string            // the name the file imports shimPath under, once used

	defers  []pendingDefer        // defer statements, rewritten once the walk is done
	changed map[types.Object]bool // variables the program may change after they are set

	ptypes progTypes       // the program types described to the shims
	tail   []string        // declarations to append at the end of the file
	shapes map[string]bool // underlying types of the program's non-struct types

	initSpecs  map[*ast.ValueSpec]bool // package-level variables initialised by initOrder
	selectSent map[*ast.SendStmt]bool  // sends of selects whose value selectSends moved
	copies     []compatEdit            // ranges copied by copyOf
	aliases    map[types.Object]string // local type aliases -> the marker of their type
	nestedArgs map[ast.Node]bool       // type arguments instanceArgs wrote as aliases
}

// visit applies the rules to one node; it returns false when the rule
// replaced the whole subtree.
func (r *compatRewriter) visit(n ast.Node, stack []ast.Node) bool {
	r.conversions(n, stack)
	switch n := n.(type) {
	case *ast.StructType:
		r.structType(n, stack)
	case *ast.CompositeLit:
		r.instanceLiteral(n)
	case *ast.GenDecl:
		r.constRepeats(n)
	case *ast.FuncDecl:
		r.namedResults(n.Type, n.Body)
		r.unnamedParams(n.Type, n.Body)
	case *ast.FuncLit:
		r.namedResults(n.Type, n.Body)
		r.unnamedParams(n.Type, n.Body)
	case *ast.TypeSpec:
		r.typeSpec(n)
		r.localAlias(n, stack)
	case *ast.ParenExpr:
		r.leafParens(n)
	case *ast.MapType:
		r.mapKey(n)
	case *ast.BinaryExpr:
		r.interfaceEquality(n, stack)
		r.constantShift(n, stack)
		r.divisorCheck(n, n.Y, n.Op, n.OpPos, stack)
	case *ast.RangeStmt:
		r.rangeStmt(n, stack)
	case *ast.ForStmt:
		r.forStmt(n, stack)
	case *ast.SwitchStmt:
		r.switchStmt(n, stack)
	case *ast.TypeSwitchStmt:
		r.typeSwitch(n)
	case *ast.TypeAssertExpr:
		r.typeAssert(n, stack)
	case *ast.SelectStmt:
		r.selectStmt(n, stack)
	case *ast.DeferStmt:
		r.deferStmt(n, stack)
	case *ast.GoStmt:
		r.goStmt(n, stack)
	case *ast.ReturnStmt:
		r.returnRecv(n, stack)
	case *ast.UnaryExpr:
		r.arrayPointerAddr(n, stack)
	case *ast.AssignStmt:
		r.assign(n, stack)
	case *ast.ValueSpec:
		r.varSpec(n, stack)
		r.blankGlobals(n, stack)
	case *ast.CallExpr:
		return r.call(n, stack)
	case *ast.SelectorExpr:
		return r.selector(n, stack)
	case *ast.Ident:
		r.aliasUse(n, stack)
		r.ident(n, stack)
	case *ast.IndexExpr:
		if r.nestedArgs[n] {
			return false
		}
		r.instanceArgs([]ast.Expr{n.Index})
		r.mapIndexKey(n)
		r.indexCheck(n, stack)
		return r.index(n, n.X, n.Lbrack, n.Rbrack, stack)
	case *ast.IncDecStmt:
		r.mapWriteCheck(n, []ast.Expr{n.X}, stack)
	case *ast.SliceExpr:
		r.sliceCheck(n, stack)
	case *ast.IndexListExpr:
		if r.nestedArgs[n] {
			return false
		}
		r.instanceArgs(n.Indices)
		return r.index(n, n.X, n.Lbrack, n.Rbrack, stack)
	}
	return true
}

// mapKey refuses maps keyed by an interface type of the program that has
// methods: the interpreter keeps such keys in wrappers that compare by
// where the value was stored, so two equal keys are two entries, and some
// keys panic.
func (r *compatRewriter) mapKey(m *ast.MapType) {
	t := r.info.TypeOf(m.Key)
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != r.pkg {
		return
	}
	if it, ok := named.Underlying().(*types.Interface); ok && it.NumMethods() > 0 {
		r.unsupported(m.Key.Pos(), "maps keyed by an interface type with methods ("+named.Obj().Name()+") are not supported by the interpreter",
			"key the map by a concrete type: the pointer type, a string or an ID")
	}
}

// mapIndexKey refuses a value of a program type used as the key of a map
// whose key type is another package's interface with methods
// (map[error]int): the interpreter cannot hash the wrapper it puts the
// value in.
func (r *compatRewriter) mapIndexKey(ix *ast.IndexExpr) {
	m, ok := r.info.TypeOf(ix.X).Underlying().(*types.Map)
	if !ok {
		return
	}
	it, ok := m.Key().Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return
	}
	kt := r.info.TypeOf(ix.Index)
	if kt == nil || types.IsInterface(kt) {
		return
	}
	if n := namedOf(kt); n != nil && n.Obj().Pkg() == r.pkg {
		r.unsupported(ix.Index.Pos(), "a value of the program's type "+n.Obj().Name()+" as the key of a map keyed by an interface with methods is not supported by the interpreter",
			"key the map by a concrete type or a string, for example the error's text")
	}
}

// dropUnsafe removes the import of unsafe, which the interpreter does not
// offer: the functions a program may use from it are constants (unsafeCall),
// and the rest are refused.
func (r *compatRewriter) dropUnsafe() {
	for _, d := range r.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			if spec.Path.Value != `"unsafe"` {
				continue
			}
			// In its place, a package every run loads, imported for
			// nothing.
			r.replace(spec.Pos(), spec.End(), "_ "+strconv.Quote(shimPath))
		}
	}
}

// localAlias records a type alias declared in a function (type pt =
// struct{ X, Y int }), which the interpreter does not know by its name
// afterwards: aliasUse writes the aliased type in its place.
func (r *compatRewriter) localAlias(ts *ast.TypeSpec, stack []ast.Node) {
	if !ts.Assign.IsValid() || len(stack) < 2 {
		return
	}
	if _, ok := stack[len(stack)-2].(*ast.File); ok {
		return // package level: the interpreter knows those
	}
	obj := r.info.Defs[ts.Name]
	if obj == nil || strings.Contains(r.text(ts.Type), "\n") {
		r.unsupported(ts.Pos(), "this type alias inside a function is not supported by the interpreter", "declare the alias at package level")
		return
	}
	if r.aliases == nil {
		r.aliases = map[types.Object]string{}
	}
	r.aliases[obj] = r.copyOf(ts.Type.Pos(), ts.Type.End())
	// The declaration itself goes: the interpreter fails on it.
	if gd, ok := stack[len(stack)-1].(*ast.GenDecl); ok && len(gd.Specs) == 1 {
		r.cover(gd.Pos(), gd.End(), "")
	}
}

// aliasUse writes the type a local alias stands for in place of its name,
// in parentheses where a conversion needs them (the interpreter refuses
// them elsewhere).
func (r *compatRewriter) aliasUse(id *ast.Ident, stack []ast.Node) {
	marker, ok := r.aliases[r.info.Uses[id]]
	if !ok {
		return
	}
	text := marker
	if c, ok := parent(stack).(*ast.CallExpr); ok && ast.Unparen(c.Fun) == id {
		// A conversion: func, pointer and channel types need parentheses.
		switch r.info.TypeOf(id).Underlying().(type) {
		case *types.Signature, *types.Pointer, *types.Chan:
			text = "(" + marker + ")"
		}
	}
	r.replace(id.Pos(), id.End(), text)
	r.rewrite(id.Pos(), "type alias declared in a function")
}

// unnamedParams names the unnamed parameters of a function with a body
// _: the interpreter gives the arguments of func (Num) Eval(map[string]float64)
// to the wrong slots.
func (r *compatRewriter) unnamedParams(ft *ast.FuncType, body *ast.BlockStmt) {
	if body == nil || ft.Params == nil {
		return
	}
	for _, f := range ft.Params.List {
		if len(f.Names) == 0 {
			r.prefix(f.Type.Pos(), "_ ", 0)
			r.rewrite(f.Type.Pos(), "unnamed parameter")
		}
	}
}

// commaOk gives the value of v, ok := x.(T) and v, ok := m[k] its zero
// when ok is false, as Go does: the interpreter leaves the variable as it
// was, so in a loop a failed assertion or a missing key keeps the last
// iteration's value.
//
//	v, ok := m[k]       v, ok := m[k]; if !ok { v = *new(T) }
//	v, _ := x.(T)       v, _ok1 := x.(T); if !_ok1 { v = *new(T) }
//
// In the header of an if or switch, the operation becomes a function
// literal that returns the zero itself.
func (r *compatRewriter) commaOk(as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) != 2 || len(as.Rhs) != 1 || as.Tok != token.DEFINE && as.Tok != token.ASSIGN {
		return
	}
	var vt types.Type
	switch x := ast.Unparen(as.Rhs[0]).(type) {
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return
		}
		vt = r.info.TypeOf(x.Type)
		if isInterface(vt) || r.needsIdentity(vt) || r.viaAny(r.info.TypeOf(x.X), vt) {
			return // the assertion's own rewrite returns the zero
		}
	case *ast.IndexExpr:
		m, ok := r.info.TypeOf(x.X).Underlying().(*types.Map)
		if !ok {
			return
		}
		vt = m.Elem()
	default:
		return
	}
	v, okVar := as.Lhs[0], as.Lhs[1]
	if id, isIdent := v.(*ast.Ident); isIdent && id.Name == "_" {
		return
	}
	ts, ok := r.typeString(vt)
	if !ok || !r.pure(v) || strings.Contains(r.text(v), "\n") {
		return
	}
	switch parent(stack).(type) {
	case *ast.BlockStmt, *ast.CaseClause:
	case *ast.CommClause:
		if parent(stack).(*ast.CommClause).Comm == as {
			return
		}
	default:
		// A header: the operation returns the zero itself.
		if r.callsRecover(as.Rhs[0]) {
			return
		}
		rhs := as.Rhs[0]
		r.prefix(rhs.Pos(), "func() ("+ts+", bool) { _v, _ok := ", len(stack)+1)
		r.suffix(rhs.End(), "; if !_ok { return *new("+ts+"), false }; return _v, true }()", len(stack)+1)
		r.rewrite(rhs.Pos(), "comma-ok result zero when not ok")
		return
	}
	okText := r.text(okVar)
	if id, isIdent := okVar.(*ast.Ident); isIdent && id.Name == "_" {
		okText = r.name("ok")
		r.replace(okVar.Pos(), okVar.End(), okText)
		if as.Tok == token.ASSIGN {
			r.prefix(as.Pos(), "var "+okText+" bool; ", 0)
		}
	} else if !r.pure(okVar) {
		return
	}
	r.suffix(as.End(), "; if !"+okText+" { "+r.text(v)+" = *new("+ts+") }", 0)
	r.rewrite(as.Pos(), "comma-ok result zero when not ok")
}

// leafParens removes the parentheses around a name or a literal, which
// change nothing in Go; in the interpreter, x == (2) as the left operand of
// || or && fails ("reflect: call of reflect.Value.Bool on int Value").
func (r *compatRewriter) leafParens(p *ast.ParenExpr) {
	switch p.X.(type) {
	case *ast.Ident, *ast.BasicLit:
		r.drop(p.Lparen, p.Lparen+1)
		r.drop(p.Rparen, p.Rparen+1)
	}
}

// compatEdit replaces src[start:end] with text. An insertion (start ==
// end) either closes a construct (suffix) or opens one (prefix); at the
// same offset, suffixes go first, innermost first, then prefixes,
// outermost first, then replacements.
type compatEdit struct {
	start, end int
	text       string
	class      int // editSuffix, editPrefix or editReplace
	depth      int
	// optional edits (the run-time checks) give way to a rule that
	// rewrites the code around them.
	optional bool
	// a covering edit replaces the edits inside its range.
	covers bool
	// move marks a moved range (moveTo): the marker its text replaces.
	move string
	// pair links the two halves of checkAround: one dropped, both are.
	pair int
}

const (
	editSuffix = iota
	editPrefix
	editReplace
)

func (r *compatRewriter) off(p token.Pos) int { return r.tok.Offset(p) }

// replace replaces the source from..to with text.
func (r *compatRewriter) replace(from, to token.Pos, text string) {
	r.edits = append(r.edits, compatEdit{start: r.off(from), end: r.off(to), text: text, class: editReplace})
}

// prefix inserts text at p, opening a construct at nesting depth.
func (r *compatRewriter) prefix(p token.Pos, text string, depth int) {
	o := r.off(p)
	r.edits = append(r.edits, compatEdit{start: o, end: o, text: text, class: editPrefix, depth: depth})
}

// check inserts a run-time check's opening (prefix) or closing text at p:
// an optional edit, dropped where another rule rewrites the code around.
func (r *compatRewriter) check(p token.Pos, text string, depth int, opening bool) {
	o := r.off(p)
	class := editSuffix
	if opening {
		class = editPrefix
	}
	r.edits = append(r.edits, compatEdit{start: o, end: o, text: text, class: class, depth: depth, optional: true})
}

// cover replaces the source from..to with text, and the edits of the rules
// inside the range with it: the text stands for all of the range.
func (r *compatRewriter) cover(from, to token.Pos, text string) {
	r.edits = append(r.edits, compatEdit{start: r.off(from), end: r.off(to), text: text, class: editReplace, covers: true})
}

// moveTo moves the source from..to, with the edits inside it, to where
// the returned marker appears in the text of another edit, leaving text in
// its place. The range must be on one line, so that lines stay where they
// were.
func (r *compatRewriter) moveTo(from, to token.Pos, text string) string {
	r.fresh++
	marker := "\x00move" + strconv.Itoa(r.fresh) + "\x00"
	r.edits = append(r.edits, compatEdit{start: r.off(from), end: r.off(to), text: text, class: editReplace, covers: true, move: marker})
	return marker
}

// copyOf returns a marker that stands, in the text of an edit, for the
// source from..to as the other rules rewrite it. The range must be on one
// line.
func (r *compatRewriter) copyOf(from, to token.Pos) string {
	r.fresh++
	marker := "\x00copy" + strconv.Itoa(r.fresh) + "\x00"
	r.copies = append(r.copies, compatEdit{start: r.off(from), end: r.off(to), move: marker})
	return marker
}

// drop removes the source from..to, as an optional edit: it gives way to
// a rule that rewrites the code around.
func (r *compatRewriter) drop(from, to token.Pos) {
	r.edits = append(r.edits, compatEdit{start: r.off(from), end: r.off(to), class: editReplace, optional: true})
}

// checkAround puts optional text around from..to, both parts or neither:
// the pair gives way together to a rule that rewrites the code around.
func (r *compatRewriter) checkAround(from, to token.Pos, open, close string, depth int) {
	r.fresh++
	pair := r.fresh
	r.edits = append(r.edits,
		compatEdit{start: r.off(from), end: r.off(from), text: open, class: editPrefix, depth: depth, optional: true, pair: pair},
		compatEdit{start: r.off(to), end: r.off(to), text: close, class: editSuffix, depth: depth, optional: true, pair: pair})
}

// suffix inserts text at p, closing a construct at nesting depth.
func (r *compatRewriter) suffix(p token.Pos, text string, depth int) {
	o := r.off(p)
	r.edits = append(r.edits, compatEdit{start: o, end: o, text: text, class: editSuffix, depth: depth})
}

// apply splices the edits into the source. A replaced range keeps its
// newlines, at the end of the replacement, so every line stays where it
// was. Overlapping edits would be a bug in a rule: the later one is
// dropped and reported. A moved range is spliced on its own, with the
// edits inside it, and its text goes where the rule put its marker.
func (r *compatRewriter) apply() []byte {
	if len(r.edits) == 0 {
		return r.src
	}
	sortEdits(r.edits)
	moved := map[string]string{}
	for _, c := range r.copies {
		var inner []compatEdit
		for _, e := range r.edits {
			switch {
			case e.start < c.start, e.start > c.end, e.end > c.end,
				e.start == c.start && e.class == editSuffix, e.start == c.end && e.class != editSuffix:
				continue
			}
			inner = append(inner, e)
		}
		moved[c.move] = r.splice(inner, c.start, c.end)
	}
	for i, m := range r.edits {
		if m.move == "" {
			continue
		}
		var inner []compatEdit
		for j, e := range r.edits {
			switch {
			case j == i, e.start < m.start, e.start > m.end, e.end > m.end,
				e.start == m.start && e.class == editSuffix, e.start == m.end && e.class != editSuffix:
				continue
			}
			inner = append(inner, e)
		}
		moved[m.move] = r.splice(inner, m.start, m.end)
	}
	out := r.splice(r.edits, 0, len(r.src))
	for len(moved) > 0 {
		n := len(moved)
		for marker, text := range moved {
			if strings.Contains(out, marker) {
				out = strings.ReplaceAll(out, marker, text)
				delete(moved, marker)
			}
		}
		if len(moved) == n {
			break
		}
	}
	return []byte(out)
}

// splice writes src[from:to] with the edits, sorted, that fall in it.
func (r *compatRewriter) splice(edits []compatEdit, from, to int) string {
	var out strings.Builder
	out.Grow(to - from + (to-from)/8)
	last, coverFrom, coverTo := from, -1, -1
	dropped := map[int]bool{}
	for _, e := range edits {
		if e.start < last && e.optional || e.pair != 0 && dropped[e.pair] {
			if e.pair != 0 {
				dropped[e.pair] = true
			}
			continue
		}
		if coverFrom <= e.start && (e.start < coverTo || e.start == coverTo && e.class == editSuffix) {
			continue // inside a covering edit
		}
		if e.start < last {
			r.unsupported(r.tok.Pos(e.start), "cannot rewrite this code for the interpreter (overlapping rewrites)",
				"simplify the expression, for example by assigning parts of it to variables first")
			continue
		}
		out.Write(r.src[last:e.start])
		out.WriteString(e.text)
		if e.covers {
			coverFrom, coverTo = e.start, e.end
		}
		for _, c := range r.src[e.start:e.end] {
			if c == '\n' {
				out.WriteByte('\n')
			}
		}
		last = e.end
	}
	out.Write(r.src[last:to])
	return out.String()
}

// sortEdits puts edits in the order apply splices them.
func sortEdits(edits []compatEdit) {
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i], edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.covers != b.covers {
			return a.covers // before the edits it covers
		}
		if a.class != b.class {
			return a.class < b.class
		}
		switch a.class {
		case editSuffix:
			return a.depth > b.depth
		case editPrefix:
			return a.depth < b.depth
		}
		return !a.optional && b.optional // optional replacements give way
	})
}

// rewrite records that the construct at p was rewritten.
func (r *compatRewriter) rewrite(p token.Pos, from string) {
	r.rewrites = append(r.rewrites, model.Rewrite{Pos: r.pos(p), From: from})
}

// unsupported reports a construct the interpreter cannot run.
func (r *compatRewriter) unsupported(p token.Pos, msg, hint string) {
	r.findings = append(r.findings, model.Finding{Pos: r.pos(p), Rule: "unsupported", Message: msg, Hint: hint})
}

func (r *compatRewriter) pos(p token.Pos) model.Pos {
	q := r.tok.PositionFor(p, false)
	return model.Pos{Line: q.Line, Col: q.Column}
}

// text is the source of n.
func (r *compatRewriter) text(n ast.Node) string {
	return string(r.src[r.off(n.Pos()):r.off(n.End())])
}

// name returns a fresh identifier starting with base, used nowhere in the
// file. The names start with an underscore; the file is only searched for
// collisions when it has identifiers like that itself.
func (r *compatRewriter) name(base string) string {
	if r.idents == nil {
		r.idents = map[string]bool{}
		if underscoreIdents(r.src) {
			ast.Inspect(r.file, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					r.idents[id.Name] = true
				}
				return true
			})
		}
	}
	for {
		r.fresh++
		name := "_" + base + strconv.Itoa(r.fresh)
		if !r.idents[name] {
			r.idents[name] = true
			return name
		}
	}
}

// underscoreIdents reports whether src may hold an identifier starting
// with an underscore and a letter.
func underscoreIdents(src []byte) bool {
	for i := bytes.IndexByte(src, '_'); i >= 0; {
		if i+1 < len(src) && (i == 0 || !isIdentByte(src[i-1])) && isIdentByte(src[i+1]) {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '_')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// helper returns the name of a package-level helper function, declaring it
// on first use; decl formats the declaration from the name.
func (r *compatRewriter) helper(key string, decl func(name string) string) string {
	return r.helperNamed(key, key, decl)
}

// helperNamed is helper for a key that is not an identifier: the name
// starts with base instead.
func (r *compatRewriter) helperNamed(key, base string, decl func(name string) string) string {
	if name, ok := r.helpers[key]; ok {
		return name
	}
	name := r.name(base)
	r.helpers[key] = name
	if d := decl(name); d != "" {
		r.decls = append(r.decls, d)
	}
	return name
}

// shimPath is the import path of the native shims of the rewrites
// themselves (shims.RuntimePath in internal/shims), which the child loads
// into every run. Programs cannot import it.
const shimPath = "airlockshim"

// runtimeShim returns how the file calls the function fn of shimPath,
// importing the package on first use.
func (r *compatRewriter) runtimeShim(fn string) string {
	if r.shim == "" {
		r.shim = r.name("shim")
	}
	return r.shim + "." + fn
}

// addHelpers inserts the import of the shims and the helper declarations
// after the imports, on the same line.
func (r *compatRewriter) addHelpers() {
	if len(r.decls) == 0 && r.shim == "" && len(r.tail) == 0 {
		return
	}
	at := r.file.Name.End()
	for _, d := range r.file.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			at = g.End()
		}
	}
	var text strings.Builder
	if r.shim != "" {
		text.WriteString("; import " + r.shim + " " + strconv.Quote(shimPath))
	}
	for _, d := range r.decls {
		text.WriteString("; " + d)
	}
	r.suffix(at, text.String(), 0)
	if len(r.tail) > 0 {
		// Declarations the interpreter must see after the program's own.
		r.suffix(r.file.End(), "; "+strings.Join(r.tail, "; "), 0)
	}
}

// parent returns the innermost node of stack that is not a parenthesis.
func parent(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			return stack[i]
		}
	}
	return nil
}

// objectOf returns the object an identifier or qualified identifier
// refers to.
func (r *compatRewriter) objectOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return r.info.Uses[e]
	case *ast.SelectorExpr:
		if _, isSel := r.info.Selections[e]; isSel {
			return nil
		}
		return r.info.Uses[e.Sel]
	}
	return nil
}

// assign splits a parallel assignment the interpreter gets wrong into
// single ones: in "c, d = f(x), 5" it loses d when a right-hand side is
// anything but a name or a constant. The split keeps the meaning when every
// left-hand side is a plain variable and no right-hand side reads one of
// them (so "a, b = b, a" is left alone).
func (r *compatRewriter) assign(as *ast.AssignStmt, stack []ast.Node) {
	r.commaOk(as, stack)
	r.parenValues(as, stack)
	if as.Tok != token.DEFINE {
		r.mapWriteCheck(as, as.Lhs, stack)
	}
	if len(as.Rhs) == 1 {
		r.divisorCheck(as, as.Rhs[0], as.Tok, as.TokPos, stack)
	}
	if as.Tok == token.DEFINE {
		r.define(as, stack)
		return
	}
	if as.Tok != token.ASSIGN || len(as.Lhs) < 2 || len(as.Lhs) != len(as.Rhs) {
		return
	}
	switch parent(stack).(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return // an if, for or switch header takes a single simple statement
	}
	simple := true
	for _, e := range as.Rhs {
		switch ast.Unparen(e).(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			simple = false
		}
	}
	if simple {
		return
	}
	lhs := map[types.Object]bool{}
	split := true // single assignments in a row mean the same
	for _, e := range as.Lhs {
		id, ok := e.(*ast.Ident)
		if !ok {
			split = false
			continue
		}
		if id.Name == "_" {
			continue
		}
		obj := r.objectOf(id)
		if obj == nil || lhs[obj] {
			split = false
			continue
		}
		lhs[obj] = true
	}
	for _, e := range as.Rhs {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && lhs[r.info.Uses[id]] {
				split = false
			}
			return split
		})
	}
	if !split {
		r.assignViaTemps(as)
		return
	}
	parts := make([]string, len(as.Lhs))
	for i := range as.Lhs {
		parts[i] = r.text(as.Lhs[i]) + " = " + r.text(as.Rhs[i])
	}
	r.rewrite(as.Pos(), "parallel assignment")
	r.replace(as.Pos(), as.End(), strings.Join(parts, "; "))
}

// assignViaTemps rewrites a parallel assignment through typed temporaries,
// which hold every right-hand side before any variable changes. It gives
// up when a type cannot be written in this file.
// constRepeats writes out the implicit repetition of a constant
// declaration's type and expressions: in
//
//	const (
//		A Kind = iota + 1
//		B
//	)
//
// the interpreter gives B the type int, and B == Kind(2) is false. B
// becomes "B Kind = iota + 1", which Go defines it to mean.
func (r *compatRewriter) constRepeats(g *ast.GenDecl) {
	if g.Tok != token.CONST {
		return
	}
	var last *ast.ValueSpec
	for _, s := range g.Specs {
		vs := s.(*ast.ValueSpec)
		if vs.Type != nil || len(vs.Values) > 0 {
			last = vs
			continue
		}
		if last == nil || len(last.Values) != len(vs.Names) {
			continue
		}
		var values []string
		for _, v := range last.Values {
			text := r.text(v)
			if strings.Contains(text, "//") || strings.Contains(text, "/*") {
				return
			}
			values = append(values, strings.Join(strings.Fields(text), " "))
		}
		typ := ""
		if last.Type != nil {
			typ = " " + strings.Join(strings.Fields(r.text(last.Type)), " ")
		}
		end := vs.Names[len(vs.Names)-1].End()
		r.suffix(end, typ+" = "+strings.Join(values, ", "), 0)
		r.rewrite(vs.Pos(), "implicit repetition in a constant declaration")
	}
}

// constantShift gives the untyped constant of a shift by a variable its
// type: in p&(1<<i) with p a uint8, Go shifts a uint8 1, the interpreter an
// int, which it then cannot combine with p.
func (r *compatRewriter) constantShift(b *ast.BinaryExpr, stack []ast.Node) {
	if b.Op != token.SHL && b.Op != token.SHR {
		return
	}
	xv, ok := r.info.Types[b.X]
	if !ok || xv.Value == nil {
		return
	}
	if yv, ok := r.info.Types[b.Y]; !ok || yv.Value != nil {
		return
	}
	t := r.info.TypeOf(b)
	if basic, ok := t.(*types.Basic); t == nil || ok && basic.Info()&types.IsUntyped != 0 {
		// An untyped shift count is converted to an unsigned integer.
		outer, isShift := parent(stack).(*ast.BinaryExpr)
		if !isShift || outer.Op != token.SHL && outer.Op != token.SHR || ast.Unparen(outer.Y) != ast.Expr(b) {
			return
		}
		t = types.Typ[types.Uint]
	}
	ts, ok := r.typeString(t)
	if !ok {
		return
	}
	r.prefix(b.X.Pos(), ts+"(", len(stack)+1)
	r.suffix(b.X.End(), ")", len(stack)+1)
	r.rewrite(b.Pos(), "shift of an untyped constant")
}

// namedResults sets a function's named results to their zero values as it
// starts. The interpreter has the callee write its results straight into
// the caller's variables, so a named result starts with what the caller's
// variable last held: "s, p := count(n)" in a loop returns a growing count.
func (r *compatRewriter) namedResults(ft *ast.FuncType, body *ast.BlockStmt) {
	if body == nil || ft.Results == nil {
		return
	}
	if obj := r.pkg.Scope().Lookup("new"); obj != nil {
		return // new is not the builtin here
	}
	var parts []string
	for _, f := range ft.Results.List {
		if len(f.Names) == 0 {
			return
		}
		t, ok := r.typeString(r.info.TypeOf(f.Type))
		if !ok {
			return
		}
		for _, n := range f.Names {
			if n.Name != "_" {
				parts = append(parts, n.Name+" = *new("+t+")")
			}
		}
	}
	if len(parts) == 0 {
		return
	}
	r.suffix(body.Lbrace+1, " "+strings.Join(parts, "; ")+";", 0)
	r.rewrite(ft.Pos(), "named results set to zero")
}

// parenValues puts in parentheses the values of an assignment that the
// interpreter would store straight into the destination's slot, bypassing
// the assignment: a receive (xs[i] = <-c never stores), and in a header
// of if, for or switch, where the parallel assignment is not split, a
// call or composite literal among several values (all but it are
// dropped).
func (r *compatRewriter) parenValues(as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	header := false
	switch p := parent(stack).(type) {
	case *ast.CommClause:
		if p.Comm == ast.Stmt(as) {
			return // a select case's receive
		}
	case *ast.BlockStmt, *ast.CaseClause:
	default:
		header = len(as.Rhs) > 1
	}
	for _, e := range as.Rhs {
		switch e := e.(type) {
		case *ast.UnaryExpr:
			if e.Op != token.ARROW {
				continue
			}
		case *ast.CompositeLit:
			// x = T{...}, T a struct, assigns nothing to a variable a
			// closure captured; in parentheses it does.
			_, isStruct := r.info.TypeOf(e).Underlying().(*types.Struct)
			if !header && !(isStruct && as.Tok == token.ASSIGN) {
				continue
			}
			if !header {
				// Optional: a rule rewriting the whole assignment wins.
				r.checkAround(e.Pos(), e.End(), "(", ")", len(stack)+1)
				continue
			}
		case *ast.CallExpr:
			if !header {
				continue
			}
		default:
			continue
		}
		r.prefix(e.Pos(), "(", len(stack)+1)
		r.suffix(e.End(), ")", len(stack)+1)
		r.rewrite(e.Pos(), "value the interpreter would not assign")
	}
}

// returnRecv puts a returned receive in parentheses: "return <-c" panics
// in the interpreter, which stores the received value in place of the
// function's result.
func (r *compatRewriter) returnRecv(rs *ast.ReturnStmt, stack []ast.Node) {
	for _, e := range rs.Results {
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			r.prefix(e.Pos(), "(", len(stack)+1)
			r.suffix(e.End(), ")", len(stack)+1)
			r.rewrite(e.Pos(), "returned receive")
		}
	}
}

// define splits a parallel definition the interpreter gets wrong into
// single ones: in a loop, "n, xs := 0, []int{}" sets n on the first pass
// only when a right-hand side is not a name or a constant. The split keeps
// the meaning when no right-hand side names a variable being defined (which
// would then mean the new one); variables already declared are assigned.
func (r *compatRewriter) define(as *ast.AssignStmt, stack []ast.Node) {
	if len(as.Lhs) < 2 || len(as.Lhs) != len(as.Rhs) {
		return
	}
	switch parent(stack).(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return
	}
	if r.simpleValues(as.Rhs) {
		return
	}
	names := map[string]bool{}
	for _, e := range as.Lhs {
		if id, ok := e.(*ast.Ident); ok {
			names[id.Name] = true
		}
	}
	if r.mentions(as.Rhs, names) {
		return
	}
	// Only the text between the values changes, so that rewrites inside
	// the values still apply.
	for i, e := range as.Lhs {
		id := e.(*ast.Ident)
		op := " := "
		if id.Name == "_" || r.info.Defs[id] == nil {
			op = " = "
		}
		if i == 0 {
			r.replace(as.Pos(), as.Rhs[0].Pos(), id.Name+op)
		} else {
			r.replace(as.Rhs[i-1].End(), as.Rhs[i].Pos(), "; "+id.Name+op)
		}
	}
	r.rewrite(as.Pos(), "parallel definition")
}

// varSpec splits "var a, b = x, y" in a function, which the interpreter
// gets wrong as it does a parallel definition (define), into one
// specification per name.
func (r *compatRewriter) varSpec(vs *ast.ValueSpec, stack []ast.Node) {
	if len(vs.Names) < 2 || len(vs.Names) != len(vs.Values) || r.simpleValues(vs.Values) {
		return
	}
	gd, ok := parent(stack).(*ast.GenDecl)
	if !ok || gd.Tok != token.VAR {
		return
	}
	local := false
	for _, n := range stack {
		if _, ok := n.(*ast.FuncDecl); ok {
			local = true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			local = true
		}
	}
	if !local {
		return
	}
	names := map[string]bool{}
	for _, id := range vs.Names {
		names[id.Name] = true
	}
	if r.mentions(vs.Values, names) {
		return
	}
	typ := ""
	if vs.Type != nil {
		typ = " " + r.text(vs.Type)
	}
	for i, id := range vs.Names {
		if i == 0 {
			r.replace(vs.Pos(), vs.Values[0].Pos(), id.Name+typ+" = ")
			continue
		}
		next := "; " + id.Name + typ + " = "
		if !gd.Lparen.IsValid() {
			next = "; var " + id.Name + typ + " = "
		}
		r.replace(vs.Values[i-1].End(), vs.Values[i].Pos(), next)
	}
	r.rewrite(vs.Pos(), "parallel definition")
}

// blankGlobals names the package-level variables named _: of several, the
// interpreter initialises only one, so "var _ = register()" may not run.
func (r *compatRewriter) blankGlobals(vs *ast.ValueSpec, stack []ast.Node) {
	if len(vs.Values) == 0 || len(stack) < 2 || r.initSpecs[vs] {
		return
	}
	if _, ok := stack[len(stack)-2].(*ast.File); !ok {
		return
	}
	for _, id := range vs.Names {
		if id.Name == "_" {
			r.replace(id.Pos(), id.End(), r.name("blank"))
			r.rewrite(id.Pos(), "package-level variable named _")
		}
	}
}

// simpleValues reports whether every expression is a name or a literal.
func (r *compatRewriter) simpleValues(es []ast.Expr) bool {
	for _, e := range es {
		switch ast.Unparen(e).(type) {
		case *ast.Ident, *ast.BasicLit:
		default:
			return false
		}
	}
	return true
}

// mentions reports whether any of the expressions uses an identifier with
// one of the names.
func (r *compatRewriter) mentions(es []ast.Expr, names map[string]bool) bool {
	found := false
	for _, e := range es {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && names[id.Name] {
				if _, isField := r.info.Uses[id].(*types.Var); isField || r.info.Uses[id] != nil {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func (r *compatRewriter) assignViaTemps(as *ast.AssignStmt) {
	var decls, temps []string
	for i, e := range as.Lhs {
		t := r.info.TypeOf(e)
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" || t == nil {
			t = types.Default(r.info.TypeOf(as.Rhs[i]))
		}
		typ, ok := r.typeExpr(t)
		if !ok {
			return
		}
		name := r.name("a")
		decls = append(decls, "var "+name+" "+typ+" = "+r.text(as.Rhs[i]))
		temps = append(temps, name)
	}
	lhs := make([]string, len(as.Lhs))
	for i, e := range as.Lhs {
		lhs[i] = r.text(e)
	}
	r.rewrite(as.Pos(), "parallel assignment")
	r.replace(as.Pos(), as.End(), strings.Join(decls, "; ")+"; "+strings.Join(lhs, ", ")+" = "+strings.Join(temps, ", "))
}

// typeExpr writes t as this file can name it: types of the program's own
// package bare, others through the name the file imports them by.
func (r *compatRewriter) typeExpr(t types.Type) (string, bool) {
	if t == nil {
		return "", false
	}
	ok := true
	s := types.TypeString(t, func(p *types.Package) string {
		if p == nil || p.Path() == "main" || r.file.Name != nil && p.Name() == r.file.Name.Name && p.Path() == r.file.Name.Name {
			return ""
		}
		for _, imp := range r.file.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil || path != p.Path() {
				continue
			}
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					ok = false
					return p.Name()
				}
				return imp.Name.Name
			}
			return p.Name()
		}
		ok = false
		return p.Name()
	})
	if strings.Contains(s, "untyped") || strings.Contains(s, "invalid") {
		return "", false
	}
	return s, ok
}
