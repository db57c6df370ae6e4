package plan

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/internal/compat"
	"github.com/airlockhq/airlock/internal/library"
)

// goVersion is the language version programs are checked against. Newer
// idioms the interpreter lacks are rewritten after the check.
const goVersion = library.GoVersion

// runtimePath is the import path of the runtime package every program may
// import. It is built in, not a tool: its uses are not tool uses.
const runtimePath = library.RuntimePath

const runtimeSource = `package airlock

// Result hands v back to the caller as the summary's result, encoded as JSON. The last call wins.
func Result(v any)
`

// Runtime returns the declarations of the runtime package "airlock", which
// every program may import, in the form tool packages are declared in.
func Runtime() ToolPackage {
	return ToolPackage{Path: runtimePath, Name: "airlock", Source: runtimeSource}
}

// goSizes are the sizes of types where programs run, for unsafe.Sizeof,
// Alignof and Offsetof.
var goSizes = library.Sizes

// errUnavailable is what the importer says of a package the sandbox lacks;
// Build reports those imports itself, with a hint.
var errUnavailable = errors.New("not available in the sandbox")

// stdlib is the process-wide cache of the packages a program may import
// besides its tools: the standard packages of the symbol tables, those
// declared as source for their generic API, and the runtime package. A
// package is built on its first import and never changes afterwards, so
// concurrent checks share it.
var stdlib struct {
	mu      sync.Mutex
	keys    map[string]string // import path -> key in library.Symbols
	conv    *converter
	pkgs    map[string]*types.Package
	errs    map[string]error
	loading map[string]bool
}

// stdKeys returns the index of the symbol tables by import path, setting
// up the cache on first use. Call with stdlib.mu held.
func stdKeys() map[string]string {
	if stdlib.keys != nil {
		return stdlib.keys
	}
	keys := map[string]string{}
	names := map[string]string{}
	for key := range library.Symbols {
		i := strings.LastIndexByte(key, '/')
		if i <= 0 {
			continue // "." holds MapTypes, not a package
		}
		keys[key[:i]] = key
		names[key[:i]] = key[i+1:]
	}
	stdlib.keys = keys
	stdlib.conv = newConverter(names)
	stdlib.pkgs = map[string]*types.Package{}
	stdlib.errs = map[string]error{}
	stdlib.loading = map[string]bool{}
	return keys
}

// stdAvailable reports whether path names a standard package programs may
// import.
func stdAvailable(path string) bool {
	stdlib.mu.Lock()
	_, native := stdKeys()[path] // airlock/table too
	stdlib.mu.Unlock()
	return native || library.Offers(path)
}

// stdPaths lists the standard packages programs may import, sorted.
func stdPaths() []string {
	paths := library.Packages()
	stdlib.mu.Lock()
	for path := range stdKeys() {
		if !slices.Contains(paths, path) {
			paths = append(paths, path) // airlock/table
		}
	}
	stdlib.mu.Unlock()
	slices.Sort(paths)
	return slices.DeleteFunc(paths, func(p string) bool { return p == "unsafe" })
}

// importStd returns the standard or runtime package path, building it on
// first use.
func importStd(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	stdlib.mu.Lock()
	defer stdlib.mu.Unlock()
	stdKeys()
	return importStdLocked(path)
}

type stdImporter struct{}

func (stdImporter) Import(path string) (*types.Package, error) { return importStdLocked(path) }

func importStdLocked(path string) (*types.Package, error) {
	if pkg, ok := stdlib.pkgs[path]; ok {
		return pkg, nil
	}
	if err, ok := stdlib.errs[path]; ok {
		return nil, err
	}
	if stdlib.loading[path] {
		return nil, fmt.Errorf("import cycle through %s", path)
	}
	stdlib.loading[path] = true
	pkg, err := buildStd(path)
	delete(stdlib.loading, path)
	if err == errUnavailable {
		return nil, err // not cached: programs may name any number of paths
	}
	if err != nil {
		stdlib.errs[path] = err
		return nil, err
	}
	stdlib.pkgs[path] = pkg
	return pkg, nil
}

// buildStd builds one package. Source declarations (the generic API the
// symbol tables lack) come first; symbols they do not declare join them in
// the same package object, the one every converted type of that path uses.
func buildStd(path string) (*types.Package, error) {
	if path == runtimePath {
		return checkDecls(path, runtimeSource, types.NewPackage(path, "airlock"), stdImporter{})
	}
	key, inSymbols := stdlib.keys[path]
	src, inCompat := compat.Source(path)
	if !inSymbols && !inCompat {
		return nil, errUnavailable
	}
	pkg := stdlib.conv.pkg(path)
	if inCompat {
		if _, err := checkDecls(path, src, pkg, stdImporter{}); err != nil {
			return nil, fmt.Errorf("declarations of %s: %w", path, err)
		}
	}
	if inSymbols {
		stdlib.conv.fill(pkg, library.Symbols[key])
	}
	pkg.MarkComplete()
	return pkg, nil
}

// checkDecls type-checks a package declared as source, whose functions may
// have no bodies, into pkg. Errors name the file path+".go".
func checkDecls(path, src string, pkg *types.Package, imp types.Importer) (*types.Package, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path+".go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	pkg.SetName(f.Name.Name)
	var errs []string
	conf := types.Config{
		GoVersion:        goVersion,
		Importer:         imp,
		IgnoreFuncBodies: true,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && strings.Contains(te.Msg, "missing function body") {
				return // generic functions are declared without bodies too
			}
			errs = append(errs, err.Error())
		},
	}
	// The result is reported through Error.
	_ = types.NewChecker(&conf, fset, pkg, nil).Files([]*ast.File{f})
	if len(errs) > 0 {
		return nil, errors.New(strings.Join(errs, "; "))
	}
	pkg.MarkComplete()
	return pkg, nil
}

// importer resolves the imports of one program: its tool packages, checked
// from their declarations once per Build, and everything else from stdlib.
type importer struct {
	tools   map[string]ToolPackage
	pkgs    map[string]*types.Package
	loading map[string]bool
	err     error // first tool package whose declarations do not check
}

func (im *importer) Import(path string) (*types.Package, error) {
	tool, ok := im.tools[path]
	if !ok {
		return importStd(path)
	}
	if pkg, ok := im.pkgs[path]; ok {
		return pkg, nil
	}
	if im.loading[path] {
		return nil, fmt.Errorf("import cycle through %s", path)
	}
	im.loading[path] = true
	pkg, err := checkDecls(path, tool.Source, types.NewPackage(path, tool.Name), im)
	delete(im.loading, path)
	if err != nil {
		err = fmt.Errorf("tool package %s: %w", path, err)
		if im.err == nil {
			im.err = err
		}
		return nil, err
	}
	im.pkgs[path] = pkg
	return pkg, nil
}
