// Package fs serves the airlock/fs tool package: read-only access to files
// under named roots that the policy grants.
//
// Programs name files by virtual paths whose first element is a root's name
// ("data/sales.csv"). Every path is made canonical (see Clean) before the
// policy sees it, and opened through an os.Root, so neither ".." nor a
// symbolic link can reach outside the root's directory.
package fs

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/airlockhq/airlock/plan"
	"github.com/airlockhq/airlock/plan/decl"
	"github.com/airlockhq/airlock/tools/internal/config"
	"github.com/airlockhq/airlock/tools/provider"
)

// DefaultMaxRead is the largest file the provider reads unless the policy
// sets max_read.
const DefaultMaxRead = 64 << 20

// Entry is one entry of a directory, as declared in the package source.
type Entry struct {
	Name string
	Dir  bool
	Size int64
}

// Declaration returns the package's Go declaration, without any policy's
// configuration.
func Declaration() plan.ToolPackage {
	return plan.ToolPackage{Path: "airlock/fs", Name: "fs", Source: source}
}

// funcs indexes the declared functions by name, parsed on first use: the
// binary's start-up, paid by every sandboxed child, stays free of it.
var funcs = sync.OnceValue(func() map[string]decl.Func { return decl.MustIndex(source) })

// Provider serves airlock/fs for one policy. It is safe for concurrent use.
type Provider struct {
	roots   map[string]*os.Root
	dirs    map[string]string // the roots' folders, absolute
	maxRead int64
}

// validRootName reports whether name can name a root: one path element of
// letters, digits, '_', '-' and '.', not starting with '.' or '-'.
func validRootName(name string) bool {
	if name == "" || name[0] == '.' || name[0] == '-' {
		return false
	}
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// New returns a provider configured by the policy's providers.fs section:
//
//	roots:    {data: ../testdata/sheets}  # root name -> directory, relative to baseDir
//	max_read: 64MiB                       # largest file read
//
// It opens every root's directory now, so a missing one is reported at once;
// Close releases them.
func New(cfg map[string]any, baseDir string) (*Provider, error) {
	s := config.New("fs", cfg)
	dirs := s.StringMap("roots")
	maxRead := s.Size("max_read", DefaultMaxRead)
	if err := s.Err(); err != nil {
		return nil, err
	}
	p := &Provider{roots: map[string]*os.Root{}, dirs: map[string]string{}, maxRead: maxRead}
	for _, name := range slices.Sorted(maps.Keys(dirs)) {
		if !validRootName(name) {
			p.Close()
			return nil, fmt.Errorf("providers.fs.roots: root name %q must be letters, digits, '_', '-' or '.', not starting with '.' or '-'", name)
		}
		dir := dirs[name]
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(baseDir, dir)
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			p.Close()
			return nil, fmt.Errorf("providers.fs.roots.%s: %w", name, err)
		}
		p.roots[name] = root
		p.dirs[name] = dir
	}
	return p, nil
}

// Resolved lists each root's folder, symbolic links followed.
func (p *Provider) Resolved() []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(p.dirs)) {
		out = append(out, "root "+name+" "+config.RealPath(p.dirs[name]))
	}
	return out
}

// Close releases the roots' directories.
func (p *Provider) Close() error {
	var errs []error
	for _, r := range p.roots {
		errs = append(errs, r.Close())
	}
	return errors.Join(errs...)
}

// Package returns the declaration, its package comment naming the roots
// this policy grants, so a model reading it knows where to look.
func (p *Provider) Package() plan.ToolPackage {
	pkg := Declaration()
	names := "none"
	if len(p.roots) > 0 {
		names = strings.Join(slices.Sorted(maps.Keys(p.roots)), ", ")
	}
	pkg.Source = strings.Replace(pkg.Source, "\npackage fs\n",
		"\n//\n// Roots granted by this policy: "+names+".\npackage fs\n", 1)
	return pkg
}

// Roots returns the names of the roots the policy grants, sorted: a
// program's paths start with one ("data/sales.csv").
func (p *Provider) Roots() []string { return slices.Sorted(maps.Keys(p.roots)) }

// Params returns the parameter names of the tool function fn.
func (p *Provider) Params(fn string) ([]string, bool) {
	f, ok := funcs()[fn]
	return f.Params, ok
}

// Prepare decodes the JSON arguments of a call to fn and returns them in
// canonical form by parameter name. It does no I/O.
func (p *Provider) Prepare(fn string, raw []json.RawMessage) (map[string]any, error) {
	f, ok := funcs()[fn]
	if !ok {
		return nil, fmt.Errorf("fs has no function %s", fn)
	}
	vals, err := f.Decode(raw)
	if err != nil {
		return nil, err
	}
	c, err := cleanerFor(fn)(vals[0].(string))
	if err != nil {
		return nil, err
	}
	return map[string]any{f.Params[0]: c}, nil
}

// Call performs fn with arguments that Prepare made canonical.
func (p *Provider) Call(ctx context.Context, fn string, args map[string]any) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, ok := funcs()[fn]
	if !ok {
		return nil, fmt.Errorf("fs has no function %s", fn)
	}
	arg, _ := args[f.Params[0]].(string)
	if c, err := cleanerFor(fn)(arg); err != nil || c != arg {
		return nil, fmt.Errorf("argument %s %q is not in canonical form", f.Params[0], arg)
	}
	switch fn {
	case "ReadFile":
		data, err := p.read(arg)
		if err != nil {
			return nil, err
		}
		return provider.Direct{Value: string(data), Text: string(data)}, nil
	case "ReadDir":
		return p.readDir(arg)
	case "Glob":
		return p.glob(arg)
	case "ReadCSV", "ReadCSVRows":
		// A direct call would have returned the file's text.
		data, err := p.read(arg)
		if err != nil {
			return nil, err
		}
		var rows any
		if fn == "ReadCSV" {
			rows, err = readCSV(arg, data)
		} else {
			rows, err = readCSVRows(arg, data)
		}
		if err != nil {
			return nil, err
		}
		return provider.Direct{Value: rows, Text: string(data)}, nil
	}
	return nil, fmt.Errorf("fs has no function %s", fn)
}

// cleanerFor returns the canonical form of fn's single argument: a pattern
// for Glob, a path for the others.
func cleanerFor(fn string) func(string) (string, error) {
	if fn == "Glob" {
		return CleanPattern
	}
	return Clean
}

// resolve splits a canonical path into its root and the path within it.
func (p *Provider) resolve(vpath string) (*os.Root, string, error) {
	name, rel, _ := strings.Cut(vpath, "/")
	root, ok := p.roots[name]
	if !ok {
		return nil, "", p.unknownRoot(vpath, name)
	}
	if rel == "" {
		rel = "."
	}
	return root, rel, nil
}

func (p *Provider) unknownRoot(vpath, name string) error {
	if len(p.roots) == 0 {
		return fmt.Errorf("%s: the policy grants no roots to read", vpath)
	}
	if name == "." {
		return fmt.Errorf(`%s: a path starts with the name of a root (%s)`,
			vpath, strings.Join(slices.Sorted(maps.Keys(p.roots)), ", "))
	}
	return fmt.Errorf("%s: no root named %q; roots: %s",
		vpath, name, strings.Join(slices.Sorted(maps.Keys(p.roots)), ", "))
}

// read returns the contents of a regular file, refusing one larger than
// maxRead. The file is opened without blocking, so a FIFO cannot hang the
// call, and checked to be regular after opening, so it cannot be swapped.
func (p *Provider) read(vpath string) ([]byte, error) {
	root, rel, err := p.resolve(vpath)
	if err != nil {
		return nil, err
	}
	f, err := root.OpenFile(rel, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, pathError(vpath, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, pathError(vpath, err)
	}
	switch {
	case info.IsDir():
		return nil, fmt.Errorf("%s is a directory; list it with ReadDir", vpath)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file", vpath)
	case info.Size() > p.maxRead:
		return nil, p.tooLarge(vpath, info.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, p.maxRead+1))
	if err != nil {
		return nil, pathError(vpath, err)
	}
	if int64(len(data)) > p.maxRead { // grew since Stat
		return nil, p.tooLarge(vpath, -1)
	}
	return data, nil
}

func (p *Provider) tooLarge(vpath string, size int64) error {
	limit := config.FormatSize(p.maxRead)
	if size < 0 {
		return fmt.Errorf("%s is larger than the read limit of %s", vpath, limit)
	}
	return fmt.Errorf("%s is %d bytes, larger than the read limit of %s", vpath, size, limit)
}

// pathError restates an error from the root in terms of the virtual path,
// which is the name the program knows.
func pathError(vpath string, err error) error {
	var pe *iofs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", vpath, err)
}

func (p *Provider) readDir(vpath string) ([]Entry, error) {
	if vpath == "." {
		entries := []Entry{}
		for _, name := range slices.Sorted(maps.Keys(p.roots)) {
			entries = append(entries, Entry{Name: name, Dir: true})
		}
		return entries, nil
	}
	root, rel, err := p.resolve(vpath)
	if err != nil {
		return nil, err
	}
	fsys := rootFS{root}
	des, err := iofs.ReadDir(fsys, rel)
	if err != nil {
		return nil, pathError(vpath, err)
	}
	entries := make([]Entry, 0, len(des))
	for _, de := range des {
		info, err := de.Info()
		if err != nil {
			continue // removed since listing
		}
		if info.Mode()&iofs.ModeSymlink != 0 {
			// Describe what the link leads to, if it stays inside the root.
			if target, err := iofs.Stat(fsys, path.Join(rel, de.Name())); err == nil {
				info = target
			}
		}
		e := Entry{Name: de.Name(), Dir: info.IsDir()}
		if !e.Dir {
			e.Size = info.Size()
		}
		entries = append(entries, e)
	}
	return entries, nil
}

func (p *Provider) glob(pattern string) ([]string, error) {
	name, rel, _ := strings.Cut(pattern, "/")
	root, ok := p.roots[name]
	if !ok {
		return nil, p.unknownRoot(pattern, name)
	}
	if rel == "" {
		rel = "."
	}
	matches, err := iofs.Glob(rootFS{root}, rel)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pattern, err)
	}
	out := make([]string, 0, len(matches))
	for _, m := range matches {
		if m == "." {
			out = append(out, name)
		} else {
			out = append(out, name+"/"+m)
		}
	}
	sort.Strings(out)
	return out, nil
}

var bom = []byte("\uFEFF")

func csvReader(data []byte) *csv.Reader {
	return csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, bom)))
}

func readCSVRows(vpath string, data []byte) ([][]string, error) {
	r := csvReader(data)
	r.FieldsPerRecord = -1
	rows := [][]string{}
	size := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", vpath, err)
		}
		for _, cell := range rec {
			size += len(cell) + 3 // quotes and a comma once encoded
		}
		if size += 2; size > maxDecoded {
			return nil, tooLarge(vpath)
		}
		rows = append(rows, rec)
	}
}

// maxDecoded caps the rows one CSV call decodes, measured as their JSON
// encoding: many tiny cells cost far more in memory than in the file.
const maxDecoded = 32 << 20

func tooLarge(vpath string) error {
	return fmt.Errorf("%s: decodes to more than %d MiB of rows; read a smaller file or fewer columns", vpath, maxDecoded>>20)
}

func readCSV(vpath string, data []byte) ([]map[string]string, error) {
	r := csvReader(data)
	out := []map[string]string{}
	size := 0
	header, err := r.Read()
	if err == io.EOF {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", vpath, err)
	}
	for i, col := range header {
		if j := slices.Index(header[:i], col); j >= 0 {
			return nil, fmt.Errorf("%s: header names column %q twice (columns %d and %d); use ReadCSVRows", vpath, col, j+1, i+1)
		}
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", vpath, err)
		}
		row := make(map[string]string, len(header))
		for i, col := range header {
			row[col] = rec[i]
			size += len(col) + len(rec[i]) + 6
		}
		if size += 2; size > maxDecoded {
			return nil, tooLarge(vpath)
		}
		out = append(out, row)
	}
}

// Kind is the fs provider, to the registry.
var Kind = provider.Kind{
	Name:    "fs",
	Declare: provider.Static(Declaration),
	New:     func(cfg map[string]any, baseDir string) (provider.Provider, error) { return New(cfg, baseDir) },
}

// rootFS is a root as an fs.FS whose opens never wait: os.Root.FS opens
// with O_RDONLY alone, and opening a FIFO (which ReadDir and Glob do when
// a path or a pattern's folder names one) would wait for a writer for
// ever, holding a thread of the parent. It opens with openFlags, and lists
// only folders.
type rootFS struct{ root *os.Root }

func (r rootFS) Open(name string) (iofs.File, error) {
	if !iofs.ValidPath(name) {
		return nil, &iofs.PathError{Op: "open", Path: name, Err: iofs.ErrInvalid}
	}
	return r.root.OpenFile(name, os.O_RDONLY|openFlags, 0)
}

func (r rootFS) Stat(name string) (iofs.FileInfo, error) {
	if !iofs.ValidPath(name) {
		return nil, &iofs.PathError{Op: "stat", Path: name, Err: iofs.ErrInvalid}
	}
	return r.root.Stat(name)
}

func (r rootFS) ReadDir(name string) ([]iofs.DirEntry, error) {
	info, err := r.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &iofs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	f, err := r.root.OpenFile(name, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	des, err := f.ReadDir(-1)
	slices.SortFunc(des, func(a, b iofs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return des, err
}
