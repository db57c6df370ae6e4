package plan

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/token"
	"go/types"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/airlockhq/airlock/internal/library"
)

// checkImports lists the imports and reports those that cannot run: cgo,
// paths into the file system, and packages the sandbox does not have.
func (b *builder) checkImports() {
	for _, spec := range b.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue // the parser has rejected it already
		}
		imp := Import{Path: p, Pos: b.pos(spec.Pos())}
		if spec.Name != nil {
			imp.Name = spec.Name.Name
		}
		_, imp.Tool = b.tools[p]
		b.plan.Imports = append(b.plan.Imports, imp)

		switch {
		case imp.Tool || p == runtimePath:
		case p == "C":
			b.flagged[spec.Path.Pos()] = true
			b.finding(spec.Pos(), "cgo", `import "C" (cgo) is not allowed: the program runs without a C toolchain`,
				"write it in pure Go with the standard packages")
		case p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/"):
			b.flagged[spec.Path.Pos()] = true
			b.finding(spec.Pos(), "import-path", fmt.Sprintf("import %q refers to the file system, which programs cannot import from", p),
				"a program is one file: put the code in it, or import a standard or tool package by its path")
		case !stdAvailable(p):
			b.flagged[spec.Path.Pos()] = true
			b.finding(spec.Pos(), "unavailable", fmt.Sprintf("package %s is not available to programs", p), b.unavailableHint(p))
		}
	}
}

// unavailableHint says what a program can import instead of p.
func (b *builder) unavailableHint(p string) string {
	var toolPaths []string
	for tp := range b.tools {
		toolPaths = append(toolPaths, tp)
	}
	sort.Strings(toolPaths)
	tools := "none"
	if len(toolPaths) > 0 {
		tools = strings.Join(toolPaths, " ")
	}
	if strings.HasPrefix(p, runtimePath+"/") {
		return "tool packages offered: " + tools
	}
	var hint strings.Builder
	for _, alt := range library.Instead[p] {
		if _, tool := b.tools[alt]; tool || !strings.HasPrefix(alt, runtimePath+"/") && stdAvailable(alt) {
			fmt.Fprintf(&hint, "use %s instead; ", alt)
			break
		}
	}
	fmt.Fprintf(&hint, "packages available: %s (tools); %s (runtime); %s", tools, runtimePath, compactPaths(stdPaths()))
	return hint.String()
}

// compactPaths writes sorted import paths briefly, sharing parents:
// "container/{heap,list,ring}".
func compactPaths(paths []string) string {
	var out []string
	for i := 0; i < len(paths); {
		dir := path.Dir(paths[i])
		j := i
		for j < len(paths) && path.Dir(paths[j]) == dir && dir != "." {
			j++
		}
		if j-i < 2 {
			out = append(out, paths[i])
			i++
			continue
		}
		var bases []string
		for _, p := range paths[i:j] {
			bases = append(bases, path.Base(p))
		}
		out = append(out, dir+"/{"+strings.Join(bases, ",")+"}")
		i = j
	}
	return strings.Join(out, " ")
}

// checkComments reports compiler directives and build constraints that
// change what the program does or may hide it. A build constraint that holds
// on the machine the sandbox runs on, and a directive that only guides the
// compiler's code generation, change nothing and are accepted.
func (b *builder) checkComments() {
	header := true // comments before the package clause: where constraints count
	for _, group := range b.file.Comments {
		if group.Pos() > b.file.Package {
			header = false
		}
		for _, c := range group.List {
			b.checkComment(c, header)
		}
	}
	b.checkPlusBuild()
}

// codegenDirectives only steer how the compiler generates code (or what
// tools do with the file); a program computes the same with or without them.
var codegenDirectives = map[string]bool{
	"noinline": true, "nosplit": true, "norace": true, "nocheckptr": true,
	"uintptrescapes": true, "registerparams": true, "generate": true, "fix": true,
}

func (b *builder) checkComment(c *ast.Comment, header bool) {
	text := c.Text
	switch {
	case strings.HasPrefix(text, "//go:"):
		name, _, _ := strings.Cut(text[len("//go:"):], " ")
		name, _, _ = strings.Cut(name, "\t")
		switch {
		case name == "linkname":
			b.finding(c.Pos(), "linkname", "//go:linkname reaches into the internals of other packages",
				"remove the directive and call only exported functions of available packages")
		case name == "embed":
			b.finding(c.Pos(), "embed", "//go:embed reads files when the program is built, which programs cannot do",
				"remove the directive and read files at run time through a tool package")
		case name == "build":
			if header {
				b.checkConstraint(c, text)
			}
			// After the package clause the line is an ordinary comment, to
			// Go as here.
		case codegenDirectives[name]:
		default:
			b.finding(c.Pos(), "directive", fmt.Sprintf("//go:%s directives are not allowed", name),
				"remove the directive")
		}
	case strings.HasPrefix(text, "//line ") || strings.HasPrefix(text, "/*line "):
		b.finding(c.Pos(), "directive", "//line directives change the positions errors are reported at",
			"remove the directive")
	}
}

// checkConstraint judges a //go:build line of the file's header: the go
// command would not build a file whose constraint is false on the machine
// the program runs on, so airlock does not run it either.
func (b *builder) checkConstraint(c *ast.Comment, text string) {
	expr, err := constraint.Parse(text)
	if err != nil {
		b.finding(c.Pos(), "build-constraint", "malformed build constraint: "+err.Error(),
			"remove the //go:build line")
		return
	}
	if !expr.Eval(buildTag) {
		b.finding(c.Pos(), "build-constraint",
			fmt.Sprintf("the build constraint %q excludes this file on %s/%s, where programs run: go build would not build it", expr.String(), runtime.GOOS, runtime.GOARCH),
			"remove the //go:build line if the program is meant to run")
	}
}

// checkPlusBuild judges the old "// +build" lines, which count only in the
// header, before a blank line, and only when there is no //go:build line.
func (b *builder) checkPlusBuild() {
	var lines []*ast.Comment
	for _, group := range b.file.Comments {
		if group.End() >= b.file.Package {
			break
		}
		if group == b.file.Doc {
			continue // not followed by a blank line: package documentation
		}
		for _, c := range group.List {
			if strings.HasPrefix(c.Text, "//go:build") {
				return
			}
			if isPlusBuild(c.Text) {
				lines = append(lines, c)
			}
		}
	}
	for _, c := range lines {
		expr, err := constraint.Parse(c.Text)
		if err != nil {
			b.finding(c.Pos(), "build-constraint", "malformed build constraint: "+err.Error(), "remove the // +build line")
			continue
		}
		if !expr.Eval(buildTag) {
			b.finding(c.Pos(), "build-constraint",
				fmt.Sprintf("the build constraint %q excludes this file on %s/%s, where programs run: go build would not build it", expr.String(), runtime.GOOS, runtime.GOARCH),
				"remove the // +build line if the program is meant to run")
		}
	}
}

// buildTag reports whether a build tag holds for programs: the sandbox's
// operating system and architecture, the gc toolchain, every released
// language version up to the one programs are checked against, no cgo.
func buildTag(tag string) bool {
	switch tag {
	case runtime.GOOS, runtime.GOARCH, "gc":
		return true
	case "unix":
		return runtime.GOOS != "windows" && runtime.GOOS != "plan9" && runtime.GOOS != "js" && runtime.GOOS != "wasip1"
	}
	if v, ok := strings.CutPrefix(tag, "go1."); ok {
		n, err := strconv.Atoi(v)
		max, _ := strconv.Atoi(strings.TrimPrefix(goVersion, "go1."))
		return err == nil && n >= 1 && n <= max
	}
	return false
}

// isPlusBuild reports a "// +build" line, the old form of //go:build.
func isPlusBuild(text string) bool {
	rest, ok := strings.CutPrefix(text, "//")
	return ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "+build")
}

// checkPackage reports a package that is not main, and a missing or
// malformed func main.
func (b *builder) checkPackage() {
	if name := b.file.Name.Name; name != "main" {
		b.finding(b.file.Name.Pos(), "package", fmt.Sprintf("package %s cannot run: programs are package main", name),
			"start the file with `package main` and put the work in func main")
	}
	var main *ast.FuncDecl
	for _, d := range b.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "main" {
			main = fd
			break
		}
	}
	switch {
	case main == nil:
		b.noMain = true
		b.finding(b.file.Package, "no-main", "the program has no func main",
			"add `func main() { ... }`: the program starts there")
	case main.Type.TypeParams != nil || main.Type.Params.NumFields() > 0 || main.Type.Results.NumFields() > 0:
		b.noMain = true
		b.finding(main.Name.Pos(), "no-main", "func main must take no arguments and return no values",
			"declare `func main()`: get inputs through tool calls, and hand results back with airlock.Result")
	}
	for _, d := range b.file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body == nil {
			b.finding(fd.Name.Pos(), "type", fmt.Sprintf("func %s has no body", fd.Name.Name),
				"give the function a body")
		}
	}
}

var undefinedQualified = regexp.MustCompile(`^undefined: (\w+)\.\w+`)

// maxTypeFindings caps the type errors reported, like the compiler's "too
// many errors": a model fixes the first ones and tries again.
const maxTypeFindings = 20

// typeFindings turns type errors into findings, the first maxTypeFindings
// in source order, leaving out those another finding already explains.
func (b *builder) typeFindings(errs []types.Error) {
	errs = slices.DeleteFunc(errs, func(te types.Error) bool {
		return b.flagged[te.Pos] && strings.HasPrefix(te.Msg, "could not import") ||
			b.noMain && (strings.HasPrefix(te.Msg, "func main must have no") || strings.HasPrefix(te.Msg, "cannot declare main"))
	})
	slices.SortStableFunc(errs, func(x, y types.Error) int { return cmp.Compare(x.Pos, y.Pos) })
	if len(errs) > maxTypeFindings {
		b.finding(errs[maxTypeFindings].Pos, "type", fmt.Sprintf("too many type errors: %d more not shown", len(errs)-maxTypeFindings),
			"fix the errors above first")
		errs = errs[:maxTypeFindings]
	}
	imported := b.importedPackages()
	for _, te := range errs {
		var hint string
		if m := undefinedQualified.FindStringSubmatch(te.Msg); m != nil {
			if pkg := imported[m[1]]; pkg != nil {
				hint = exportsHint(pkg)
				if note, ok := library.Partial[pkg.Path()]; ok {
					hint = note + "; " + hint
				}
			}
		}
		b.finding(te.Pos, "type", te.Msg, hint)
	}
}

// importedPackages maps the names the program's file uses for its imports
// to the packages.
func (b *builder) importedPackages() map[string]*types.Package {
	m := map[string]*types.Package{}
	for _, spec := range b.file.Imports {
		obj := b.info.Implicits[spec]
		if spec.Name != nil {
			obj = b.info.Defs[spec.Name]
		}
		if pn, ok := obj.(*types.PkgName); ok {
			m[pn.Name()] = pn.Imported()
		}
	}
	return m
}

// exportsHint lists what a package declares, briefly.
func exportsHint(pkg *types.Package) string {
	const max = 40
	var names []string
	for _, name := range pkg.Scope().Names() {
		if token.IsExported(name) {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return ""
	}
	more := ""
	if len(names) > max {
		more = fmt.Sprintf(" and %d more", len(names)-max)
		names = names[:max]
	}
	return fmt.Sprintf("package %s declares %s%s", pkg.Path(), strings.Join(names, ", "), more)
}
